import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Rng } from '../../engine/util/rng.js';
import { BASE_ATTACHMENTS, baseExport, baseRowCounts } from './base-export.js';

/**
 * One damaged export: the base export with one file broken in one way. `rowsKept` says whether the damage leaves the
 * number of data records as it was (extra cells, odd bytes inside a cell, other line ends), so that a run which
 * finishes must still count every one of them.
 */
export interface ExportCase {
  kind: CsvKind;
  /** The file damaged, as named in the export. */
  file: string;
  rowsKept: boolean;
  /** What was done, for the report of a failing case. */
  detail: string;
  /** Writes the damaged export into `dir`. */
  write(dir: string): void;
}

export const CSV_KINDS = [
  'broken-quoting',
  'invalid-encoding',
  'mixed-encoding',
  'nul-bytes',
  'huge-field',
  'too-many-columns',
  'too-few-columns',
  'empty-file',
  'header-only',
  'duplicate-headers',
  'header-spelling',
  'line-endings',
  'blank-lines',
  'truncated',
  'byte-flips',
  'hostile-attachment-path',
  'csv-is-directory',
  'formula-values',
  'wrong-delimiter',
] as const;
export type CsvKind = (typeof CSV_KINDS)[number];

const CSV_NAMES = [...baseExport().keys()];

/** A damaged export of kind `kind` (or a random kind), drawn from `rng`. */
export function exportCase(rng: Rng, kind: CsvKind = rng.pick(CSV_KINDS)): ExportCase {
  const file = kind === 'hostile-attachment-path' ? 'Attachments.csv' : rng.pick(CSV_NAMES);
  const files = new Map<string, Buffer>([...baseExport()].map(([name, text]) => [name, Buffer.from(text, 'utf8')]));
  const original = files.get(file) as Buffer;
  // Records, not physical lines: a quoted cell may hold newlines, and damage meant for one record must stay in it.
  const lines = splitRecords(original.toString('utf8'));
  const extra: ((dir: string) => void)[] = [];
  let rowsKept = true;
  let detail = '';
  const set = (bytes: Buffer | string, what: string): void => {
    files.set(file, typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes);
    detail = what;
  };
  const dataLine = (): number => 1 + rng.int(0, Math.max(0, dataLineCount(lines) - 1));

  switch (kind) {
    case 'broken-quoting': {
      const at = rng.int(0, lines.length - 2);
      const line = lines[at] as string;
      const pos = rng.int(0, line.length);
      const variant = rng.pick(['stray', 'unterminated', 'quote-in-bare', 'doubled-close'] as const);
      lines[at] =
        variant === 'stray' ? `${line.slice(0, pos)}"${line.slice(pos)}`
        : variant === 'unterminated' ? `${line},"never closed`
        : variant === 'quote-in-bare' ? `${line.slice(0, pos)}a"b${line.slice(pos)}`
        : `${line.slice(0, pos)}"x""${line.slice(pos)}`;
      set(lines.join('\n'), `${variant} quote on line ${at + 1}`);
      rowsKept = false;
      break;
    }
    case 'invalid-encoding': {
      const bad = rng.pick([[0xc3, 0x28], [0xff], [0x80, 0x80], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82]]);
      const at = dataLine();
      set(insertInCell(lines, at, Buffer.from(bad), rng), `bytes ${bad.map((b) => b.toString(16)).join(' ')} in line ${at + 1}`);
      break;
    }
    case 'mixed-encoding': {
      const variant = rng.pick(['latin1-row', 'latin1-file', 'utf16le-bom', 'utf16be-bom', 'utf16le-nobom', 'bom-utf8', 'double-bom', 'mojibake'] as const);
      const text = lines.join('\n');
      if (variant === 'latin1-row') {
        const at = dataLine();
        const parts = lines.map((l, i) => Buffer.from(i === at ? l : l, i === at ? 'latin1' : 'utf8'));
        set(Buffer.concat(parts.flatMap((p, i) => (i < parts.length - 1 ? [p, Buffer.from('\n')] : [p]))), `line ${at + 1} in Latin-1, the rest UTF-8`);
      } else if (variant === 'latin1-file') set(Buffer.from(text, 'latin1'), 'whole file in Latin-1');
      else if (variant === 'utf16le-bom') set(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'UTF-16LE with BOM');
      else if (variant === 'utf16be-bom') set(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]), 'UTF-16BE with BOM');
      else if (variant === 'utf16le-nobom') set(Buffer.from(text, 'utf16le'), 'UTF-16LE without BOM');
      else if (variant === 'bom-utf8') set(`\uFEFF${text}`, 'UTF-8 BOM');
      else if (variant === 'double-bom') set(`\uFEFF\uFEFF${text}`, 'two UTF-8 BOMs');
      else set(Buffer.from(Buffer.from(text, 'utf8').toString('latin1'), 'utf8'), 'mojibake (UTF-8 read as Latin-1, saved as UTF-8)');
      // A file in another encoding may be refused or read with replacement characters; its row count is not promised.
      rowsKept = variant === 'bom-utf8' || variant === 'mojibake' || variant === 'latin1-row' || variant === 'latin1-file';
      break;
    }
    case 'nul-bytes': {
      const variant = rng.pick(['in-cell', 'in-header', 'all-nul', 'nul-run'] as const);
      if (variant === 'all-nul') {
        set(Buffer.alloc(rng.int(1, 4096)), 'the file is only NUL bytes');
        rowsKept = false;
      } else if (variant === 'nul-run') {
        const at = dataLine();
        set(insertInCell(lines, at, Buffer.alloc(rng.int(1, 512)), rng), `a run of NULs in line ${at + 1}`);
      } else {
        const at = variant === 'in-header' ? 0 : dataLine();
        set(insertInCell(lines, at, Buffer.from([0]), rng), `a NUL in line ${at + 1}`);
        if (variant === 'in-header') rowsKept = false;
      }
      break;
    }
    case 'huge-field': {
      const size = rng.pick([70_000, 1_000_000, 4_000_000]);
      const at = dataLine();
      const quoted = rng.chance(0.5);
      const body = quoted ? `"${'lorem ipsum, "" dolor\n'.repeat(Math.ceil(size / 23)).slice(0, size)}"` : 'x'.repeat(size);
      const cells = splitBare(lines[at] as string);
      const col = rng.int(0, cells.length - 1);
      cells[col] = body;
      lines[at] = cells.join(',');
      set(lines.join('\n'), `${size} characters${quoted ? ' (quoted, with newlines)' : ''} in column ${col + 1} of line ${at + 1}`);
      break;
    }
    case 'too-many-columns':
    case 'too-few-columns': {
      const rows = rng.some(range(1, dataLineCount(lines)), rng.int(1, dataLineCount(lines)));
      for (const at of rows) {
        const line = lines[at] as string;
        lines[at] = kind === 'too-many-columns' ? `${line}${',extra'.repeat(rng.int(1, 40))}` : cutCells(line, rng.int(1, 20));
      }
      set(lines.join('\n'), `${kind === 'too-many-columns' ? 'extra' : 'missing'} cells on lines ${rows.map((r) => r + 1).join(', ')}`);
      break;
    }
    case 'empty-file':
      set(Buffer.alloc(0), 'zero bytes');
      rowsKept = false;
      break;
    case 'header-only':
      set(rng.chance(0.5) ? `${lines[0] as string}\n` : (lines[0] as string), 'the header and no rows');
      rowsKept = false;
      break;
    case 'duplicate-headers': {
      const header = splitBare(lines[0] as string);
      const from = rng.int(0, header.length - 1);
      const to = rng.int(0, header.length - 1);
      const variant = rng.chance(0.5) ? 'rename' : 'append';
      if (variant === 'rename') header[to] = header[from] as string;
      else header.push(header[from] as string);
      lines[0] = header.join(',');
      set(lines.join('\n'), variant === 'rename' ? `column ${to + 1} renamed to "${header[from] ?? ''}"` : `"${header[from] ?? ''}" appended again`);
      break;
    }
    case 'header-spelling': {
      const variant = rng.pick(['lower', 'upper', 'padded', 'crlf-header', 'trailing-empty'] as const);
      const header = lines[0] as string;
      lines[0] =
        variant === 'lower' ? header.toLowerCase()
        : variant === 'upper' ? header.toUpperCase()
        : variant === 'padded' ? splitBare(header).map((h) => ` ${h}  `).join(',')
        : variant === 'crlf-header' ? `${header}\r`
        : `${header},,`;
      set(lines.join('\n'), `header ${variant}`);
      break;
    }
    case 'line-endings': {
      const variant = rng.pick(['crlf', 'cr', 'mixed', 'no-final'] as const);
      const text = lines.join('\n');
      if (variant === 'crlf') set(text.replaceAll('\n', '\r\n'), 'CRLF line ends');
      else if (variant === 'cr') set(text.replaceAll('\n', '\r'), 'CR line ends');
      else if (variant === 'mixed') set(lines.map((l, i) => l + (i === lines.length - 1 ? '' : rng.pick(['\n', '\r\n']))).join(''), 'mixed LF and CRLF');
      else set(text.replace(/\n$/, ''), 'no newline at the end');
      break;
    }
    case 'blank-lines': {
      const at = rng.int(1, lines.length - 1);
      lines.splice(at, 0, ...Array.from({ length: rng.int(1, 5) }, () => rng.pick(['', '', ',,,', '   '])));
      set(lines.join('\n'), `blank lines before line ${at + 1}`);
      // A line of only commas or spaces is a row of empty cells, which may count as a row.
      rowsKept = false;
      break;
    }
    case 'truncated': {
      const cut = rng.int(1, original.length - 1);
      set(original.subarray(0, cut), `cut after byte ${cut} of ${original.length}`);
      rowsKept = false;
      break;
    }
    case 'byte-flips': {
      const bytes = Buffer.from(original);
      const n = rng.int(1, 12);
      for (let i = 0; i < n; i += 1) bytes[rng.int(0, bytes.length - 1)] = rng.int(0, 255);
      set(bytes, `${n} random bytes changed`);
      rowsKept = false;
      break;
    }
    case 'hostile-attachment-path': {
      const hostile = rng.pick(['relative-escape', 'proc-environ', 'absolute', 'symlink-out', 'directory', 'dev-zero', 'fifo', 'empty', 'windows', 'nul-in-path', 'very-long'] as const);
      const paths: Record<typeof hostile, string> = {
        'relative-escape': '../../../../../../etc/passwd',
        'proc-environ': '../../../../../../proc/self/environ',
        absolute: '/etc/hostname',
        'symlink-out': 'attachments/ATT1/link.txt',
        directory: 'attachments/ATT1',
        'dev-zero': '/dev/zero',
        fifo: 'attachments/ATT1/pipe',
        empty: '',
        windows: 'C:\\Windows\\win.ini',
        'nul-in-path': 'attachments/ATT1/notes.txt\u0000.pdf',
        'very-long': `attachments/${'a'.repeat(5000)}.txt`,
      };
      if (hostile === 'symlink-out') extra.push((dir) => symlinkSync('/etc/passwd', join(dir, paths['symlink-out'])));
      if (hostile === 'fifo') extra.push((dir) => execFileSync('mkfifo', [join(dir, paths.fifo)]));
      const at = dataLine();
      const cells = splitBare(lines[at] as string);
      cells[4] = /[",\n]/.test(paths[hostile]) ? `"${paths[hostile]}"` : paths[hostile];
      lines[at] = cells.join(',');
      set(lines.join('\n'), `${hostile} attachment path on line ${at + 1}`);
      break;
    }
    case 'csv-is-directory':
      files.delete(file);
      extra.push((dir) => mkdirSync(join(dir, file)));
      detail = 'a folder where the CSV file should be';
      rowsKept = false;
      break;
    case 'formula-values': {
      const at = dataLine();
      const cells = splitBare(lines[at] as string);
      for (const col of rng.some(range(0, cells.length), rng.int(1, 5))) cells[col] = rng.pick(['=1+1', '+cmd|calc!A0', '-2+3', '@SUM(A1:A2)', '"=HYPERLINK(""http://x.example"",""y"")"', '\t=1']);
      lines[at] = cells.join(',');
      set(lines.join('\n'), `formula-like values on line ${at + 1}`);
      break;
    }
    case 'wrong-delimiter':
      set(lines.map((l) => splitBare(l).join(';')).join('\n'), 'semicolons instead of commas');
      rowsKept = false;
      break;
  }

  return {
    kind,
    file,
    rowsKept,
    detail,
    write: (dir: string) => writeExport(dir, files, extra),
  };
}

/** The undamaged base export, written into `dir`. */
export function writeCleanExport(dir: string): void {
  writeExport(dir, new Map([...baseExport()].map(([name, text]) => [name, Buffer.from(text, 'utf8')])), []);
}

function writeExport(dir: string, files: ReadonlyMap<string, Buffer>, extra: readonly ((dir: string) => void)[]): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of files) writeFileSync(join(dir, name), bytes);
  for (const [path, text] of Object.entries(BASE_ATTACHMENTS)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  for (const step of extra) step(dir);
}

/** How many data records `file` holds in the base export. */
export function baseRows(file: string): number {
  return baseRowCounts().get(file) ?? 0;
}

/** The text cut at newlines outside quotes; joined with '\n' it is the text again. */
function splitRecords(text: string): string[] {
  const records: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === '\n' && !quoted) {
      records.push(text.slice(start, i));
      start = i + 1;
    }
  }
  records.push(text.slice(start));
  return records;
}

/** Data records of the base text: every record but the header and the empty one after the final newline. */
function dataLineCount(lines: readonly string[]): number {
  return lines.filter((l, i) => i > 0 && l !== '').length;
}

/**
 * Splits a line of the base export at commas outside quotes. The base export's multi-line cells are quoted, so a
 * line may end inside a quote; the pieces are rejoined with commas unchanged, which keeps such lines intact.
 */
function splitBare(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      cells.push(current);
      current = '';
    } else current += ch;
  }
  cells.push(current);
  return cells;
}

function cutCells(line: string, n: number): string {
  const cells = splitBare(line);
  return cells.slice(0, Math.max(1, cells.length - n)).join(',');
}

/** `bytes` inserted inside a cell of line `at` that is not quoted, so that quoting and record count stay as they were. */
function insertInCell(lines: readonly string[], at: number, bytes: Buffer, rng: Rng): Buffer {
  const cells = splitBare(lines[at] as string);
  const bare = range(0, cells.length).filter((i) => !(cells[i] ?? '').includes('"'));
  const col = bare.length > 0 ? rng.pick(bare) : 0;
  const cell = cells[col] ?? '';
  const pos = rng.int(0, cell.length);
  const before = [...cells.slice(0, col), cell.slice(0, pos)].join(',');
  const after = [cell.slice(pos), ...cells.slice(col + 1)].join(',');
  const head = lines.slice(0, at).map((l) => `${l}\n`).join('');
  const tail = lines.slice(at + 1).map((l) => `\n${l}`).join('');
  return Buffer.concat([Buffer.from(head + before, 'utf8'), bytes, Buffer.from(after + tail, 'utf8')]);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}
