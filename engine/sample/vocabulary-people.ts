/**
 * Word lists for people and places. Non-ASCII spellings are deliberate: exports carry them, and a migration that
 * mangles José or Łukasz fails the customer. Surnames avoid particles-free double names, which `split-name` cannot
 * tell from middle names.
 */

export const FIRST_NAMES = [
  'Sarah', 'James', 'José', 'Zoë', 'Łukasz', 'Søren', 'Aiko', 'Chloé', 'Björn', 'Amara', 'Priya', 'Oliver',
  'Émilie', 'Mateo', 'Ingrid', 'Kwame', 'Siobhán', 'Dmitri', 'Fatima', 'Liam', 'Noémie', 'Jürgen', 'Mei', 'Rafael',
  'Ana', 'Tomás', 'Elif', 'Hannah', 'Ravi', 'Olga', 'Niamh', 'Pedro', 'Yuki', 'Grace', 'Arjun', 'Céline', 'Malik',
  'Ewa', 'Henrik', 'Lucía', 'Omar', 'Freya', 'Daniel', 'Leïla', 'Kenji', 'Ada', 'Ruairí', 'Sofía', 'Thabo', 'Maja',
  'Nikolai', 'Chiara', 'Samuel', 'Aoife', 'Jonas', 'Beatriz', 'Wei', 'Helena', 'Marcus', 'Inès', 'Tariq', 'Astrid',
  'Hugo', 'Nadia',
] as const;

export const LAST_NAMES = [
  'Smith', 'García', 'Müller', 'Nowak', 'Jørgensen', 'Tanaka', "O'Brien", 'Dubois', 'Kowalski', 'Svensson',
  'Okafor', 'Rossi', 'Nakamura', 'Papadopoulos', 'Fernández', 'Schmidt', 'Johansson', 'Kim', 'Singh', 'Chen',
  'Ivanova', 'Østergaard', 'Brown', 'Wilson', 'Moreau', 'Novák', 'Horváth', 'Yılmaz', 'Đorđević', 'Kühn', 'Lefèvre',
  'Mendes', 'Santos', 'van der Berg', 'de la Cruz', 'Andersson', 'Haddad', 'Murphy', 'Lindqvist', 'Zieliński',
  'Nguyen', 'Adeyemi', 'Bianchi', 'Kovač', 'Sørensen', 'MacLeod', 'Weiß', 'Ramírez', 'Petrov', 'Suzuki', 'Walsh',
  'Becker', 'Costa', 'Eriksen', 'Takahashi', 'Laurent', 'Ólafsson', 'Hughes', 'Wójcik', 'Jensen', 'Russo', 'Patel',
  'Ferreira', 'Ærøe',
] as const;

/** Plain-ASCII first names for the planted non-ASCII problem to stand out against. */
export const NON_ASCII_FIRST_NAMES = ['Zoë-Łucja', 'Søren-Åke', 'Jérôme-Ærø', 'Ñuño-Iñaki'] as const;

export const JOB_TITLES = [
  'Head of Procurement', 'Chief Financial Officer', 'Operations Manager', 'Directrice commerciale', 'IT Director',
  'Office Manager', 'Sales Representative', 'Purchasing Lead', 'Managing Director', 'Geschäftsführer',
  'Marketing Coordinator', 'Facilities Manager', 'Account Executive', 'HR Business Partner', 'Project Manager',
  'Finance Controller', 'Customer Success Lead', 'Logistics Planner', 'Founder & CEO', 'Head of Partnerships',
] as const;

export const DEPARTMENTS = ['Sales', 'Marketing', 'Finance', 'Operations', 'Customer Success', 'IT', 'Einkauf', 'Logistique'] as const;

export interface Place {
  city: string;
  state: string;
  country: string;
  postcode: readonly string[];
  streets: readonly string[];
  /** Street number before (`12 Baker Street`) or after (`Hauptstraße 12`) the street name. */
  numberFirst: boolean;
  dial: string;
}

export const PLACES: readonly Place[] = [
  { city: 'Austin', state: 'TX', country: 'United States', postcode: ['78701', '78704', '78745'], streets: ['Congress Avenue', 'South Lamar Blvd', 'East 6th Street'], numberFirst: true, dial: '+1 512' },
  { city: 'Boston', state: 'MA', country: 'United States', postcode: ['02108', '02110', '02116'], streets: ['Beacon Street', 'Atlantic Avenue', 'Boylston Street'], numberFirst: true, dial: '+1 617' },
  { city: 'London', state: 'Greater London', country: 'United Kingdom', postcode: ['EC1A 1BB', 'SE1 9GF', 'W1D 3QU'], streets: ['Baker Street', 'Borough High Street', 'Old Street'], numberFirst: true, dial: '+44 20' },
  { city: 'Manchester', state: 'Greater Manchester', country: 'United Kingdom', postcode: ['M1 1AE', 'M4 5JD'], streets: ['Deansgate', 'Oldham Road'], numberFirst: true, dial: '+44 161' },
  { city: 'Berlin', state: 'Berlin', country: 'Germany', postcode: ['10115', '10997', '12043'], streets: ['Hauptstraße', 'Friedrichstraße', 'Schönhauser Allee'], numberFirst: false, dial: '+49 30' },
  { city: 'München', state: 'Bayern', country: 'Germany', postcode: ['80331', '81667'], streets: ['Leopoldstraße', 'Müllerstraße'], numberFirst: false, dial: '+49 89' },
  { city: 'Kraków', state: 'Małopolskie', country: 'Poland', postcode: ['30-001', '31-042'], streets: ['ul. Floriańska', 'ul. Długa'], numberFirst: false, dial: '+48 12' },
  { city: 'Ærøskøbing', state: 'Syddanmark', country: 'Denmark', postcode: ['5970'], streets: ['Vestergade', 'Søndergade'], numberFirst: false, dial: '+45 62' },
  { city: 'Malmö', state: 'Skåne', country: 'Sweden', postcode: ['211 22', '214 21'], streets: ['Storgatan', 'Södra Förstadsgatan'], numberFirst: false, dial: '+46 40' },
  { city: 'Lyon', state: 'Auvergne-Rhône-Alpes', country: 'France', postcode: ['69001', '69002'], streets: ['Rue de la République', 'Quai Saint-Antoine'], numberFirst: true, dial: '+33 4' },
  { city: 'Zürich', state: 'ZH', country: 'Switzerland', postcode: ['8001', '8004'], streets: ['Bahnhofstrasse', 'Langstrasse'], numberFirst: false, dial: '+41 44' },
  { city: 'Osaka', state: 'Osaka', country: 'Japan', postcode: ['530-0001', '542-0076'], streets: ['Umeda 2-chome', 'Namba 1-chome'], numberFirst: false, dial: '+81 6' },
  { city: 'São Paulo', state: 'SP', country: 'Brazil', postcode: ['01310-100', '04538-133'], streets: ['Avenida Paulista', 'Rua Augusta'], numberFirst: false, dial: '+55 11' },
  { city: 'Montréal', state: 'QC', country: 'Canada', postcode: ['H2X 1Y4', 'H3B 2Y5'], streets: ['Rue Sainte-Catherine', 'Boulevard Saint-Laurent'], numberFirst: true, dial: '+1 514' },
  { city: 'Dublin', state: 'Leinster', country: 'Ireland', postcode: ['D02 X285', 'D08 VF8H'], streets: ['Grafton Street', 'Thomas Street'], numberFirst: true, dial: '+353 1' },
  { city: 'Sydney', state: 'NSW', country: 'Australia', postcode: ['2000', '2010'], streets: ['George Street', 'Crown Street'], numberFirst: true, dial: '+61 2' },
  { city: 'Cape Town', state: 'Western Cape', country: 'South Africa', postcode: ['8001', '7925'], streets: ['Long Street', 'Bree Street'], numberFirst: true, dial: '+27 21' },
  { city: 'Madrid', state: 'Comunidad de Madrid', country: 'Spain', postcode: ['28013', '28004'], streets: ['Calle de Alcalá', 'Gran Vía'], numberFirst: false, dial: '+34 91' },
];

/** Letters folded to ASCII for email addresses and file names: `Łukasz Ærøe` → `lukasz`, `aeroe`. */
const FOLD: Record<string, string> = { ł: 'l', ø: 'o', æ: 'ae', ß: 'ss', đ: 'd', ı: 'i', œ: 'oe', þ: 'th', ð: 'd' };

const slugs = new Map<string, Map<string, string>>();

/** Cached: the inputs are vocabulary words, so the cache stays small. */
export function asciiSlug(text: string, separator = ''): string {
  let cache = slugs.get(separator);
  if (cache === undefined) {
    cache = new Map();
    slugs.set(separator, cache);
  }
  let slug = cache.get(text);
  if (slug === undefined) {
    slug = fold(text, separator);
    if (cache.size < 50_000) cache.set(text, slug);
  }
  return slug;
}

function fold(text: string, separator: string): string {
  const folded = text
    .toLowerCase()
    .replace(/[łøæßđıœþð]/g, (c) => FOLD[c] ?? c)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  const joined = folded.replace(/[^a-z0-9]+/g, separator === '' ? '' : ' ').trim();
  return separator === '' ? joined : joined.replace(/ /g, separator);
}
