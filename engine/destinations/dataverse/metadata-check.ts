import type { DestinationSetup, SetupProblem } from '../destination.js';
import { statusOf, type WebApiClient } from './web-api-client.js';

interface EntityDefinition {
  LogicalName?: string;
  Attributes?: { LogicalName?: string }[];
  Keys?: { KeyAttributes?: string[]; EntityKeyIndexStatus?: string }[];
}

/**
 * What in the org's metadata would stop a load, changing nothing: a table that is not there, a custom column not
 * created yet (the Web API has no create-on-write), the source-key column or an active alternate key on it alone
 * missing (upserts address records by it). One metadata request per table.
 */
export async function metadataProblems(client: WebApiClient, setup: DestinationSetup, sourceKeyField: string): Promise<SetupProblem[]> {
  const problems: SetupProblem[] = [];
  const userObject = setup.destination.rules?.userObject;
  for (const object of setup.objects) {
    let entity: EntityDefinition;
    try {
      entity = await client.send((api) =>
        api.retrieveEntity<EntityDefinition>({
          key: `LogicalName='${object}'`,
          select: ['LogicalName'],
          expand: [
            { property: 'Attributes', select: ['LogicalName'] },
            { property: 'Keys', select: ['KeyAttributes', 'EntityKeyIndexStatus'] },
          ],
        }),
      );
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
      problems.push({ object, message: `the org has no table ${object}; install the solution that provides it, or leave its loads out.` });
      continue;
    }
    const present = new Set((entity.Attributes ?? []).map((a) => a.LogicalName?.toLowerCase()));
    for (const custom of setup.customAttributes) {
      if (custom.object !== object || present.has(custom.name.toLowerCase())) continue;
      problems.push({
        object,
        attribute: custom.name,
        message: `the custom column ${custom.name} (${custom.type}) does not exist yet; create and publish it before the load.`,
      });
    }
    if (object === userObject) continue;
    if (!present.has(sourceKeyField.toLowerCase())) {
      problems.push({
        object,
        attribute: sourceKeyField,
        message: `the source-key column ${sourceKeyField} does not exist; create it (text, 100 characters) with an alternate key on it.`,
      });
      continue;
    }
    const key = (entity.Keys ?? []).find((k) => k.KeyAttributes?.length === 1 && k.KeyAttributes[0]?.toLowerCase() === sourceKeyField.toLowerCase());
    if (key === undefined) {
      problems.push({
        object,
        attribute: sourceKeyField,
        message: `no alternate key is defined on ${sourceKeyField} alone; add one so that records can be upserted by it.`,
      });
    } else if (key.EntityKeyIndexStatus !== undefined && key.EntityKeyIndexStatus !== 'Active') {
      problems.push({
        object,
        attribute: sourceKeyField,
        message: `the alternate key on ${sourceKeyField} is ${key.EntityKeyIndexStatus}, not Active yet; wait for its index to finish.`,
      });
    }
  }
  return problems;
}
