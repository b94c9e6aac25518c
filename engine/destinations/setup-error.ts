/**
 * A problem a person fixes before a target can be used: a missing environment variable, a refused sign-in, an API
 * limit that the run would exceed. Its message is safe to print (it names variables, never their values), so the
 * CLI shows it as it is, without a stack trace, as "refused: fix this first".
 */
export class DestinationSetupError extends Error {
  override readonly name: string = 'DestinationSetupError';
}
