import type { PlatformField, PlatformObject, PlatformSpec } from './generated/platform-spec.js';

/** Fast name look-ups over a platform spec; built once per platform and shared by checks, planner and engine. */
export class PlatformIndex {
  readonly spec: PlatformSpec;
  private readonly objects = new Map<string, { object: PlatformObject; index: number; fields: Map<string, PlatformField> }>();

  constructor(spec: PlatformSpec) {
    this.spec = spec;
    (spec.objects ?? []).forEach((object, index) => {
      if (typeof object?.name !== 'string' || this.objects.has(object.name)) return;
      const fields = new Map<string, PlatformField>();
      for (const field of object.fields ?? []) if (typeof field?.name === 'string' && !fields.has(field.name)) fields.set(field.name, field);
      this.objects.set(object.name, { object, index, fields });
    });
  }

  get id(): string {
    return this.spec.id;
  }

  objectNames(): string[] {
    return [...this.objects.keys()];
  }

  object(name: string): PlatformObject | undefined {
    return this.objects.get(name)?.object;
  }

  objectIndex(name: string): number | undefined {
    return this.objects.get(name)?.index;
  }

  field(objectName: string, fieldName: string): PlatformField | undefined {
    return this.objects.get(objectName)?.fields.get(fieldName);
  }

  fieldNames(objectName: string): string[] {
    return [...(this.objects.get(objectName)?.fields.keys() ?? [])];
  }
}
