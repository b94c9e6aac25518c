/** One record's answer from Collections or a Bulk job, before it becomes a RecordResult. */
export interface WriteOutcome {
  id?: string;
  created?: boolean;
  /** Salesforce's status code and message when the record failed. */
  error?: { code: string; message: string };
}

/**
 * Record-level errors that say nothing about the record itself: a lock held by another transaction, or a request
 * the service stopped midway. Such records are sent again; every other error is the record's own and is final.
 */
const RETRYABLE = new Set(['UNABLE_TO_LOCK_ROW', 'SERVER_UNAVAILABLE', 'REQUEST_RUNNING_TOO_LONG', 'NOT_PROCESSED']);

export function retryable(outcome: WriteOutcome): boolean {
  return outcome.error !== undefined && RETRYABLE.has(outcome.error.code);
}

/** Sends `pending` through `write` again while some come back with a retryable error, a few rounds at most. */
export async function withRecordRetries<T>(pending: readonly T[], write: (items: readonly T[]) => Promise<WriteOutcome[]>, rounds = 5): Promise<WriteOutcome[]> {
  const outcomes: WriteOutcome[] = new Array(pending.length);
  let todo = pending.map((item, index) => ({ item, index }));
  for (let round = 1; todo.length > 0; round++) {
    const answers = await write(todo.map((t) => t.item));
    const again: typeof todo = [];
    todo.forEach((t, i) => {
      const answer = answers[i] ?? { error: { code: 'NOT_PROCESSED', message: 'Salesforce returned no result for this record.' } };
      if (retryable(answer) && round < rounds) again.push(t);
      else outcomes[t.index] = answer;
    });
    todo = again;
  }
  return outcomes;
}
