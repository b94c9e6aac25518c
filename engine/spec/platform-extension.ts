import type { PlatformField, PlatformObject, PlatformSpec } from './generated/platform-spec.js';

/**
 * A platform that `extends` another is the other one plus what it adds: its own top-level keys win, objects it names
 * that the base has gain its fields (a field of the same name replaces the base's), and objects or fields the base
 * does not have are the org's own. Those are marked `custom`, because the admin has to create them before a load
 * and the schema-change checklist lists them.
 */
export function extendPlatform(base: PlatformSpec, own: PlatformSpec): PlatformSpec {
  const { extends: _base, objects: ownObjects, exportObjects: ownExportObjects, ...ownRest } = own;
  const merged: PlatformSpec = { ...base, ...ownRest, objects: mergeObjects(base.objects ?? [], ownObjects ?? []) };
  delete merged.extends;
  if (base.exportObjects !== undefined || ownExportObjects !== undefined) {
    merged.exportObjects = mergeObjects(base.exportObjects ?? [], ownExportObjects ?? []);
  }
  return merged;
}

type ObjectList = PlatformSpec['objects'];

function mergeObjects(base: readonly PlatformObject[], own: readonly PlatformObject[]): ObjectList {
  const byName = new Map(base.map((o) => [o.name, o]));
  const merged = base.map((object) => {
    const addition = own.find((o) => o.name === object.name);
    return addition === undefined ? object : { ...object, ...addition, fields: mergeFields(object.fields ?? [], addition.fields ?? []) };
  });
  const added = own.filter((o) => !byName.has(o.name)).map((o) => ({ ...o, custom: o.custom ?? true, fields: (o.fields ?? []).map(customField) }));
  return [...merged, ...added] as ObjectList;
}

function mergeFields(base: readonly PlatformField[], own: readonly PlatformField[]): PlatformField[] {
  const ownByName = new Map(own.map((f) => [f.name, f]));
  const baseNames = new Set(base.map((f) => f.name));
  return [...base.map((f) => ownByName.get(f.name) ?? f), ...own.filter((f) => !baseNames.has(f.name)).map(customField)];
}

function customField(field: PlatformField): PlatformField {
  return { ...field, custom: field.custom ?? true };
}
