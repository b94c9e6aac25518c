/**
 * A request that got no answer at all, told apart by why: the host name did not resolve (DNS), the TLS handshake
 * failed (a certificate the machine does not trust, often a company proxy), or the connection could not be made or
 * was cut. None of these is a sign-in problem, and saying "check the client id and secret" would send a person the
 * wrong way. The error's `code` is looked for on the error, its `cause` chain and, as libraries often flatten errors
 * into text (msal, jsforce), in the message.
 */
export type NetworkFailureKind = 'dns' | 'tls' | 'connection';

export interface NetworkFailure {
  kind: NetworkFailureKind;
  /** The system's code, e.g. ENOTFOUND or CERT_HAS_EXPIRED. */
  code: string;
  /** One sentence for a person: what failed and what to check. */
  advice: string;
}

const DNS = ['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA'];
const TLS = [
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'EPROTO',
];
const CONNECTION = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET'];

export function networkFailure(error: unknown, host: string): NetworkFailure | undefined {
  const codes = errorCodes(error);
  const text = messages(error).join(' ');
  const find = (list: readonly string[]): string | undefined => list.find((c) => codes.includes(c) || new RegExp(`\\b${c}\\b`).test(text));
  const dns = find(DNS);
  if (dns !== undefined) return { kind: 'dns', code: dns, advice: `The host name ${host} could not be resolved (DNS, ${dns}): check the URL in migration.yaml's target and this machine's network or DNS settings.` };
  const tls = find(TLS) ?? (/certificate/i.test(text) ? 'certificate' : undefined);
  if (tls !== undefined) {
    return { kind: 'tls', code: tls, advice: `The secure connection to ${host} failed (TLS, ${tls}): a proxy or firewall may be replacing the certificate; set NODE_EXTRA_CA_CERTS to its CA file, or check the machine's clock.` };
  }
  const connection = find(CONNECTION);
  if (connection !== undefined) {
    return { kind: 'connection', code: connection, advice: `No connection to ${host} (${connection}): check the URL, the network, and any proxy or firewall between this machine and the service.` };
  }
  return undefined;
}

/** DNS and TLS failures do not pass by themselves within a run: retrying them only delays the message. */
export function lastingNetworkFailure(error: unknown, host: string): boolean {
  const failure = networkFailure(error, host);
  return failure !== undefined && failure.kind !== 'connection';
}

function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  for (let e = error, depth = 0; e !== null && typeof e === 'object' && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    for (const key of ['code', 'errno', 'errorCode'] as const) {
      const value = (e as Record<string, unknown>)[key];
      if (typeof value === 'string') codes.push(value.toUpperCase());
    }
    const errors = (e as { errors?: unknown }).errors;
    if (Array.isArray(errors)) for (const inner of errors) codes.push(...errorCodes(inner));
  }
  return codes;
}

function messages(error: unknown): string[] {
  const out: string[] = [];
  for (let e = error, depth = 0; e !== null && e !== undefined && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    if (typeof e === 'string') out.push(e);
    else if (typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string') out.push((e as { message: string }).message);
    if (typeof e !== 'object') break;
  }
  return out;
}
