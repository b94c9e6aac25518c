import iconv from 'iconv-lite';

/** The encoding a file is read in, and where that choice came from. */
export interface FileEncoding {
  name: string;
  source: 'bom' | 'declared' | 'detected' | 'default';
}

/**
 * The encoding to read a file in. A byte-order mark is the file's own word and wins; UTF-16 without a mark shows as
 * NUL bytes between ASCII letters; otherwise what the platform or engagement declares, else UTF-8. Names are the
 * labels iconv-lite takes (`windows-1252`, `utf-16le`, `iso-8859-1`).
 */
export function sniffEncoding(head: Buffer, declared: string | undefined): FileEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { name: 'utf-8', source: 'bom' };
  if (head[0] === 0xff && head[1] === 0xfe) return { name: 'utf-16le', source: 'bom' };
  if (head[0] === 0xfe && head[1] === 0xff) return { name: 'utf-16be', source: 'bom' };
  if (head.length >= 8) {
    const pairs = Math.floor(Math.min(head.length, 64) / 2);
    let evenNul = 0;
    let oddNul = 0;
    for (let i = 0; i < pairs; i += 1) {
      if (head[2 * i] === 0) evenNul += 1;
      if (head[2 * i + 1] === 0) oddNul += 1;
    }
    if (oddNul > pairs * 0.7 && evenNul === 0) return { name: 'utf-16le', source: 'detected' };
    if (evenNul > pairs * 0.7 && oddNul === 0) return { name: 'utf-16be', source: 'detected' };
  }
  if (declared !== undefined && declared !== '') return { name: encodingLabel(declared), source: 'declared' };
  return { name: 'utf-8', source: 'default' };
}

/** True when Node can decode the named encoding, so a spec naming another is an error before any file is read. */
export function isKnownEncoding(name: string): boolean {
  return iconv.encodingExists(encodingLabel(name));
}

/**
 * A streaming decoder. UTF-8 goes through Node's own TextDecoder; everything else through iconv-lite, because Node 20's
 * TextDecoder reads `windows-1252` as Latin-1 (0x80 becomes U+0080, not €), which would damage every euro sign.
 */
export function textDecoder(name: string): { write(chunk: Buffer): string; end(): string | undefined } {
  if (name === 'utf-8') {
    const utf8 = new TextDecoder('utf-8');
    return { write: (chunk) => utf8.decode(chunk, { stream: true }), end: () => utf8.decode() };
  }
  const decoder = iconv.getDecoder(encodingLabel(name), { stripBOM: true });
  return { write: (chunk) => decoder.write(chunk), end: () => decoder.end() };
}

function encodingLabel(name: string): string {
  const lower = name.trim().toLowerCase();
  return lower === 'cp1252' || lower === 'ansi' ? 'windows-1252' : lower;
}
