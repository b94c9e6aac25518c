/**
 * The `multipart/mixed` framing of OData v4 `$batch` requests and responses, as the Dataverse Web API uses it: each
 * part holds one HTTP request (`Content-Type: application/http`), and a change set is a nested multipart whose
 * operations succeed or fail together.
 */
export interface BatchPart {
  method: string;
  /** The request target as written in the part: absolute, or relative to the service root. */
  target: string;
  headers: Record<string, string>;
  body: string;
  /** The change set this operation belongs to, if any. */
  changeSet?: number;
}

export interface PartResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export function boundaryOf(contentType: string | undefined): string | undefined {
  return /boundary=("?)([^";]+)\1/i.exec(contentType ?? '')?.[2];
}

function splitParts(text: string, boundary: string): string[] {
  const pieces = text.split(`--${boundary}`);
  // The preamble before the first delimiter and the `--` epilogue after the last carry nothing.
  return pieces.slice(1).filter((p) => !p.startsWith('--'));
}

function splitHead(text: string): { head: string; rest: string } {
  const normalized = text.replace(/^\r?\n/, '');
  const match = /\r?\n\r?\n/.exec(normalized);
  if (match === null) return { head: normalized, rest: '' };
  return { head: normalized.slice(0, match.index), rest: normalized.slice(match.index + match[0].length) };
}

function headerMap(head: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

export function parseBatch(body: string, boundary: string): BatchPart[] {
  const parts: BatchPart[] = [];
  let changeSets = 0;
  const visit = (text: string, bound: string, changeSet?: number): void => {
    for (const raw of splitParts(text, bound)) {
      const outer = splitHead(raw);
      const outerHeaders = headerMap(outer.head);
      const nested = boundaryOf(outerHeaders['content-type']);
      if (nested !== undefined && /multipart\/mixed/i.test(outerHeaders['content-type'] ?? '')) {
        visit(outer.rest, nested, ++changeSets);
        continue;
      }
      const inner = splitHead(outer.rest);
      const [requestLine = '', ...headerLines] = inner.head.split(/\r?\n/);
      const [method = 'GET', target = ''] = requestLine.trim().split(' ');
      const part: BatchPart = { method: method.toUpperCase(), target, headers: headerMap(headerLines.join('\n')), body: inner.rest.trim() };
      if (changeSet !== undefined) part.changeSet = changeSet;
      parts.push(part);
    }
  };
  visit(body, boundary);
  return parts;
}

const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  412: 'Precondition Failed',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function httpPart(response: PartResponse): string {
  const lines = [`HTTP/1.1 ${response.status} ${REASONS[response.status] ?? 'Status'}`];
  for (const [name, value] of Object.entries(response.headers ?? {})) lines.push(`${name}: ${value}`);
  return `Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n${lines.join('\r\n')}\r\n\r\n${response.body ?? ''}`;
}
