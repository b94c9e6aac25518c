/** Exit codes of every command; documented in the README. */
export const EXIT = {
  /** Everything asked for was done. */
  ok: 0,
  /** The work ran, but rows failed past the threshold or a check found mismatches. */
  failed: 1,
  /** Invalid specs, engagement file, flags or input: nothing was done. */
  invalid: 2,
  /** Refused: something must be confirmed or fixed by a person first. */
  refused: 3,
  /** A bug in crm-migrate: the message says where to report it. */
  internal: 70,
} as const;
