/**
 * Word lists behind `split-address`. They only need to be good enough to recognise the last lines of an address;
 * anything not listed falls back to the positional rules in address.ts.
 */

const fold = (words: readonly string[]): ReadonlySet<string> => new Set(words.map((w) => w.toLowerCase()));

/** Country names and unambiguous codes. Two-letter codes that are also US states (CA, DE, IN, …) are left out. */
// prettier-ignore
export const COUNTRIES = fold([
  'US', 'USA', 'U.S.', 'U.S.A.', 'United States', 'United States of America', 'America', 'UK', 'U.K.', 'GB', 'GBR',
  'United Kingdom', 'Great Britain', 'England', 'Scotland', 'Wales', 'Northern Ireland', 'Canada', 'CAN', 'Australia',
  'AUS', 'New Zealand', 'NZ', 'Ireland', 'Éire', 'IRL', 'Germany', 'Deutschland', 'DEU', 'France', 'FRA', 'Spain',
  'España', 'ESP', 'Portugal', 'PRT', 'Italy', 'Italia', 'ITA', 'Netherlands', 'The Netherlands', 'Nederland', 'NLD',
  'Belgium', 'België', 'Belgique', 'BEL', 'Luxembourg', 'Switzerland', 'Schweiz', 'Suisse', 'Svizzera', 'CHE',
  'Austria', 'Österreich', 'AUT', 'Denmark', 'Danmark', 'Sweden', 'Sverige', 'Norway', 'Norge', 'Finland', 'Suomi',
  'Iceland', 'Poland', 'Polska', 'Czech Republic', 'Czechia', 'Česko', 'Slovakia', 'Hungary', 'Magyarország',
  'Romania', 'Bulgaria', 'Greece', 'Croatia', 'Slovenia', 'Estonia', 'Latvia', 'Lithuania', 'Turkey', 'Türkiye',
  'Israel', 'United Arab Emirates', 'UAE', 'Saudi Arabia', 'Qatar', 'Egypt', 'South Africa', 'Nigeria', 'Kenya',
  'Morocco', 'India', 'IND', 'Pakistan', 'Bangladesh', 'Sri Lanka', 'China', 'CHN', 'Hong Kong', 'Taiwan', 'Japan',
  'JPN', '日本', 'South Korea', 'Korea', 'Singapore', 'SGP', 'Malaysia', 'Indonesia', 'Thailand', 'Vietnam', 'Viet Nam',
  'Philippines', 'Mexico', 'México', 'MEX', 'Brazil', 'Brasil', 'BRA', 'Argentina', 'Chile', 'Colombia', 'Peru',
  'Perú', 'Uruguay',
]);

/** US states, Canadian provinces and Australian states, by code and by name. */
// prettier-ignore
export const REGIONS = fold([
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA',
  'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR',
  'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY', 'PR', 'Alabama', 'Alaska', 'Arizona',
  'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'District of Columbia', 'Florida', 'Georgia',
  'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine', 'Maryland',
  'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska', 'Nevada',
  'New Hampshire', 'New Jersey', 'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Ohio', 'Oklahoma',
  'Oregon', 'Pennsylvania', 'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee', 'Texas', 'Utah', 'Vermont',
  'Virginia', 'Washington', 'West Virginia', 'Wisconsin', 'Wyoming', 'Puerto Rico', 'AB', 'BC', 'MB', 'NB', 'NL',
  'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT', 'Alberta', 'British Columbia', 'Manitoba', 'New Brunswick',
  'Newfoundland and Labrador', 'Nova Scotia', 'Northwest Territories', 'Nunavut', 'Ontario', 'Prince Edward Island',
  'Quebec', 'Québec', 'Saskatchewan', 'Yukon', 'NSW', 'VIC', 'QLD', 'SA', 'WA', 'TAS', 'ACT', 'NT', 'New South Wales',
  'Victoria', 'Queensland', 'South Australia', 'Western Australia', 'Tasmania', 'Australian Capital Territory',
  'Northern Territory',
]);

/** Words that end a street name; a segment holding one is a street, never a city. */
// prettier-ignore
export const STREET_TYPES = fold([
  'street', 'st', 'st.', 'avenue', 'ave', 'ave.', 'av', 'road', 'rd', 'rd.', 'boulevard', 'blvd', 'blvd.', 'lane',
  'ln', 'drive', 'dr', 'dr.', 'way', 'court', 'ct', 'place', 'pl', 'square', 'sq', 'terrace', 'parkway', 'pkwy',
  'highway', 'hwy', 'circle', 'cir', 'crescent', 'close', 'row', 'straße', 'strasse', 'str.', 'rue', 'calle', 'via',
  'weg', 'allee', 'platz', 'gasse', 'suite', 'ste', 'apt', 'unit', 'floor', 'po', 'box',
]);

/** Words that introduce a unit inside a building; the token after them belongs to the street too. */
export const UNIT_WORDS = fold(['suite', 'ste', 'ste.', 'apt', 'apt.', 'unit', 'floor', 'fl', 'fl.', 'room', 'rm']);
