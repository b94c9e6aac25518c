import type { CustomAttribute } from '../spec/generated/pair-spec.js';

type AttributeType = CustomAttribute['type'];
type TypeShape = Pick<CustomAttribute, 'type' | 'maxLength'>;

/** Names a field type the way one destination's setup screens name it, so the admin finds the same words there. */
interface TypeVocabulary {
  /** Whether this vocabulary belongs to the destination whose custom fields are named after `pattern`. */
  fits(pattern: string): boolean;
  name(shape: TypeShape): string;
}

const withLength = (base: string, maxLength: number | undefined): string => (maxLength === undefined ? base : `${base} (max ${maxLength.toLocaleString('en-US')})`);

/** Lightning Platform custom fields end in `__c`; their type names carry length and precision in brackets. */
const SUFFIX_C_VOCABULARY: TypeVocabulary = {
  fits: (pattern) => pattern.endsWith('__c'),
  name: ({ type, maxLength }) => {
    // A text field above 255 characters does not exist there: the same data needs a long text area.
    if (type === 'text' && maxLength !== undefined && maxLength > 255) return `Long Text Area(${maxLength})`;
    const names: Record<AttributeType, string> = {
      text: `Text(${maxLength ?? 255})`,
      longtext: `Long Text Area(${maxLength ?? 32768})`,
      integer: 'Number(18,0)',
      decimal: 'Number(16,2)',
      money: 'Currency(16,2)',
      percent: 'Percent(16,2)',
      date: 'Date',
      datetime: 'Date/Time',
      boolean: 'Checkbox',
      email: 'Email',
      phone: 'Phone',
      url: 'URL',
      picklist: 'Picklist',
      multipicklist: 'Picklist (Multi-Select)',
    };
    return names[type];
  },
};

/** Dataverse columns carry a publisher prefix (`new_`); its maker portal names types in words and formats text. */
const PUBLISHER_PREFIX_VOCABULARY: TypeVocabulary = {
  fits: (pattern) => /^[a-z][a-z0-9]{1,7}_\{name\}$/.test(pattern),
  name: ({ type, maxLength }) => {
    // Single lines of text stop at 4,000 characters; longer text needs the multi-line column.
    if (type === 'text' && maxLength !== undefined && maxLength > 4000) return withLength('Multiple lines of text', maxLength);
    const names: Record<AttributeType, string> = {
      text: withLength('Single line of text', maxLength),
      longtext: withLength('Multiple lines of text', maxLength),
      integer: 'Whole number',
      decimal: 'Decimal number',
      money: 'Currency',
      percent: 'Decimal number',
      date: 'Date only',
      datetime: 'Date and time',
      boolean: 'Yes/No',
      email: withLength('Single line of text, Email format', maxLength),
      phone: withLength('Single line of text, Phone format', maxLength),
      url: withLength('Single line of text, URL format', maxLength),
      picklist: 'Choice',
      multipicklist: 'Choices',
    };
    return names[type];
  },
};

const VOCABULARIES: readonly TypeVocabulary[] = [SUFFIX_C_VOCABULARY, PUBLISHER_PREFIX_VOCABULARY];

/** The generic type, spelled out, for a destination whose naming convention none of the vocabularies knows. */
const GENERIC_VOCABULARY: TypeVocabulary = {
  fits: () => true,
  name: ({ type, maxLength }) => (type === 'text' || type === 'longtext' || type === 'email' || type === 'phone' || type === 'url' ? withLength(type, maxLength) : type),
};

/**
 * The vocabulary is chosen from the destination's custom-field naming pattern rather than its id, so a destination
 * added in YAML alone gets the matching names when it follows a known convention and the generic ones otherwise.
 */
export function typeVocabulary(customFieldPattern: string | undefined): (shape: TypeShape) => string {
  const found = customFieldPattern === undefined ? undefined : VOCABULARIES.find((v) => v.fits(customFieldPattern));
  return (found ?? GENERIC_VOCABULARY).name;
}
