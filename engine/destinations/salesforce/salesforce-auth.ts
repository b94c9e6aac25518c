import jsforce from 'jsforce';
import jwt from 'jsonwebtoken';
import type { SalesforceAuth } from './salesforce-settings.js';

export interface AccessToken {
  accessToken: string;
  /** Where the API lives; the token endpoint says, and it can differ from the login host. */
  instanceUrl: string;
}

/**
 * One token from the OAuth 2.0 endpoint, through jsforce's OAuth2 `requestToken` with explicit grant parameters.
 * JWT bearer: a short assertion signed with the connected app's private key (RS256), audience the login host.
 * Client credentials: the connected app's secret, sent to the org's own domain.
 */
export async function requestAccessToken(auth: SalesforceAuth): Promise<AccessToken> {
  if (auth.kind === 'jwt-bearer') {
    const assertion = jwt.sign({}, auth.privateKey, {
      algorithm: 'RS256',
      issuer: auth.clientId,
      subject: auth.username,
      audience: auth.loginUrl,
      // Salesforce accepts assertions valid for at most three minutes.
      expiresIn: 180,
    });
    const oauth2 = new jsforce.OAuth2({ loginUrl: auth.loginUrl });
    const answer = await oauth2.requestToken({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion });
    return { accessToken: answer.access_token, instanceUrl: answer.instance_url };
  }
  const oauth2 = new jsforce.OAuth2({ loginUrl: auth.tokenUrl, clientId: auth.clientId, clientSecret: auth.clientSecret });
  const answer = await oauth2.requestToken({ grant_type: 'client_credentials' });
  return { accessToken: answer.access_token, instanceUrl: answer.instance_url };
}
