import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Below this much heap a run never forces a collection: V8's own young-generation collections suffice. */
const FLOOR_BYTES = 32 * 1024 * 1024;

let collect: (() => void) | undefined;
// The thread's budget, one for all its loads and files: the heap is the thread's, and a budget started afresh for each
// load forced a full collection at its first batch whatever the heap held (ten in the demo's apply).
let limit = FLOOR_BYTES;

/**
 * Keeps a long run's heap near what it holds, not what it has thrown away.
 *
 * Why: V8 sizes its old generation from the machine's memory, so on a machine with gigabytes free it lets hundreds of
 * MiB of dead batches (records that lived across an await and were promoted) pile up before its first full
 * collection. A run's live data is small and flat by design (batches in flight, prepared statements), so its peak
 * memory was mostly garbage: 530 MiB for a 240,000-row apply whose live heap stayed under 100 MiB. The heap limit
 * cannot be lowered once a process has started (`--max-old-space-size` is read when V8 starts), and a hard limit
 * would make a batch of large attachments crash the run, so instead the run asks for a full collection once the heap
 * has grown past twice what it held after the last one (and past a 32 MiB floor). At a batch boundary that costs a
 * few milliseconds every few hundred batches. Called between batches: collects if the heap has outgrown the budget, then
 * sets the next budget from what is live.
 */
export function checkHeap(): void {
  if (getHeapStatistics().used_heap_size < limit) return;
  collector()();
  limit = Math.max(FLOOR_BYTES, 2 * getHeapStatistics().used_heap_size);
}

function collector(): () => void {
  if (collect === undefined) {
    // `gc` is only exposed by a V8 flag; a context made after the flag is set gets it, so no restart with --expose-gc
    // is needed.
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  return collect;
}
