import { randomBytes } from 'node:crypto';
import { json, type ApiAnswer } from './odata-resources.js';

export interface ClientCredential {
  tenantId: string;
  clientId: string;
  /** Accepted client secret; without one, a signed client assertion (certificate) is accepted unverified. */
  secret?: string;
}

/**
 * The Entra ID token endpoint for client credentials. Tokens are opaque random strings, valid until they expire or
 * a test (or an injected fault) expires them; the API maps each to its client, which is the "user" the service
 * protection limits count per.
 */
export class TokenIssuer {
  private readonly tokens = new Map<string, { client: string; expires: number }>();
  issued = 0;
  refused = 0;
  /** Every token handed out, expired or not: tests look for them where they must never be. */
  readonly everIssued: string[] = [];

  constructor(
    private readonly clients: readonly ClientCredential[],
    private readonly lifetimeSeconds = 3600,
  ) {}

  issue(tenantId: string, form: URLSearchParams): ApiAnswer {
    const client = this.clients.find((c) => c.tenantId === tenantId && c.clientId === form.get('client_id'));
    const secretOk = client?.secret !== undefined && form.get('client_secret') === client.secret;
    const assertionOk = client !== undefined && client.secret === undefined && (form.get('client_assertion') ?? '') !== '';
    if (form.get('grant_type') !== 'client_credentials' || client === undefined || !(secretOk || assertionOk)) {
      this.refused++;
      return json(401, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.', error_codes: [7000215] });
    }
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, { client: client.clientId, expires: Date.now() + this.lifetimeSeconds * 1000 });
    this.issued++;
    this.everIssued.push(token);
    return json(200, { token_type: 'Bearer', expires_in: this.lifetimeSeconds, ext_expires_in: this.lifetimeSeconds, access_token: token });
  }

  clientOf(authorization: string | undefined): string | undefined {
    const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    const entry = token === undefined ? undefined : this.tokens.get(token);
    return entry === undefined || entry.expires <= Date.now() ? undefined : entry.client;
  }

  expire(authorization: string | undefined): void {
    const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    if (token !== undefined) this.tokens.delete(token);
  }

  expireAll(): void {
    this.tokens.clear();
  }
}
