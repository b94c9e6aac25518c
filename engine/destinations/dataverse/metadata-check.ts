import type { DestinationSetup, SetupProblem } from '../destination.js';
import { statusOf, type WebApiClient } from './web-api-client.js';

interface EntityDefinition {
  LogicalName?: string;
  Attributes?: { LogicalName?: string }[];
  Keys?: { KeyAttributes?: string[]; EntityKeyIndexStatus?: string }[];
  ManyToOneRelationships?: { ReferencingAttribute?: string; ReferencedEntity?: string; ReferencingEntityNavigationPropertyName?: string }[];
}

/**
 * The navigation property that binds a lookup to a record of a target table, per table, keyed `attribute|target`.
 * Dataverse names them per relationship and not by one rule (`parentcustomerid_account`, but
 * `regardingobjectid_account_task` on tasks), so they are read from the org rather than guessed.
 */
export type NavigationNames = Map<string, ReadonlyMap<string, string>>;

export interface OrgMetadata {
  problems: SetupProblem[];
  navigation: NavigationNames;
}

/**
 * What in the org's metadata would stop a load, changing nothing: a table that is not there, a custom column not
 * created yet (the Web API has no create-on-write), the source-key column or an active alternate key on it alone
 * missing (upserts address records by it). One metadata request per table, which also brings the navigation
 * property names that lookups are bound through.
 */
export async function readOrgMetadata(client: WebApiClient, setup: DestinationSetup, sourceKeyField: string): Promise<OrgMetadata> {
  const problems: SetupProblem[] = [];
  const navigation: NavigationNames = new Map();
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
            { property: 'ManyToOneRelationships', select: ['ReferencingAttribute', 'ReferencedEntity', 'ReferencingEntityNavigationPropertyName'] },
          ],
        }),
      );
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
      problems.push({ object, message: `the org has no table ${object}; install the solution that provides it, or leave its loads out.` });
      continue;
    }
    const present = new Set((entity.Attributes ?? []).map((a) => a.LogicalName?.toLowerCase()));
    const names = new Map<string, string>();
    for (const r of entity.ManyToOneRelationships ?? []) {
      if (r.ReferencingAttribute && r.ReferencedEntity && r.ReferencingEntityNavigationPropertyName)
        names.set(`${r.ReferencingAttribute}|${r.ReferencedEntity}`, r.ReferencingEntityNavigationPropertyName);
    }
    navigation.set(object, names);
    for (const custom of setup.customAttributes) {
      if (custom.object !== object || present.has(custom.name.toLowerCase())) continue;
      problems.push({
        object,
        attribute: custom.name,
        message: `the custom column ${custom.name} (${custom.type}) does not exist yet; create and publish it before the load.`,
      });
    }
    const custom = new Set(setup.customAttributes.filter((c) => c.object === object).map((c) => c.name.toLowerCase()));
    for (const name of setup.writes?.[object] ?? []) {
      if (custom.has(name.toLowerCase()) || present.has(name.toLowerCase())) continue;
      problems.push({ object, attribute: name, message: `the column ${name}, which the mapping writes, is not in the table's metadata.` });
    }
    // Users, and records only an action creates (opportunityclose), are never upserted by source key.
    if (object === userObject || (setup.writes !== undefined && setup.writes[object] === undefined)) continue;
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
  return { problems, navigation };
}
