/**
 * Replaces every secret (and any bearer token) in a message, so that error text a library builds from a request
 * or a response cannot carry a credential into a log, a report or the ledger. Very short values are left alone:
 * replacing a three-letter "secret" would shred ordinary words and protect nothing.
 */
export function redactSecrets(message: string, secrets: readonly string[]): string {
  let text = message;
  for (const secret of secrets) if (secret.length >= 4) text = text.split(secret).join('[redacted]');
  return text.replace(/Bearer\s+[\w.!*~+/=-]+/gi, 'Bearer [redacted]');
}
