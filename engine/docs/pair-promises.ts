import type { PairSpec } from '../spec/generated/pair-spec.js';
import { loadsOf } from '../spec/pair-model.js';
import type { PlatformIndex } from '../spec/platform-index.js';

/** One of the short commitments under the overview; each is only made when the pair's spec backs it. */
export interface PairPromise {
  title: string;
  detail: string;
}

export function pairPromises(pair: PairSpec, destination: PlatformIndex): PairPromise[] {
  const loads = loadsOf(pair).map((l) => l.load);
  const fields = loads.reduce((sum, l) => sum + l.fields.length, 0);
  const lookups = loads.reduce((sum, l) => sum + (l.lookups ?? []).length, 0);
  const owners = loads.filter((l) => l.owner !== undefined).length;
  const labelOf = (name: string): string => destination.object(name)?.label ?? name;
  const activities = distinct(loads.filter((l) => destination.object(l.to)?.activity === true).map((l) => labelOf(l.to)));
  const fileTargets = distinct(loads.filter((l) => l.attachment !== undefined).map((l) => labelOf(l.to)));

  const promises: PairPromise[] = [
    {
      title: 'Checked field by field',
      detail: `${count(fields, 'field mapping')} are declared for this path, and after each run a sample of loaded records is compared with the export, value by value.`,
    },
    {
      title: 'You approve the map',
      detail: 'Columns, owners and stages the spec cannot settle alone are proposed first; no record is written until someone confirms them.',
    },
  ];
  if (lookups + owners > 0) {
    promises.push({
      title: 'Links rebuilt',
      detail:
        `${count(lookups, 'reference')} between records ${lookups === 1 ? 'is' : 'are'} resolved against records the run has already created` +
        (owners === 0 ? '.' : `, and record owners are matched to ${destination.spec.shortName ?? destination.spec.name} users in ${count(owners, 'load')}.`),
    });
  }
  if (activities.length > 0) {
    promises.push({ title: 'Activity history kept', detail: `${sentenceList(activities)} arrive with the dates the export holds for them.` });
  }
  if (fileTargets.length > 0) {
    promises.push({ title: 'Files travel with their records', detail: `Attached files land on ${sentenceList(fileTargets)} records once the record they belong to exists.` });
  }
  return promises;
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? noun : `${noun}s`}`;
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** `a`, `a and b`, `a, b and c`. */
export function sentenceList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
