/**
 * Salesforce Data Loader and Bulk API files (and the Salesforce-built CRMs that export through them, such as
 * LeadSmart) write a link as a relationship column: `Account.External_Id__c` holds the account's external id where a
 * data export has `AccountId` with its record id; `Owner.External_Id__c` stands for `OwnerId`, `What.External_Id__c`
 * for `WhatId`, `Parent__r.External_Id__c` for the custom `Parent__c`, `RecordType.DeveloperName` for `RecordTypeId`.
 * Such files usually carry no `Id` either: records are known by that external id column.
 *
 * Read as the field it stands for, every spec written for the data export works on these files unchanged: a lookup
 * `by: key` compares external ids on both sides, because the target's file is keyed by its external id column too.
 * Each such reading is reported as a header read under another name, never done silently.
 */

const RELATIONSHIP = /^([A-Za-z][A-Za-z0-9_]*)\.([A-Za-z][A-Za-z0-9_]*)$/;
const EXTERNAL_ID = /^external_?id__c$/i;

/** The field a relationship name stands for: `Account` → `AccountId`, `Parent__r` → `Parent__c`. */
function fieldOf(relationship: string): string {
  return relationship.endsWith('__r') ? `${relationship.slice(0, -3)}__c` : `${relationship}Id`;
}

/**
 * Headers of a Salesforce-shaped file to the field names the spec knows them by. A relationship column is read as its
 * field when the spec knows the field and the file does not have it; the key column, when the file lacks it, is read
 * from the file's external id column (`External_Id__c`, or the one id-like custom column). Headers the spec knows by
 * their own name are never renamed.
 */
export function relationshipAliases(raw: readonly string[], known: readonly string[], key: string | undefined): Record<string, string> {
  const present = new Set(raw.map((h) => h.trim()));
  const knownNames = new Set(known);
  const aliases: Record<string, string> = {};
  for (const header of present) {
    if (knownNames.has(header)) continue;
    const match = RELATIONSHIP.exec(header);
    if (match === null) continue;
    const field = fieldOf(match[1] as string);
    if (knownNames.has(field) && !present.has(field) && !Object.values(aliases).includes(field)) aliases[header] = field;
  }
  if (key !== undefined && knownNames.has(key) && !present.has(key)) {
    const candidates = [...present].filter((h) => !knownNames.has(h) || EXTERNAL_ID.test(h));
    const external = candidates.find((h) => EXTERNAL_ID.test(h)) ?? only(candidates.filter((h) => /id__c$/i.test(h) && !RELATIONSHIP.test(h)));
    if (external !== undefined) aliases[external] = key;
  }
  return aliases;
}

/** Why a header is read under the spec's name, for the note that reports it. */
export function relationshipReason(found: string, name: string): string {
  return RELATIONSHIP.test(found)
    ? `a Data Loader relationship column: it names the ${name} record by ${found.slice(found.indexOf('.') + 1)}`
    : `the file has no ${name} column, so its records are keyed by this external id column`;
}

function only<T>(items: readonly T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined;
}
