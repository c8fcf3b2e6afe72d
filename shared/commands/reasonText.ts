// The reason comment of a write, in the operator's UI language (English or Bokmål), with
// before → after in words (decision D55). Written by main when the write is queued, so the
// comment that is sent later, offline or after a restart, is exactly what was confirmed.
import type { Command, ShownChange, UiLanguage } from './index';

type Words = Record<string, string>;

const LABELS: Record<UiLanguage, Words> = {
  en: {
    billingGroupName: 'name', billingGroupDesc: 'description', billingGroupStatus: 'status', notifyMethod: 'statement delivery',
    paymentOption: 'payment option', paymentTerms: 'payment terms', paymentEANNum: 'EAN number', paymentEANRequisitionNum: 'EAN requisition number',
    primaryPaymentMethodID: 'primary card', backupPaymentMethodID: 'backup card', payOptionID: 'payment option ID', payOptionVariant: 'variant',
    statementContactNo: 'statement contact', dunningGroupName: 'dunning group name', dunningGroupDesc: 'dunning group description',
    dunningProcessID: 'dunning process', titleCode: 'title code', fullName: 'full name', firstName: 'first name', lastName: 'last name',
    emailAddress: 'email', cellPhone: 'mobile phone', homePhone: 'home phone', workPhone: 'work phone', postalCode: 'postal code',
    postalCity: 'city', streetName: 'street name', streetNo: 'street number', distAddressNo: 'address number', distAddrType: 'address type',
    distStreetName: 'street name', distStreetNo: 'street number', distAddrLine1: 'address line 1', distAddrLine2: 'address line 2',
    distAddrPostalCode: 'postal code', distAddrCity: 'city', distAddrCountryCode: 'country', distCoAddr: 'c/o', distFlatNo: 'flat',
    distFlatFloor: 'floor', distEntranceNo: 'entrance', ariaMPINo: 'subscription', dateEffective: 'effective from',
    ariaStatusCode: 'status', newStatusCode: 'status', channelCode: 'channel', consentCode: 'consent', sourceCode: 'source',
    // The account contact and IDs (AcctManageAccount).
    middleInitials: 'middle initials', addressLine1: 'address line 1', addressLine2: 'address line 2', addressLine3: 'address line 3',
    flatNo: 'flat', flatFloor: 'floor', flatSpec: 'flat specification', entranceNo: 'entrance', countryCode: 'country',
    addrLocality: 'locality', addrStateProv: 'state / province', birthDate: 'date of birth', ariaAccountID: 'client account ID', userID: 'user ID',
    // plan.replace (D72)
    plan: 'plan', units: 'units', effectiveDate: 'takes effect', charges: 'charged now', credits: 'credited', nextInvoiceDate: 'next invoice',
  },
  nb: {
    billingGroupName: 'navn', billingGroupDesc: 'beskrivelse', billingGroupStatus: 'status', notifyMethod: 'levering av utskrift',
    paymentOption: 'betalingsmåte', paymentTerms: 'betalingsbetingelser', paymentEANNum: 'EAN-nummer', paymentEANRequisitionNum: 'EAN-rekvisisjonsnummer',
    primaryPaymentMethodID: 'hovedkort', backupPaymentMethodID: 'reservekort', payOptionID: 'betalingsvalg-ID', payOptionVariant: 'variant',
    statementContactNo: 'kontakt for utskrift', dunningGroupName: 'navn på purregruppe', dunningGroupDesc: 'beskrivelse av purregruppe',
    dunningProcessID: 'purreprosess', titleCode: 'tittelkode', fullName: 'fullt navn', firstName: 'fornavn', lastName: 'etternavn',
    emailAddress: 'e-post', cellPhone: 'mobil', homePhone: 'telefon hjemme', workPhone: 'telefon arbeid', postalCode: 'postnummer',
    postalCity: 'poststed', streetName: 'gatenavn', streetNo: 'husnummer', distAddressNo: 'adressenummer', distAddrType: 'adressetype',
    distStreetName: 'gatenavn', distStreetNo: 'husnummer', distAddrLine1: 'adresselinje 1', distAddrLine2: 'adresselinje 2',
    distAddrPostalCode: 'postnummer', distAddrCity: 'poststed', distAddrCountryCode: 'land', distCoAddr: 'c/o', distFlatNo: 'leilighet',
    distFlatFloor: 'etasje', distEntranceNo: 'oppgang', ariaMPINo: 'abonnement', dateEffective: 'gjelder fra',
    ariaStatusCode: 'status', newStatusCode: 'status', channelCode: 'kanal', consentCode: 'samtykke', sourceCode: 'kilde',
    // Kontoens kontakt og ID-er (AcctManageAccount).
    middleInitials: 'mellomnavn (initialer)', addressLine1: 'adresselinje 1', addressLine2: 'adresselinje 2', addressLine3: 'adresselinje 3',
    flatNo: 'leilighet', flatFloor: 'etasje', flatSpec: 'leilighetsbeskrivelse', entranceNo: 'oppgang', countryCode: 'land',
    addrLocality: 'sted', addrStateProv: 'delstat / provins', birthDate: 'fødselsdato', ariaAccountID: 'konto-ID hos kunden', userID: 'bruker-ID',
    // plan.replace (D72)
    plan: 'produkt', units: 'antall', effectiveDate: 'gjelder fra', charges: 'belastes nå', credits: 'krediteres', nextInvoiceDate: 'neste faktura',
  },
};

const PHRASES = {
  en: {
    'billingGroup.add': 'Billing group added',
    'billingGroup.modify': 'Billing group changed',
    'billingGroup.remove': 'Billing group removed',
    'address.changePerm': 'Permanent address changed',
    'account.manage': 'Account changed',
    'card.complete': 'Card updated',
    'account.create': 'Account created',
    'plan.replace': 'Subscription changed',
    'comment.add': 'Comment',
    empty: '(empty)',
    reason: 'Reason',
    group: 'billing group',
  },
  nb: {
    'billingGroup.add': 'Faktureringsgruppe lagt til',
    'billingGroup.modify': 'Faktureringsgruppe endret',
    'billingGroup.remove': 'Faktureringsgruppe fjernet',
    'address.changePerm': 'Fast adresse endret',
    'account.manage': 'Konto endret',
    'card.complete': 'Kort oppdatert',
    'account.create': 'Konto opprettet',
    'plan.replace': 'Abonnement endret',
    'comment.add': 'Kommentar',
    empty: '(tom)',
    reason: 'Begrunnelse',
    group: 'faktureringsgruppe',
  },
} as const;

function label(lang: UiLanguage, path: string): string {
  const leaf = path.split('.').filter((p) => !/^\d+$/.test(p)).at(-1) ?? path;
  return LABELS[lang][leaf] ?? leaf;
}

function value(lang: UiLanguage, v: ShownChange['before']): string {
  return v === null || v === '' ? PHRASES[lang].empty : String(v);
}

/** "payment terms: Bank giro → EHF e-invoice; EAN number: (empty) → 123": the words the confirmation showed, else the values. */
export function changesInWords(lang: UiLanguage, changes: readonly ShownChange[]): string {
  const said = (c: ShownChange, side: 'before' | 'after') => value(lang, c.words ? c.words[side] : c[side]);
  return changes.map((c) => `${label(lang, c.path)}: ${said(c, 'before')} → ${said(c, 'after')}`).join('; ');
}

/** What the write is about in a few words: the group's name, the subscription. */
function subject(cmd: Command, lang: UiLanguage): string {
  switch (cmd.type) {
    case 'billingGroup.add':
      return cmd.group.billingGroupName?.trim() ?? '';
    case 'billingGroup.modify':
      return cmd.group.billingGroupName?.trim() || cmd.group.ariaBillingGroupID || String(cmd.group.ariaBillingGroupNo ?? '');
    case 'billingGroup.remove':
      return cmd.label?.trim() || cmd.group.ariaBillingGroupID || String(cmd.group.ariaBillingGroupNo ?? '');
    case 'address.changePerm':
      return cmd.change.ariaMPINo ? `${label(lang, 'ariaMPINo')} ${cmd.change.ariaMPINo}` : '';
    case 'account.manage':
      return cmd.actions.map((a) => actionWords(lang, a)).join(', ');
    case 'card.complete':
      return `${PHRASES[lang].group} ${cmd.billingGroupId ?? cmd.billingGroupNo ?? ''}`.trim();
    case 'plan.replace':
      return cmd.before && cmd.preview ? `${cmd.before.plan} → ${cmd.preview.plan}` : '';
    case 'comment.add':
    case 'account.create':
      return '';
  }
}

// ── account changes (AcctManageAccount): each action in words, and what a partly made
// request did not make (the "contact" helper, D57).
const ACTION_WORDS = {
  en: { ASSIGN: 'new IDs', MODIFY: 'contact', CANCEL: 'account cancelled', ACTIVATE: 'activated', DEACTIVATE: 'deactivated', BANNED: 'banned', notMade: 'Not made' },
  nb: { ASSIGN: 'nye ID-er', MODIFY: 'kontakt', CANCEL: 'konto kansellert', ACTIVATE: 'aktivert', DEACTIVATE: 'deaktivert', BANNED: 'utestengt', notMade: 'Ikke utført' },
} as const;

type ManageAction = Extract<Command, { type: 'account.manage' }>['actions'][number];

export function actionWords(lang: UiLanguage, a: ManageAction | { actionDirective: string }): string {
  const w = ACTION_WORDS[lang];
  if ('acctManageAccountDetailsSTATUS' in a) return w[a.acctManageAccountDetailsSTATUS.newStatusCode];
  return (w as Record<string, string>)[a.actionDirective] ?? a.actionDirective;
}

/**
 * Added to the reason comment of an account change the billing system made only in part:
 * "Not made: banned (account 7 is already archived)".
 */
export function notMadeInWords(cmd: Extract<Command, { type: 'account.manage' }>, results: readonly { resultCode: number; resultText: string }[]): string | undefined {
  const lang = cmd.lang ?? 'en';
  const missing = cmd.actions.flatMap((a, i) => {
    const r = results[i];
    return r && r.resultCode < 0 ? [`${actionWords(lang, a)} (${r.resultText})`] : [];
  });
  return missing.length ? `${ACTION_WORDS[lang].notMade}: ${missing.join('; ')}.` : undefined;
}

/**
 * The reason comment's text: "Billing group changed (Faktura): payment terms: BANKGIRO →
 * EHF. Reason: customer asked". Undefined when the command carries no reason.
 */
export function reasonCommentText(cmd: Command): string | undefined {
  // A new account has no account to write a reason on until AMPS answers (D60).
  if (cmd.type === 'comment.add' || cmd.type === 'account.create') return undefined;
  const reason = cmd.reason?.trim();
  if (!reason) return undefined;
  const lang = cmd.lang ?? 'en';
  const p = PHRASES[lang];
  const about = subject(cmd, lang);
  const changes = cmd.changes?.length ? `: ${changesInWords(lang, cmd.changes)}` : '';
  return `${p[cmd.type]}${about ? ` (${about})` : ''}${changes}. ${p.reason}: ${reason}`;
}
