import { afterEach, beforeEach, expect } from 'vitest';
import { createSandbox } from '../../../../engine/destinations/sandbox/index.js';
import type { Destination, RecordResult } from '../../../../engine/destinations/destination.js';
import { DATAVERSE, setup, tempDir } from './fixtures.js';

/** A fresh sandbox file per test, opened on demand, with short ways to upsert one record and find a seeded user. */
export function useSandbox() {
  let temp: ReturnType<typeof tempDir> | undefined;
  let box: Destination | undefined;
  let users = new Map<string, { id: string; active: boolean; name: string }>();

  beforeEach(() => {
    temp = tempDir();
  });
  afterEach(async () => {
    await box?.close();
    box = undefined;
    temp?.remove();
  });

  const harness = {
    get box(): Destination {
      if (box === undefined) throw new Error('open the sandbox first');
      return box;
    },
    get temp(): ReturnType<typeof tempDir> {
      if (temp === undefined) throw new Error('no temporary folder yet');
      return temp;
    },
    async openWith(spec: typeof DATAVERSE, objects: string[]): Promise<void> {
      box = createSandbox(harness.temp.file('sandbox.db'));
      expect(await box.open(setup(spec, objects))).toEqual([]);
      users = await box.users();
    },
    userId(email: string): string {
      const user = users.get(email);
      if (user === undefined) throw new Error(`no user ${email}`);
      return user.id;
    },
    async one(object: string, sourceKey: string, values: Record<string, string | number | boolean | null>): Promise<RecordResult> {
      const [result] = await harness.box.upsert(object, [{ sourceKey, values }]);
      return result as RecordResult;
    },
  };
  return harness;
}
