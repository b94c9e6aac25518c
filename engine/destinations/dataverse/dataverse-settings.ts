import { readFileSync } from 'node:fs';
import { DestinationSetupError } from '../setup-error.js';

/**
 * Where the Dataverse target is and how to sign in to it, read from the target location and the environment. The
 * secret and the certificate key are only ever held in memory and handed to msal; messages name the variables,
 * never their values.
 */
export interface DataverseSettings {
  /** The organisation URL without a trailing slash, e.g. `https://contoso.crm.dynamics.com`. */
  orgUrl: string;
  tenantId: string;
  clientId: string;
  credential: { kind: 'secret'; secret: string } | { kind: 'certificate'; privateKey: string; thumbprint: string };
  /** The Entra ID host, `https://login.microsoftonline.com` unless a sovereign cloud (or an emulator) is named. */
  authorityHost: string;
  /**
   * Test emulators only: send the header with which they tell a request already on the wire from one that ignored a
   * pause (engine/destinations/http/emulator-headers.ts). On only with CRM_MIGRATE_TEST_EMULATOR=1 and a loopback org.
   */
  emulatorHeaders?: boolean;
}

/**
 * A setup problem a person fixes (a variable, a credential); its message is safe to print.
 */
export class DataverseSetupError extends DestinationSetupError {
  override readonly name = 'DataverseSetupError';
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Plain http is accepted only for a loopback address (an emulator); credentials never cross a network in clear. */
export function isLoopback(url: URL): boolean {
  return LOOPBACK.has(url.hostname);
}

function checkedUrl(text: string, what: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new DataverseSetupError(`${what} "${text}" is not a URL; write it as https://HOST.`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url))) {
    throw new DataverseSetupError(`${what} "${url.origin}" must use https.`);
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

export function dataverseSettings(location: string, env: NodeJS.ProcessEnv): DataverseSettings {
  const orgUrl = checkedUrl(location, 'The Dataverse target');
  const need = (name: string): string => {
    const value = env[name];
    if (value === undefined || value.trim() === '') {
      throw new DataverseSetupError(`The Dataverse target needs the environment variable ${name}; set it before running.`);
    }
    return value.trim();
  };
  const tenantId = need('DATAVERSE_TENANT_ID');
  const clientId = need('DATAVERSE_CLIENT_ID');
  const authorityHost = checkedUrl(env.DATAVERSE_AUTHORITY_HOST?.trim() || 'https://login.microsoftonline.com', 'DATAVERSE_AUTHORITY_HOST');
  const emulatorHeaders = env.CRM_MIGRATE_TEST_EMULATOR === '1' && isLoopback(new URL(orgUrl));
  const secret = env.DATAVERSE_CLIENT_SECRET;
  if (secret !== undefined && secret !== '') {
    return { orgUrl, tenantId, clientId, authorityHost, emulatorHeaders, credential: { kind: 'secret', secret } };
  }
  if (env.DATAVERSE_CERTIFICATE_PATH === undefined || env.DATAVERSE_CERTIFICATE_PATH === '') {
    throw new DataverseSetupError(
      'The Dataverse target needs DATAVERSE_CLIENT_SECRET, or DATAVERSE_CERTIFICATE_PATH with DATAVERSE_CERTIFICATE_THUMBPRINT; set one before running.',
    );
  }
  const path = need('DATAVERSE_CERTIFICATE_PATH');
  const thumbprint = need('DATAVERSE_CERTIFICATE_THUMBPRINT');
  let privateKey: string;
  try {
    privateKey = readFileSync(path, 'utf8');
  } catch {
    throw new DataverseSetupError('The file DATAVERSE_CERTIFICATE_PATH names cannot be read; check the path and its permissions.');
  }
  return { orgUrl, tenantId, clientId, authorityHost, emulatorHeaders, credential: { kind: 'certificate', privateKey, thumbprint } };
}
