import { describe, it, expect } from 'vitest';
import { splitAddress, type AddressParts } from '../../../engine/transforms/address.js';
import { run } from './fixtures.js';

const parts = (
  street: string | null,
  city: string | null,
  state: string | null,
  postalCode: string | null,
  country: string | null,
): AddressParts => ({ street, city, state, postalCode, country });

describe('splitAddress', () => {
  it.each<[string, AddressParts]>([
    // United States, one line and several
    ['123 Main St, Springfield, IL 62704, USA', parts('123 Main St', 'Springfield', 'IL', '62704', 'USA')],
    ['123 Main St, Springfield IL 62704', parts('123 Main St', 'Springfield', 'IL', '62704', null)],
    ['350 Fifth Ave, New York, NY 10118-0110', parts('350 Fifth Ave', 'New York', 'NY', '10118-0110', null)],
    [
      '123 Main St\nSuite 5\nSpringfield, IL 62704\nUSA',
      parts('123 Main St\nSuite 5', 'Springfield', 'IL', '62704', 'USA'),
    ],
    [
      '1 Main St, Suite 1200, Springfield, Illinois, 62704',
      parts('1 Main St, Suite 1200', 'Springfield', 'Illinois', '62704', null),
    ],
    ['Springfield, IL, 62704', parts(null, 'Springfield', 'IL', '62704', null)],
    [
      '1600 Pennsylvania Ave NW\r\nWashington, DC 20500',
      parts('1600 Pennsylvania Ave NW', 'Washington', 'DC', '20500', null),
    ],
    // Without commas or line breaks the street ends at its street word
    ['123 Main St Springfield IL 62704', parts('123 Main St', 'Springfield', 'IL', '62704', null)],
    ['1 Main St St Louis MO 63101', parts('1 Main St', 'St Louis', 'MO', '63101', null)],
    ['12 Elm Road Suite 4 Austin TX 78701', parts('12 Elm Road Suite 4', 'Austin', 'TX', '78701', null)],
    ['Springfield IL 62704', parts(null, 'Springfield', 'IL', '62704', null)],
    // Canada and Australia
    ['100 King St W, Toronto, ON M5X 1A9, Canada', parts('100 King St W', 'Toronto', 'ON', 'M5X 1A9', 'Canada')],
    ['1 Rue Sainte-Catherine\nMontréal QC H2X 1K4', parts('1 Rue Sainte-Catherine', 'Montréal', 'QC', 'H2X 1K4', null)],
    [
      'Level 5, 1 Martin Pl, Sydney NSW 2000, Australia',
      parts('Level 5, 1 Martin Pl', 'Sydney', 'NSW', '2000', 'Australia'),
    ],
    // United Kingdom
    [
      '221B Baker Street, London NW1 6XE, United Kingdom',
      parts('221B Baker Street', 'London', null, 'NW1 6XE', 'United Kingdom'),
    ],
    ['221B Baker Street\nLondon\nNW1 6XE\nUK', parts('221B Baker Street', 'London', null, 'NW1 6XE', 'UK')],
    ['Unit 5, 12 High St\nLeeds LS1 4AP', parts('Unit 5, 12 High St', 'Leeds', null, 'LS1 4AP', null)],
    // Continental Europe: postal code before the city
    ['Unter den Linden 77, 10117 Berlin, Germany', parts('Unter den Linden 77', 'Berlin', null, '10117', 'Germany')],
    ['Königstraße 1\n70173 Stuttgart\nDeutschland', parts('Königstraße 1', 'Stuttgart', null, '70173', 'Deutschland')],
    ['10 Rue de Rivoli, 75001 Paris, France', parts('10 Rue de Rivoli', 'Paris', null, '75001', 'France')],
    [
      'Keizersgracht 123, 1015 CJ Amsterdam, Netherlands',
      parts('Keizersgracht 123', 'Amsterdam', null, '1015 CJ', 'Netherlands'),
    ],
    [
      'ul. Marszałkowska 1, 00-624 Warszawa, Polska',
      parts('ul. Marszałkowska 1', 'Warszawa', null, '00-624', 'Polska'),
    ],
    [
      'Rua Augusta 100, 01305-000 São Paulo, Brasil',
      parts('Rua Augusta 100', 'São Paulo', null, '01305-000', 'Brasil'),
    ],
    ['Drottninggatan 1, 111 51 Stockholm, Sweden', parts('Drottninggatan 1', 'Stockholm', null, '111 51', 'Sweden')],
    // An unlisted country is recognised by the postal code before it
    ['Calle 1, 28001 Madrid, Espanya', parts('Calle 1', 'Madrid', null, '28001', 'Espanya')],
    // Partial addresses
    ['10 Downing Street, London', parts('10 Downing Street', 'London', null, null, null)],
    ['123 Main St', parts('123 Main St', null, null, null, null)],
    ['1200 Main Street', parts('1200 Main Street', null, null, null, null)],
    ['PO Box 42', parts('PO Box 42', null, null, null, null)],
    ['Acme Tower, Main Street', parts('Acme Tower, Main Street', null, null, null, null)],
    ['Mumbai 400001, India', parts(null, 'Mumbai', null, '400001', 'India')],
  ])('given %j, returns %j', (input, expected) => {
    expect(splitAddress(input)).toEqual(expected);
  });
});

describe('split-address', () => {
  const address = '123 Main St, Springfield, IL 62704, USA';
  it.each([
    ['street', '123 Main St'],
    ['city', 'Springfield'],
    ['state', 'IL'],
    ['postal-code', '62704'],
    ['country', 'USA'],
  ])('given part %j of a US address, returns %j', (part, expected) => {
    expect(run({ name: 'split-address', part }, address)).toBe(expected);
  });

  it.each([
    ['state', 'Unter den Linden 77, 10117 Berlin, Germany', null],
    ['city', '', null],
    ['street', null, null],
  ])('given part %j of %j, returns %j', (part, input, expected) => {
    expect(run({ name: 'split-address', part }, input)).toBe(expected);
  });
});
