/**
 * Where a proposal stops being trusted: propose measures confidences, confirm holds back the ones below this line.
 * It lives with the engagement because confirming is an engagement step and propose sits above it.
 */
/** Proposals below this are guesses: `confirm` lists them apart and confirms them only when named. */
export const REVIEW_BELOW = 0.5;

export function needsReview(decision: { confidence?: number }): boolean {
  return (decision.confidence ?? 0) < REVIEW_BELOW;
}
