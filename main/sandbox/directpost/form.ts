// The sandbox's stand-in for the provider's hosted Direct Post card form: one
// self-contained page, no script, no external resources, a strict CSP of its own.
import { createHash } from 'node:crypto';
import type { CardError } from './card';

const STYLE = `body{font:16px/1.4 system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1b1f24}
main{max-width:26rem;margin:2rem auto;background:#fff;padding:1.5rem;border-radius:8px;box-shadow:0 1px 4px #0002}
h1{font-size:1.25rem;margin:0 0 .25rem}p.note{color:#555;font-size:.875rem;margin:0 0 1rem}
label{display:block;margin:.75rem 0 .25rem;font-weight:600}input,select{font:inherit;padding:.5rem;width:100%;box-sizing:border-box;border:1px solid #888;border-radius:4px}
.row{display:flex;gap:.5rem}.row>div{flex:1}.error{background:#fdecea;color:#8a1c12;padding:.5rem .75rem;border-radius:4px}
button{margin-top:1.25rem;width:100%;padding:.75rem;font:inherit;font-weight:600;background:#0b57d0;color:#fff;border:0;border-radius:4px}`;

export const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE, 'utf8').digest('base64')}'`;

type Lang = 'nb' | 'en';
const TEXT = {
  nb: {
    title: 'Registrer betalingskort', note: 'Sandkasse: kortnummeret lagres aldri, bare korttype, de fire siste sifrene og utløpsdato.',
    holder: 'Navn på kortet', number: 'Kortnummer', month: 'Måned', year: 'År', cvc: 'CVC', submit: 'Lagre kortet',
    number_error: 'Kortnummeret er ikke gyldig.', brand: 'Denne korttypen tas ikke imot.', expiry: 'Utløpsdatoen er ikke gyldig.',
    expired: 'Kortet er utløpt.', cvc_error: 'CVC-koden er ikke gyldig.',
    done: 'Kortet er lagret. Du kan lukke dette vinduet og gå tilbake til CSR Desk.',
    notDone: 'Kortet ble ikke lagret. Gå tilbake til CSR Desk og prøv igjen.',
  },
  en: {
    title: 'Register a payment card', note: 'Sandbox: the card number is never stored, only the card type, last four digits and expiry.',
    holder: 'Name on card', number: 'Card number', month: 'Month', year: 'Year', cvc: 'CVC', submit: 'Save card',
    number_error: 'The card number is not valid.', brand: 'This card type is not accepted.', expiry: 'The expiry date is not valid.',
    expired: 'The card has expired.', cvc_error: 'The CVC is not valid.',
    done: 'The card is saved. You can close this window and return to CSR Desk.',
    notDone: 'The card was not saved. Return to CSR Desk and try again.',
  },
} as const;

export const pickLang = (v: unknown): Lang => (v === 'en' ? 'en' : 'nb');

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function errorText(lang: Lang, error: CardError): string {
  const t = TEXT[lang];
  return { number: t.number_error, brand: t.brand, expiry: t.expiry, expired: t.expired, cvc: t.cvc_error }[error];
}

export function formPage(o: { session: string; returnUrl: string; lang: Lang; year: number; error?: string; expMonth?: string; expYear?: string }): string {
  const t = TEXT[o.lang];
  const months = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'))
    .map((m) => `<option${m === o.expMonth ? ' selected' : ''}>${m}</option>`)
    .join('');
  const years = Array.from({ length: 16 }, (_, i) => String(o.year + i))
    .map((y) => `<option${y === o.expYear ? ' selected' : ''}>${y}</option>`)
    .join('');
  return `<!doctype html><html lang="${o.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${t.title}</title><style>${STYLE}</style></head><body><main>
<h1>${t.title}</h1><p class="note">${t.note}</p>
${o.error ? `<p class="error" role="alert">${esc(o.error)}</p>` : ''}
<form method="post" action="/directpost/submit" autocomplete="on">
<input type="hidden" name="session" value="${esc(o.session)}"><input type="hidden" name="returnUrl" value="${esc(o.returnUrl)}">
<input type="hidden" name="lang" value="${o.lang}">
<label for="holder">${t.holder}</label><input id="holder" name="cardholder" autocomplete="cc-name" maxlength="100">
<label for="number">${t.number}</label><input id="number" name="cardNumber" inputmode="numeric" autocomplete="cc-number" maxlength="23" required>
<div class="row"><div><label for="month">${t.month}</label><select id="month" name="expMonth" autocomplete="cc-exp-month">${months}</select></div>
<div><label for="year">${t.year}</label><select id="year" name="expYear" autocomplete="cc-exp-year">${years}</select></div>
<div><label for="cvc">${t.cvc}</label><input id="cvc" name="cvc" inputmode="numeric" autocomplete="cc-csc" maxlength="4" required></div></div>
<button type="submit">${t.submit}</button></form></main></body></html>`;
}

export function messagePage(lang: Lang, message: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${TEXT[lang].title}</title><style>${STYLE}</style></head>
<body><main><h1>${TEXT[lang].title}</h1><p class="error" role="alert">${esc(message)}</p></main></body></html>`;
}


/** The provider's landing page after the form (the desk's returnUrl, D63): the outcome in words, nothing else. */
export function donePage(lang: Lang, saved: boolean): string {
  const t = TEXT[lang];
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${t.title}</title><style>${STYLE}</style></head>
<body><main><h1>${t.title}</h1><p${saved ? ' role="status"' : ' class="error" role="alert"'}>${saved ? t.done : t.notDone}</p></main></body></html>`;
}
