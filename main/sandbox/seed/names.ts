// Norwegian first and last names for the demo data (common names per SSB's name lists),
// plus company name parts for business customers.

export const FEMALE_FIRST = [
  'Anne', 'Inger', 'Kari', 'Marit', 'Ingrid', 'Liv', 'Eva', 'Berit', 'Astrid', 'Bjørg', 'Hilde', 'Anna', 'Solveig',
  'Marianne', 'Randi', 'Ida', 'Nina', 'Maria', 'Elisabeth', 'Kristin', 'Bente', 'Heidi', 'Silje', 'Hanne', 'Gerd',
  'Linda', 'Tone', 'Tove', 'Elin', 'Anita', 'Wenche', 'Ragnhild', 'Camilla', 'Ellen', 'Karin', 'Hege', 'Ann',
  'Nora', 'Emma', 'Sofie', 'Ingeborg', 'Sigrid', 'Åse', 'Torill', 'Grete', 'Mona', 'Thea', 'Julie', 'Maja', 'Sara',
  'Guro', 'Synnøve', 'Aud', 'Turid', 'Unni', 'Vigdis', 'Oda', 'Frida', 'Live', 'Mathilde',
] as const;

export const MALE_FIRST = [
  'Jan', 'Per', 'Bjørn', 'Ole', 'Lars', 'Kjell', 'Knut', 'Arne', 'Svein', 'Thomas', 'Hans', 'Geir', 'Tor', 'Morten',
  'Terje', 'Odd', 'Erik', 'Martin', 'Andreas', 'John', 'Anders', 'Rune', 'Trond', 'Tore', 'Jon', 'Harald', 'Olav',
  'Gunnar', 'Stein', 'Rolf', 'Einar', 'Espen', 'Leif', 'Kristian', 'Magnus', 'Nils', 'Øyvind', 'Jonas', 'Daniel',
  'Henrik', 'Sindre', 'Håkon', 'Eirik', 'Sverre', 'Ivar', 'Halvor', 'Audun', 'Steinar', 'Vidar', 'Frode', 'Sigurd',
  'Emil', 'Jakob', 'Filip', 'Aksel', 'Kasper', 'Mathias', 'Sander', 'Tobias', 'Ola', 'Niels',
] as const;

export const LAST_NAMES = [
  'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen', 'Karlsen',
  'Johnsen', 'Pettersen', 'Eriksen', 'Berg', 'Haugen', 'Hagen', 'Johannessen', 'Andreassen', 'Jacobsen', 'Dahl',
  'Jørgensen', 'Henriksen', 'Lund', 'Halvorsen', 'Sørensen', 'Jakobsen', 'Moen', 'Gundersen', 'Iversen', 'Strand',
  'Solberg', 'Svendsen', 'Eide', 'Knutsen', 'Martinsen', 'Paulsen', 'Bakken', 'Kristoffersen', 'Mathisen', 'Lie',
  'Amundsen', 'Nguyen', 'Rasmussen', 'Ali', 'Lunde', 'Solheim', 'Berge', 'Moe', 'Nygård', 'Bakke', 'Kristensen',
  'Fredriksen', 'Holm', 'Lien', 'Hauge', 'Christensen', 'Andresen', 'Nielsen', 'Knudsen', 'Evensen', 'Sæther',
  'Aas', 'Myhre', 'Hanssen', 'Ahmed', 'Haugland', 'Thomassen', 'Sivertsen', 'Simonsen', 'Danielsen', 'Berntsen',
  'Sandvik', 'Rønning', 'Arnesen', 'Antonsen', 'Næss', 'Vik', 'Haug', 'Ellingsen', 'Thorsen', 'Edvardsen',
  'Birkeland', 'Isaksen', 'Gulbrandsen', 'Ruud', 'Aasen', 'Strøm', 'Myklebust', 'Tangen', 'Ødegård', 'Eliassen',
  'Helland', 'Bøe', 'Jenssen', 'Aune', 'Mikkelsen', 'Tveit', 'Brekke', 'Abrahamsen', 'Madsen', 'Khan', 'Kowalski',
] as const;

export const COMPANY_PREFIX = [
  'Fjord', 'Nord', 'Vest', 'Øst', 'Sør', 'Bygde', 'Kyst', 'Fjell', 'Dal', 'Elve', 'Skog', 'Berg', 'Havn', 'Torg',
] as const;
export const COMPANY_KIND = [
  'Bygg AS', 'Regnskap AS', 'Rør AS', 'Elektro AS', 'Eiendom AS', 'Transport AS', 'Kafé AS', 'Advokatfirma AS',
  'Tannlegesenter AS', 'Idrettslag', 'Kommune', 'Barnehage AS', 'Maskin AS', 'Fiskeoppdrett AS', 'Frisør AS',
] as const;

export const EMAIL_DOMAINS = [
  ['gmail.com', 30], ['online.no', 14], ['hotmail.com', 12], ['outlook.com', 8], ['yahoo.no', 5], ['live.no', 5],
  ['icloud.com', 5], ['altibox.no', 6], ['getmail.no', 3], ['broadpark.no', 2], ['lyse.net', 3], ['frisurf.no', 2],
] as const satisfies readonly (readonly [string, number])[];

/** ASCII form of a name for email local parts: æ → ae, ø → o, å → aa. */
export function asciiName(s: string): string {
  return s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'aa')
    .replace(/[^a-z0-9]+/g, '');
}
