import {
  ConfidentialClientApplication,
  type Configuration,
  type INetworkModule,
  type NetworkRequestOptions,
  type NetworkResponse,
} from '@azure/msal-node';
import { DataverseSetupError, isLoopback, type DataverseSettings } from './dataverse-settings.js';
import { networkFailure, type NetworkFailure } from '../http/network-failure.js';

/**
 * Access tokens for the Web API from msal's client-credentials flow (`<org>/.default`). msal caches the token and
 * renews it before it expires; `refresh` forces a new one when the server has refused the current one (a 401).
 */
export class TokenSource {
  private readonly app: ConfidentialClientApplication;
  private readonly scopes: string[];
  private current: string | undefined;
  private readonly authorityHost: string;
  private readonly authorityUrl: string;

  constructor(settings: DataverseSettings) {
    this.authorityHost = new URL(settings.authorityHost).host;
    this.authorityUrl = settings.authorityHost;
    this.app = new ConfidentialClientApplication(msalConfiguration(settings));
    this.scopes = [`${settings.orgUrl}/.default`];
  }

  /** The token to send now: msal answers from its cache while the token is valid and renews it before it expires. */
  async token(): Promise<string> {
    await this.acquire(false);
    return this.current as string;
  }

  async refresh(): Promise<void> {
    await this.acquire(true);
  }

  private async acquire(forceRefresh: boolean): Promise<void> {
    let result;
    try {
      result = await this.app.acquireTokenByClientCredential({ scopes: this.scopes, skipCache: forceRefresh });
    } catch (error) {
      // No answer at all is not a refused sign-in: say what failed on the way (DNS, TLS, connection) instead.
      // msal's messages can quote the token endpoint's answer; keep only its error code, which names no secret.
      const code = (error as { errorCode?: unknown }).errorCode;
      const unreachable = networkFailure(error, this.authorityHost) ?? (typeof code === 'string' && NO_ANSWER.has(code) ? await this.probe() : undefined);
      if (unreachable !== undefined) throw new DataverseSetupError(`Signing in to Dataverse failed before the sign-in service answered. ${unreachable.advice}`);
      if (code === 'endpoints_resolution_error') {
        throw new DataverseSetupError(`Signing in to Dataverse failed (${code}): ${this.authorityUrl} answered but gave no sign-in endpoints for the tenant: check DATAVERSE_TENANT_ID and DATAVERSE_AUTHORITY_HOST.`);
      }
      throw new DataverseSetupError(
        `Signing in to Dataverse failed${typeof code === 'string' && code !== '' ? ` (${code})` : ''}: check the tenant, client id and secret or certificate.`,
      );
    }
    if (result === null || result.accessToken === '') throw new DataverseSetupError('Signing in to Dataverse returned no access token.');
    this.current = result.accessToken;
  }

  /**
   * msal reports a sign-in service it could not reach only as "endpoints_resolution_error" or "network_error", the
   * cause dropped. One plain request to the same host finds out what failed (DNS, TLS, connection), or that it answers.
   */
  private async probe(): Promise<NetworkFailure | undefined> {
    try {
      await fetch(this.authorityUrl, { method: 'HEAD', signal: AbortSignal.timeout(15_000) });
      return undefined;
    } catch (error) {
      return networkFailure(error, this.authorityHost);
    }
  }
}

/** msal's codes for a request that got no usable answer from the sign-in service. */
const NO_ANSWER = new Set(['endpoints_resolution_error', 'network_error', 'openid_config_error']);

function msalConfiguration(settings: DataverseSettings): Configuration {
  const host = new URL(settings.authorityHost);
  const credential =
    settings.credential.kind === 'secret'
      ? { clientSecret: settings.credential.secret }
      : {
          clientCertificate: {
            privateKey: settings.credential.privateKey,
            // msal takes a SHA-256 thumbprint where it can; 40 hex digits is the older SHA-1 form.
            ...(settings.credential.thumbprint.replaceAll(':', '').length === 64
              ? { thumbprintSha256: settings.credential.thumbprint.replaceAll(':', '') }
              : { thumbprint: settings.credential.thumbprint.replaceAll(':', '') }),
          },
        };
  if (!isLoopback(host)) {
    return { auth: { clientId: settings.clientId, authority: `${settings.authorityHost}/${settings.tenantId}`, ...credential } };
  }
  return loopbackConfiguration(settings, host, credential);
}

/**
 * An emulator on the loopback interface. msal accepts only https authorities and looks its endpoints up over the
 * network, so the authority is declared the documented way for an authority msal does not know (`knownAuthorities`
 * with `authorityMetadata` and `cloudDiscoveryMetadata`: no discovery request is made), and msal's own extension
 * point for transport (`system.networkClient`) sends its requests in plain http, to loopback only.
 */
function loopbackConfiguration(settings: DataverseSettings, host: URL, credential: object): Configuration {
  const authority = `https://${host.host}/${settings.tenantId}`;
  const metadata = {
    token_endpoint: `${authority}/oauth2/v2.0/token`,
    authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
    issuer: `${authority}/v2.0`,
    jwks_uri: `${authority}/discovery/v2.0/keys`,
  };
  const discovery = {
    tenant_discovery_endpoint: `${authority}/v2.0/.well-known/openid-configuration`,
    metadata: [{ preferred_network: host.host, preferred_cache: host.host, aliases: [host.host] }],
  };
  return {
    auth: {
      clientId: settings.clientId,
      authority,
      knownAuthorities: [host.host],
      authorityMetadata: JSON.stringify(metadata),
      cloudDiscoveryMetadata: JSON.stringify(discovery),
      ...credential,
    },
    system: { networkClient: loopbackNetwork(host) },
  };
}

function loopbackNetwork(host: URL): INetworkModule {
  const send = async <T>(method: 'GET' | 'POST', url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> => {
    const target = new URL(url);
    if (target.host !== host.host) throw new Error(`msal asked for ${target.origin}, which is not the loopback authority.`);
    target.protocol = 'http:';
    const init: RequestInit = { method, headers: options?.headers ?? {} };
    if (options?.body !== undefined) init.body = options.body;
    const response = await fetch(target, init);
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => (headers[name] = value));
    return { status: response.status, headers, body: (await response.json()) as T };
  };
  return {
    sendGetRequestAsync: (url, options) => send('GET', url, options),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  };
}
