// Norwegian places for the demo data: postal codes with their postal town (within the
// ranges Posten Norge gives each town), real street names in the town, and the landline
// prefix of the area. Weights roughly follow population.

export interface Place {
  city: string;
  weight: number;
  /** Inclusive postal code ranges, as numbers (formatted to 4 digits). */
  postal: readonly (readonly [number, number])[];
  streets: readonly string[];
  landline: string;
}

export const PLACES: readonly Place[] = [
  {
    city: 'OSLO',
    weight: 30,
    postal: [[150, 196], [250, 287], [350, 383], [444, 444], [450, 489], [550, 598], [650, 694], [750, 791], [850, 891], [950, 988], [1150, 1189], [1250, 1295]],
    streets: [
      'Karl Johans gate', 'Akersgata', 'Storgata', 'Thereses gate', 'Bogstadveien', 'Kirkeveien', 'Ullevålsveien',
      'Trondheimsveien', 'Grønlandsleiret', 'Markveien', 'Thorvald Meyers gate', 'Waldemar Thranes gate', 'Pilestredet',
      'Hegdehaugsveien', 'Sognsveien', 'Bygdøy allé', 'Frognerveien', 'Drammensveien', 'Majorstuveien', 'Holmenkollveien',
      'Tåsenveien', 'Kjelsåsveien', 'Grefsenveien', 'Sandakerveien', 'Refstadveien', 'Tvetenveien', 'Ekebergveien',
      'Mosseveien', 'Kongsveien', 'Lambertseterveien', 'Enebakkveien', 'Hovinveien', 'Schweigaards gate', 'Munkedamsveien',
      'Bekkelagsveien', 'Maridalsveien', 'Vogts gate', 'Kierschows gate', 'Jacob Aalls gate', 'Industrigata',
    ],
    landline: '2',
  },
  {
    city: 'BERGEN',
    weight: 12,
    postal: [[5003, 5018], [5031, 5039], [5052, 5059], [5063, 5068], [5072, 5075]],
    streets: [
      'Strandgaten', 'Torgallmenningen', 'Kong Oscars gate', 'Nygårdsgaten', 'Fjøsangerveien', 'Kalfarveien',
      'Sandviksveien', 'Møhlenprisbakken', 'Hansaveien', 'Øvre Ole Bulls plass', 'Christies gate', 'Nordnesgaten',
      'Haukelandsveien', 'Årstadveien', 'Michael Krohns gate',
    ],
    landline: '55',
  },
  {
    city: 'TRONDHEIM',
    weight: 9,
    postal: [[7010, 7018], [7020, 7034], [7040, 7045], [7050, 7058]],
    streets: [
      'Munkegata', 'Olav Tryggvasons gate', 'Kongens gate', 'Prinsens gate', 'Elgeseter gate', 'Innherredsveien',
      'Bakkegata', 'Byåsveien', 'Klostergata', 'Mellomila', 'Jonsvannsveien', 'Lade allé',
    ],
    landline: '73',
  },
  {
    city: 'STAVANGER',
    weight: 7,
    postal: [[4005, 4024]],
    streets: ['Kirkegata', 'Pedersgata', 'Løkkeveien', 'Madlaveien', 'Hillevågsveien', 'Breigata', 'Kongsgata', 'Eiganesveien', 'Tjensvollveien'],
    landline: '51',
  },
  {
    city: 'DRAMMEN',
    weight: 5,
    postal: [[3011, 3019], [3021, 3028], [3031, 3048]],
    streets: ['Øvre Storgate', 'Nedre Storgate', 'Tollbugata', 'Konnerudgata', 'Rosenkrantzgata', 'Bragernes torg', 'Grønland', 'Engene', 'Haugesgate'],
    landline: '32',
  },
  {
    city: 'KRISTIANSAND S',
    weight: 5,
    postal: [[4608, 4634]],
    streets: ['Markens gate', 'Dronningens gate', 'Elvegata', 'Festningsgata', 'Tollbodgata', 'Vestre Strandgate', 'Kirkegata', 'Rådhusgata'],
    landline: '38',
  },
  {
    city: 'TROMSØ',
    weight: 4,
    postal: [[9006, 9020]],
    streets: ['Storgata', 'Grønnegata', 'Skippergata', 'Sjøgata', 'Stakkevollvegen', 'Kvaløyvegen', 'Hansjordnesgata'],
    landline: '77',
  },
  {
    city: 'FREDRIKSTAD',
    weight: 4,
    postal: [[1601, 1615], [1630, 1634]],
    streets: ['Nygaardsgata', 'Storgata', 'Farmannsgata', 'Glommengata', 'Kirkegata', 'Torsnesveien'],
    landline: '69',
  },
  {
    city: 'SANDNES',
    weight: 4,
    postal: [[4306, 4329]],
    streets: ['Langgata', 'Jernbanegata', 'Strandgata', 'Gravarsveien', 'Somaveien', 'Hoveveien'],
    landline: '51',
  },
  {
    city: 'BODØ',
    weight: 3,
    postal: [[8003, 8012]],
    streets: ['Storgata', 'Sjøgata', 'Havnegata', 'Jernbaneveien', 'Olav V gate', 'Rønvikveien'],
    landline: '75',
  },
  {
    city: 'ÅLESUND',
    weight: 3,
    postal: [[6002, 6018]],
    streets: ['Kongens gate', 'Apotekergata', 'Keiser Wilhelms gate', 'Løvenvoldgata', 'Nørvegata', 'Borgundvegen'],
    landline: '70',
  },
  {
    city: 'TØNSBERG',
    weight: 3,
    postal: [[3110, 3126]],
    streets: ['Storgaten', 'Nedre Langgate', 'Øvre Langgate', 'Halfdan Wilhelmsens allé', 'Stoltenbergs gate'],
    landline: '33',
  },
  {
    city: 'HAMAR',
    weight: 2,
    postal: [[2315, 2322]],
    streets: ['Torggata', 'Strandgata', 'Grønnegata', 'Vangsvegen', 'Furnesvegen'],
    landline: '62',
  },
  {
    city: 'LILLEHAMMER',
    weight: 2,
    postal: [[2609, 2619]],
    streets: ['Storgata', 'Kirkegata', 'Anders Sandvigs gate', 'Jernbanegata', 'Nordseterveien'],
    landline: '61',
  },
  {
    city: 'LILLESTRØM',
    weight: 3,
    postal: [[2000, 2010]],
    streets: ['Storgata', 'Jonas Lies gate', 'Nittedalsgata', 'Solheimsgata', 'Kirkegata', 'Sørumsgata'],
    landline: '63',
  },
  {
    city: 'SANDE I VESTFOLD',
    weight: 1,
    postal: [[3070, 3070]],
    streets: ['Sandeveien', 'Kirkegata', 'Prestegårdsveien', 'Kommandørveien'],
    landline: '33',
  },
];

export const FLAT_SPECS = ['', '', '', 'H', 'V', 'M'] as const;

/** Delivery address names people give (cabins, holiday, work). */
export const DELIVERY_NAMES = ['Hytta', 'Sommerhuset', 'Jobben', 'Feriested', 'Hos foreldre', 'Studenthybel', 'Fjellhytta'] as const;
