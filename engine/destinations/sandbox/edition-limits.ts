import type { PlatformSpec } from '../../spec/generated/platform-spec.js';
import type { SetupProblem } from '../destination.js';

/**
 * Edition limits the sandbox enforces at setup, such as the 15 custom tables of Dynamics 365 Sales Professional.
 * Custom tables counted: the custom objects this pair prepares plus custom tables an earlier run left in the file.
 */
export function editionProblems(
  spec: PlatformSpec,
  preparing: readonly string[],
  tablesInFile: Iterable<string>,
  editionName: string | undefined,
): SetupProblem[] {
  if (editionName === undefined) return [];
  const editions = spec.editions ?? [];
  const wanted = editionName.trim().toLowerCase();
  const edition = editions.find((e) => e.name.toLowerCase() === wanted);
  if (edition === undefined) {
    const known = editions.map((e) => e.name).join(', ');
    return [
      {
        message:
          `Edition "${editionName}" is not one of ${spec.name}'s editions` +
          `${known === '' ? '' : ` (${known})`}, so its limits were not checked.`,
      },
    ];
  }
  const limit = edition.customTableLimit;
  if (limit === undefined) return [];

  const customByName = new Map<string, string>();
  for (const object of spec.objects)
    if (object.custom === true) customByName.set(object.name.toLowerCase(), object.name);
  const counted = new Map<string, string>();
  for (const name of [...preparing, ...tablesInFile]) {
    const custom = customByName.get(name.toLowerCase());
    if (custom !== undefined) counted.set(custom.toLowerCase(), custom);
  }
  if (counted.size <= limit) return [];
  const names = [...counted.values()].sort();
  return [
    {
      message:
        `${spec.name} ${edition.name} allows ${limit} custom tables, and this migration needs ${names.length} ` +
        `(${names.join(', ')}).`,
    },
  ];
}
