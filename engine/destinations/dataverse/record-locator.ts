import type { PlatformSpec } from '../../spec/generated/platform-spec.js';
import type { AttributeSchema } from '../model/table-schema.js';
import type { BindTarget } from './record-shape.js';
import { statusOf, type WebApiClient } from './web-api-client.js';

/**
 * Finds the table a record id belongs to, which a lookup with several targets (a customer that is an account or a
 * contact, a regarding that is any of a dozen tables) needs before it can be bound. Ids this process wrote or read
 * are remembered; any other is looked for in each target table in turn, once, and the answer cached.
 */
export class RecordLocator {
  private readonly known = new Map<string, string>();
  private readonly probes = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly spec: PlatformSpec,
    private readonly client: WebApiClient,
  ) {}

  remember(object: string, id: string): void {
    this.known.set(id.toLowerCase(), object);
  }

  forget(id: string): void {
    this.known.delete(id.toLowerCase());
  }

  entitySet(object: string): string {
    const spec = this.spec.objects.find((o) => o.name === object);
    return spec?.entitySet ?? `${object}s`;
  }

  async targetOf(attribute: AttributeSchema, id: string): Promise<BindTarget | undefined> {
    const targets = attribute.field.targets ?? [];
    const known = this.known.get(id.toLowerCase());
    if (known !== undefined && (targets.length === 0 || targets.includes(known))) return this.bind(known);
    if (targets.length === 1) return this.bind(targets[0] as string);
    for (const target of targets) {
      if (await this.exists(target, id)) return this.bind(target);
    }
    return undefined;
  }

  private bind(object: string): BindTarget {
    return { object, entitySet: this.entitySet(object) };
  }

  private async exists(object: string, id: string): Promise<boolean> {
    const cacheKey = `${object}\u0000${id.toLowerCase()}`;
    let probe = this.probes.get(cacheKey);
    if (probe === undefined) {
      probe = this.client
        .send((api) => api.retrieve({ collection: this.entitySet(object), key: id, select: [keyName(this.spec, object)] }))
        .then(
          () => object,
          (error: unknown) => {
            // A table that does not exist in this org (400) or a record not in it (404) simply is not the target.
            if (statusOf(error) === 404 || statusOf(error) === 400) return undefined;
            throw error;
          },
        );
      this.probes.set(cacheKey, probe);
    }
    const found = await probe;
    if (found !== undefined) this.remember(found, id);
    return found !== undefined;
  }
}

export function keyName(spec: PlatformSpec, object: string): string {
  return spec.objects.find((o) => o.name === object)?.key ?? `${object}id`;
}
