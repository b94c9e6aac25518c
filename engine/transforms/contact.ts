import { TransformError, type TransformDefinition } from './transform.js';
import { show, singleInput, text } from './define.js';

const LOCAL_PART = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;

/** The address inside the decorations exports wrap around it: `Jane Doe <jane@acme.com>`, `mailto:jane@acme.com`. */
function unwrapEmail(raw: string): string {
  const angled = /<([^<>]+)>\s*$/.exec(raw);
  const inner = angled?.[1] ?? raw;
  return inner.trim().replace(/^mailto:/i, '');
}

/**
 * Plain lower-case ASCII addresses, the bulk of any export: every address this matches also passes the Unicode
 * patterns below, which cost a contact row a microsecond and are left for the rest.
 */
const PLAIN_ADDRESS = /^[a-z\d_+-]+(?:\.[a-z\d_+-]+)*@(?:[a-z\d](?:[a-z\d-]*[a-z\d])?\.)+[a-z]{2,}$/;

/** True for a plausible single address. Deliverability is the destination's business; shape is ours. */
export function isEmailShape(address: string): boolean {
  const at = address.lastIndexOf('@');
  if (at <= 0 || at > 64) return false;
  if (PLAIN_ADDRESS.test(address)) return true;
  const local = address.slice(0, at);
  const labels = address.slice(at + 1).split('.');
  const tld = labels.at(-1) ?? '';
  return (
    LOCAL_PART.test(local) &&
    labels.length >= 2 &&
    labels.every((label) => DOMAIN_LABEL.test(label)) &&
    /^\p{L}{2,}$/u.test(tld)
  );
}

const email = singleInput({
  name: 'email',
  description: 'Trims and lower-cases an email address and checks its shape.',
  apply(value) {
    const raw = text(value);
    const address = unwrapEmail(raw).toLowerCase();
    if (/[,;\s]/.test(address)) {
      throw new TransformError(`${show(raw)} holds more than one email address or stray spaces; expected one address`);
    }
    if (!isEmailShape(address)) throw new TransformError(`${show(raw)} is not an email address`);
    return address;
  },
});

const SCHEME = /^[a-z][a-z\d+.-]*:\/\//i;

const url = singleInput({
  name: 'url',
  description: 'Trims a web address and adds https:// when it has no scheme.',
  apply(value) {
    const raw = text(value).trim();
    // Protocol-relative links (//acme.com) and bare hosts (acme.com, www.acme.com/path) both get https.
    const candidate = SCHEME.test(raw) ? raw : `https://${raw.replace(/^\/\//, '')}`;
    let host: string;
    try {
      host = new URL(candidate).hostname;
    } catch {
      throw new TransformError(`${show(raw)} is not a web address`);
    }
    // A host without a dot is placeholder text ("n/a", "none"), not a site; localhost and IPv6 are the exceptions.
    if (/\s/.test(raw) || !(host.includes('.') || host === 'localhost' || host.startsWith('['))) {
      throw new TransformError(`${show(raw)} is not a web address`);
    }
    return candidate;
  },
});

const EXTENSION = /\s*(?:ext\.?|extension|x|#)\s*(\d{1,6})$/i;
/** A number already written the way `phone` writes one: digit groups separated by single spaces, perhaps after a +. */
const GROUPED = /^\+?\d+(?: \d+)*$/;

const phone = singleInput({
  name: 'phone',
  description: 'Trims a phone number and writes it as + and digit groups separated by single spaces.',
  apply(value) {
    const raw = text(value).trim();
    const ext = EXTENSION.exec(raw);
    let number = ext ? raw.slice(0, ext.index) : raw;
    // In "+44 (0)20 ..." the bracketed 0 is the trunk prefix, dialled only from inside the country; kept after a
    // country code it makes a wrong number.
    if (number.startsWith('+')) number = number.replace(/\(\s*0\s*\)/, ' ');
    if (!/^\+?[\d\s().\-/]+$/.test(number) || number.indexOf('+', 1) !== -1) {
      throw new TransformError(`${show(raw)} is not a phone number`);
    }
    const digits = number.replace(/\D/g, '');
    if (digits.length < 3 || digits.length > 17) throw new TransformError(`${show(raw)} is not a phone number`);
    // Most exports already write numbers this way: nothing to regroup.
    if (ext === null && GROUPED.test(number)) return number;
    // Brackets, dots, dashes and slashes are only grouping; spaces keep the grouping readable.
    const grouped = number
      .replace(/[().\-/]/g, ' ')
      .replace(/\s+/g, ' ')
      .replace(/^\+\s+/, '+')
      .trim();
    return ext ? `${grouped} x${ext[1]}` : grouped;
  },
});

export const CONTACT_TRANSFORMS: readonly TransformDefinition[] = [email, url, phone];
