import type { TransformDefinition, Value } from './transform.js';
import { isEmpty, isList, joinValues, singleInput, text } from './define.js';

const trim = singleInput({
  name: 'trim',
  description: 'Removes leading and trailing whitespace.',
  apply: (value) => text(value).trim(),
});

const lower = singleInput({
  name: 'lower',
  description: 'Lower-cases the value.',
  apply: (value) => text(value).toLowerCase(),
});

const upper = singleInput({
  name: 'upper',
  description: 'Upper-cases the value.',
  apply: (value) => text(value).toUpperCase(),
});

const titleCase = singleInput({
  name: 'title-case',
  description: 'Capitalises the first letter of each word and lower-cases the rest.',
  apply: (value) => toTitleCase(text(value)),
});

export function toTitleCase(input: string): string {
  return (
    input
      .toLowerCase()
      // A letter starts a word after whitespace, a hyphen, a slash or an opening bracket: "Mary-Jane", "Sales/Ops".
      .replace(/(^|[\s\-/(["])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase())
      // One letter and an apostrophe is a name prefix ("O'Brien", "D'Angelo"); after a longer stem it is an
      // elision or a possessive ("don't", "Smith's") and the next letter stays small.
      .replace(
        /(^|[\s-])(\p{L})(['’])(\p{Ll})/gu,
        (_, pre: string, a: string, q: string, b: string) => pre + a + q + b.toUpperCase(),
      )
  );
}

const stripHtml = singleInput({
  name: 'strip-html',
  description: 'Drops HTML tags and decodes entities, keeping the text and its line breaks.',
  apply: (value) => htmlToText(text(value)),
});

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function htmlToText(html: string): string {
  const withoutTags = html
    // Script and style bodies are code, not text the user wrote.
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    // Block boundaries become line breaks so that paragraphs of a rich-text note do not run together.
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6]|blockquote|pre)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '');
  // Entities are decoded after the tags are gone, so an escaped "&lt;b&gt;" survives as the text "<b>".
  const decoded = withoutTags.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return ENTITIES[body.toLowerCase()] ?? entity;
  });
  return decoded
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const prefix = singleInput({
  name: 'prefix',
  description: 'Puts the text given as `value` before the value.',
  args: [{ name: 'value', required: true }],
  apply: (value, call) => `${call.value === undefined ? '' : String(call.value)}${text(value)}`,
});

const defaultValue: TransformDefinition = {
  name: 'default',
  description: 'Gives the value given as `value` when the input is empty; otherwise passes the input through.',
  args: [{ name: 'value', required: true }],
  apply(input, call): Value {
    const value = isList(input) ? joinValues(input) : input;
    return isEmpty(value) ? (call.value ?? null) : value;
  },
};

const join: TransformDefinition = {
  name: 'join',
  description: 'Joins the non-empty `from` columns into one value with `separator` (a space by default).',
  args: [{ name: 'separator', required: false }],
  multiInput: true,
  apply(input, call): Value {
    return joinValues(isList(input) ? input : [input], call.separator ?? ' ');
  },
};

export const TEXT_TRANSFORMS: readonly TransformDefinition[] = [
  trim,
  lower,
  upper,
  titleCase,
  stripHtml,
  prefix,
  defaultValue,
  join,
];
