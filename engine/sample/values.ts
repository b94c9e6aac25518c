import { currencyCode, formatDate, formatDateTime, formatDecimal, formatMoney } from './formats.js';
import { headerWords, moment } from './header-words.js';
import { ACTIVE_USERS, SAMPLE_USERS } from './owners.js';
import { epochFor, type RowContext } from './row-context.js';
import type { ValueShape } from './types.js';
import { companyName, dealName, personName } from './unique-names.js';
import {
  COMPANY_STEMS, FILE_STEMS, INDUSTRIES, MEETING_PLACES, SENTENCES, SIGN_OFFS, SUBJECT_FORMS, SUBJECT_TOPICS, SUBJECTS_BY_KIND, TAGS, WORDS,
} from './vocabulary-business.js';
import { asciiSlug, DEPARTMENTS, FIRST_NAMES, JOB_TITLES, LAST_NAMES } from './vocabulary-people.js';

/** One cell for a column whose shape is known, written the way the platform exports it. */
export function valueOf(shape: ValueShape, header: string, ctx: RowContext): string {
  return fit(raw(shape, header, ctx), shape.maxLength);
}

/** Cuts a value to `maxLength` characters (code points, not UTF-16 units), without a dangling space. */
export function fit(value: string, maxLength: number | undefined): string {
  if (maxLength === undefined || value.length <= maxLength) return value;
  const points = Array.from(value);
  return points.length <= maxLength ? value : points.slice(0, maxLength).join('').trimEnd();
}

function clamp(value: number, shape: ValueShape): number {
  return Math.min(shape.max ?? Number.MAX_SAFE_INTEGER, Math.max(shape.min ?? Number.MIN_SAFE_INTEGER, value));
}

function words(header: string): string {
  return headerWords(header);
}

function raw(shape: ValueShape, header: string, ctx: RowContext): string {
  const { rng, format, place } = ctx;
  switch (shape.semantic) {
    case 'date':
    case 'datetime': {
      const epoch = epochFor(moment(header), ctx);
      return (shape.temporal ?? shape.semantic) === 'date' ? formatDate(epoch, format) : formatDateTime(epoch, format);
    }
    case 'money': {
      const w = words(header);
      const top = /revenue|turnover/.test(w) ? 50_000_000 : /price|cost|fee/.test(w) ? 5_000 : 250_000;
      return formatMoney(clamp(Math.round(rng.int(top / 500, top) / 10) * 10 + (rng.chance(0.3) ? rng.int(1, 99) / 100 : 0), shape), format);
    }
    case 'integer': {
      const w = words(header);
      if (/duration|minutes/.test(w)) return String(clamp(ctx.minutes, shape));
      if (/probability|percent/.test(w)) return String(clamp(rng.int(0, 20) * 5, shape));
      if (/employees|staff|headcount/.test(w)) return String(clamp(rng.chance(0.7) ? rng.int(2, 250) : rng.int(251, 12_000), shape));
      return String(clamp(rng.int(0, 500), shape));
    }
    case 'percent':
      return String(clamp(rng.int(0, 20) * 5, shape));
    case 'decimal':
      return formatDecimal(clamp(rng.int(0, 100_000) / 100, shape), format, 2);
    case 'latitude':
      return formatDecimal(rng.int(-60_000_000, 70_000_000) / 1_000_000, format, 6);
    case 'longitude':
      return formatDecimal(rng.int(-170_000_000, 170_000_000) / 1_000_000, format, 6);
    case 'boolean':
      return rng.chance(0.5) ? 'true' : 'false';
    case 'active':
      return 'true';
    case 'email':
      return /\b(from|sender)\b/.test(words(header)) ? (SAMPLE_USERS[rng.pick(ACTIVE_USERS)]?.email ?? '') : randomEmail(ctx);
    case 'email-list':
      return [randomEmail(ctx), randomEmail(ctx)].join('; ');
    case 'url': {
      const host = `${asciiSlug(rng.pick(COMPANY_STEMS), '-')}-${asciiSlug(rng.pick(WORDS), '-')}.example`;
      return rng.pick([`https://www.${host}`, `www.${host}`, `https://${host}/en/`, `http://${host}`]);
    }
    case 'phone':
      return `${place.dial} ${rng.int(100, 999)} ${rng.int(1000, 9999)}`;
    case 'tags':
      return rng.some(TAGS, rng.int(1, 3)).join(format.multiValueSeparator ?? ';');
    case 'full-name':
    case 'first-name':
    case 'last-name': {
      const person = personName(rng.int(0, FIRST_NAMES.length * LAST_NAMES.length - 1), 0);
      return shape.semantic === 'first-name' ? person.first : shape.semantic === 'last-name' ? person.last : `${person.first} ${person.last}`;
    }
    case 'company-name':
      return companyName(rng.int(0, 1_000_000), 0);
    case 'deal-name':
      return dealName(rng.int(0, 100_000), 0);
    case 'job-title':
      return rng.pick(JOB_TITLES);
    case 'street': {
      const n = rng.int(1, 240);
      const street = rng.pick(place.streets);
      return place.numberFirst ? `${n} ${street}` : `${street} ${n}`;
    }
    case 'street2':
      return rng.chance(0.5) ? '' : rng.pick(['Suite 200', '2nd floor', 'Unit 4B', 'c/o Reception', 'Building C']);
    case 'address':
      return `${rng.int(1, 240)} ${rng.pick(place.streets)}, ${place.city} ${rng.pick(place.postcode)}, ${place.country}`;
    case 'city':
      return place.city;
    case 'state':
      return place.state;
    case 'postcode':
      return rng.pick(place.postcode);
    case 'country':
      return place.country;
    case 'subject': {
      const kind = /call|email|meeting|event|task/.exec((ctx.kind ?? '').toLowerCase())?.[0];
      return rng.pick((kind === undefined ? undefined : SUBJECTS_BY_KIND[kind]) ?? SUBJECT_FORMS).replace('{t}', rng.pick(SUBJECT_TOPICS));
    }
    case 'paragraph':
      return paragraph(ctx, shape.maxLength);
    case 'html':
      return `<p>${rng.pick(SENTENCES)}</p><p>${rng.pick(SENTENCES)}</p>`;
    case 'currency':
      return ctx.currency || currencyCode(format);
    case 'pipeline':
      return ctx.pipeline ?? 'Sales Pipeline';
    case 'location':
      return rng.chance(0.6) ? rng.pick(MEETING_PLACES) : `${place.city}, ${place.country}`;
    case 'file-name':
      return ctx.attachment?.name ?? `${rng.pick(FILE_STEMS)}.pdf`;
    case 'mime':
      return ctx.attachment?.type.mime ?? 'application/pdf';
    case 'extension':
      return ctx.attachment?.type.ext ?? 'pdf';
    case 'file-size':
      return String(ctx.attachment?.size ?? rng.int(2_000, 900_000));
    case 'code':
      return code(ctx, shape.maxLength);
    case 'year':
      return String(rng.int(1950, 2020));
    case 'industry':
      return rng.pick(INDUSTRIES);
    case 'word':
      return rng.pick(WORDS);
    case 'user':
      return ctx.user;
    case 'department':
      return rng.pick(DEPARTMENTS);
    case 'po-box':
      return rng.chance(0.7) ? '' : `PO Box ${rng.int(10, 9999)}`;
    case 'blank':
      return '';
    default:
      return `${rng.pick(WORDS)} ${rng.pick(SUBJECT_TOPICS)}`;
  }
}

function randomEmail(ctx: RowContext): string {
  const person = personName(ctx.rng.int(0, 4000), 0);
  return `${asciiSlug(person.first)}.${asciiSlug(person.last)}@${asciiSlug(ctx.rng.pick(COMPANY_STEMS), '-')}.example`;
}

/** One to three sentences; a fifth of them over several lines, as notes typed in a CRM often are. */
function paragraph(ctx: RowContext, maxLength: number | undefined): string {
  const { rng } = ctx;
  const sentences = rng.some(SENTENCES, rng.int(1, 3));
  if ((maxLength ?? 1000) >= 200 && rng.chance(0.2)) return `${sentences.join('\n')}\n${rng.pick(SIGN_OFFS)}`;
  return sentences.join(' ');
}

function code(ctx: RowContext, maxLength: number | undefined): string {
  const digits = String(ctx.rng.int(100_000, 999_999));
  if (maxLength !== undefined && maxLength < 8) return digits.slice(0, maxLength);
  return `${String.fromCharCode(65 + ctx.rng.int(0, 25), 65 + ctx.rng.int(0, 25))}-${digits}`;
}
