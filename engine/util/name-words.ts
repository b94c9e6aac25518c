/**
 * Lower-case words of a field name or column header: `BillingPostalCode`, `Billing Postal Code` and
 * `billing_postal_code` all give `billing postal code`; `SICCode` gives `sic code`. The one word splitter for the
 * sample's header semantics and propose's field matcher, which add their own folding on top.
 * `splitDigits` also separates a letter from a following digit (`address1` gives `address 1`).
 */
export function nameWords(name: string, options: { splitDigits?: boolean } = {}): string[] {
  let spaced = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
  if (options.splitDigits === true) spaced = spaced.replace(/([a-zA-Z])(\d)/g, '$1 $2');
  return spaced
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}
