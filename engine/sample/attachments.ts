import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { SENTENCES } from './vocabulary-business.js';

/**
 * Small real files for attachment rows: text, CSV, JSON, a one-page PDF and a 1×1 PNG, so a load that reads the
 * file, base64-encodes it and records its size and MIME type has something genuine to read.
 */
export interface FileType {
  ext: string;
  mime: string;
}

export const FILE_TYPES: readonly FileType[] = [
  { ext: 'pdf', mime: 'application/pdf' },
  { ext: 'txt', mime: 'text/plain' },
  { ext: 'csv', mime: 'text/csv' },
  { ext: 'png', mime: 'image/png' },
  { ext: 'json', mime: 'application/json' },
];

const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

function pdf(text: string): Buffer {
  const stream = `BT /F1 12 Tf 72 720 Td (${text.replace(/[()\\]/g, '\\$&').replace(/[^\x20-\x7e]/g, '?')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** The bytes of a sample file; `seedText` makes each file's content its own. */
export function fileContent(type: FileType, title: string, seedText: number): Buffer {
  const line = SENTENCES[seedText % SENTENCES.length] ?? '';
  switch (type.ext) {
    case 'png':
      return PNG_1X1;
    case 'pdf':
      return pdf(`${title}: ${line}`);
    case 'csv':
      return Buffer.from(`item,quantity,unit price\n"Licence, annual",${(seedText % 40) + 1},1200.00\nOnboarding,1,950.00\n`, 'utf8');
    case 'json':
      return Buffer.from(`${JSON.stringify({ title, note: line, version: (seedText % 5) + 1 }, null, 2)}\n`, 'utf8');
    default:
      return Buffer.from(`${title}\n\n${line}\nÜbersicht · résumé · 概要\n`, 'utf8');
  }
}

export function fileTypeOf(fileName: string): FileType {
  const ext = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
  return FILE_TYPES.find((t) => t.ext === ext) ?? (FILE_TYPES[1] as FileType);
}

/** Writes `bytes` to `outDir/relativePath`, creating folders. */
export async function writeAttachment(outDir: string, relativePath: string, bytes: Buffer): Promise<void> {
  const path = join(outDir, relativePath);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, bytes);
}
