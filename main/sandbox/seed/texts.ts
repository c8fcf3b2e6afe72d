// Comment texts for the demo data: short CSR notes and a few long ones that the 004 rule
// splits into "(n/m): " parts. Long ones come from a fixed pool split once, not per account.
import { labelCommentParts, splitComment } from '../../../shared/amps/commentSplit';
import type { Prng } from './prng';

const SHORT = [
  'Kunden ringte om manglende avis {d}. Sendt ny utgave.',
  'Adresseendring registrert fra {d}.',
  'Kunden ønsker å betale med AvtaleGiro. Sendt skjema på e-post.',
  'Reklamasjon på levering, godskrevet {n} kr.',
  'Kunden har flyttet, oppdatert adresse etter telefon.',
  'Ferieomlegging til hytta i uke {w}.',
  'Kunden spurte om fakturaen, forklarte beløpet og perioden.',
  'Betalingsutsettelse innvilget til {d}.',
  'Kunden ønsker ikke å bli kontaktet på telefon.',
  'Oppsigelse mottatt, kunden takket nei til tilbud om rabatt.',
  'Kortet utløper snart, kunden er varslet på e-post.',
  'Digital tilgang aktivert for ny bruker i husstanden.',
  'Kunden klager på sen levering i helgene. Meldt til distribusjon.',
  'Purring sendt, kunden lovet å betale innen fristen.',
  'eFaktura-avtale opprettet i nettbanken.',
  'Kunden ba om kopi av faktura {n}. Sendt som PDF.',
  'Budet fikk ikke tilgang til oppgangen, kunden sender ny kode.',
  'Kunden vil ha avisen i postkassen ved porten, ikke på trappen.',
];

const SENTENCES = [
  'Kunden ringte kundesenteret og var misfornøyd med leveringen den siste måneden.',
  'Avisen har kommet for sent flere morgener, og to lørdager kom den ikke i det hele tatt.',
  'Vi har sjekket rutene med distributøren, som bekrefter at det har vært vikarbud i området.',
  'Kunden fikk godskrevet to uker på neste faktura som kompensasjon for ulempen.',
  'Det er også avtalt at budet skal legge avisen i postkassen ved porten og ikke på trappen.',
  'Kunden ønsket samtidig å endre betalingsmåte fra papirfaktura til AvtaleGiro.',
  'Skjema for AvtaleGiro er sendt på e-post, og kunden returnerer det signert i nettbanken.',
  'Inntil avtalen er aktiv sendes faktura som før, med forfall om fjorten dager.',
  'Kunden spurte i tillegg om digital tilgang for en sønn som studerer i en annen by.',
  'Det ble forklart at tilleggsbruker kan legges til på Min side uten ekstra kostnad.',
  'Saken følges opp om en uke dersom leveringen ikke er stabil.',
  'Kunden var fornøyd med løsningen og takket for hjelpen.',
];

const pad2 = (n: number) => String(n).padStart(2, '0');

export function shortComment(r: Prng): string {
  return r
    .pick(SHORT)
    .replace('{d}', `${pad2(r.int(1, 28))}.${pad2(r.int(1, 12))}`)
    .replace('{n}', String(r.int(49, 899)))
    .replace('{w}', String(r.int(1, 52)));
}

/** A pool of long comments, each already split and labelled as stored. */
function buildLongPool(): string[][] {
  const pool: string[][] = [];
  for (let k = 0; k < 24; k++) {
    const count = 7 + (k % 12);
    const text = Array.from({ length: count }, (_, i) => SENTENCES[(k * 5 + i) % SENTENCES.length]).join(' ');
    pool.push(labelCommentParts(splitComment(text)));
  }
  return pool;
}
let longPool: string[][] | undefined;
export function longCommentParts(r: Prng): string[] {
  longPool ??= buildLongPool();
  return r.pick(longPool);
}

export const COMMENT_AUTHORS = ['kari.nordmann', 'ole.hansen', 'CSR-DESK/lise', 'CSR-DESK/ahmed', 'Min side', 'AMPS-BATCH'] as const;
export const COMMENT_APPS = [['CSR-DESK', 5], ['MINSIDE-WEB', 3], ['AMPS-BATCH', 1], [null, 2]] as const;
