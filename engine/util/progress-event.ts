/**
 * How a long engine phase reports where it is, for progress displays: the step it is on and how much of its total is
 * done. The engine only calls the listener; drawing (or not) is the caller's business.
 */
export interface ProgressEvent {
  step: string;
  done: number;
  total: number;
}

export type ProgressListener = (event: ProgressEvent) => void;
