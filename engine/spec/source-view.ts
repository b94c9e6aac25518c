import type { PlatformObject, PlatformSpec } from './generated/platform-spec.js';

/**
 * The platform as a pair reads it when it is the source. A platform that is only a source already describes its export
 * files. One that is also a destination describes its data model in `objects`; its export is either `exportObjects`
 * (Dynamics 365's CSV export writes display labels, not logical names) or, when the export writes the model's own
 * names (Salesforce's data export: one `<API name>.csv` per object, API-name headers, `Id` as the key), the model
 * itself with each object's file filled in.
 */
export function sourceView(spec: PlatformSpec): PlatformSpec {
  if (!spec.roles.includes('source') || !spec.roles.includes('destination')) return spec;
  const objects = spec.exportObjects ?? (spec.objects.map(exportedAsModelled) as PlatformSpec['objects']);
  return { ...spec, objects };
}

function exportedAsModelled(object: PlatformObject): PlatformObject {
  return { ...object, file: object.file ?? `${object.name}.csv` };
}
