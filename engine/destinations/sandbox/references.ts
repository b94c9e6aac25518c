import type { Database, Statement } from 'better-sqlite3';
import { show } from '../model/coerce.js';
import { isActive, type UserColumns } from './user-table.js';
import { type AttributeSchema } from '../model/table-schema.js';
import { quoteName } from './sqlite-tables.js';

/**
 * Lookup and owner checks. A reference must name a record in one of its target tables that the sandbox holds; a
 * target the sandbox does not hold (`transactioncurrency`, `team`, `Group`) cannot be checked and is left out, and a
 * reference whose targets are all absent is accepted. An owner must also be an active user when the destination
 * allows active owners only. One prepared statement per target table, made on first use.
 */

export interface ReferenceContext {
  /** Tables in the file and their primary key, by lower-cased name. */
  tables: ReadonlyMap<string, { name: string; key: string }>;
  users?: UserColumns;
  activeOwnersOnly: boolean;
}

interface Target {
  table: string;
  exists: Statement;
  /** Set for the user table: reads the active flag. */
  active?: Statement;
}

export class ReferenceChecker {
  private readonly targets = new Map<AttributeSchema, Target[]>();
  private readonly statements = new Map<string, Target>();
  /**
   * References found to hold since `startBatch`, by attribute: most rows of a batch name one of a few owners, and each
   * is looked up once per batch rather than once per row. Cleared per batch, so it never outgrows one.
   */
  private readonly held = new Map<AttributeSchema, Set<string>>();

  constructor(
    private readonly db: Database,
    private readonly context: ReferenceContext,
  ) {}

  /** Undefined when the reference holds; else the broken rule in one sentence. */
  check(attribute: AttributeSchema, id: string): string | undefined {
    let held = this.held.get(attribute);
    if (held?.has(id) === true) return undefined;
    const broken = this.lookUp(attribute, id);
    if (broken === undefined) {
      if (held === undefined) this.held.set(attribute, (held = new Set()));
      held.add(id);
    }
    return broken;
  }

  /** Called before each batch: what held in the last batch is looked up again (a record may have gone since). */
  startBatch(): void {
    this.held.clear();
  }

  private lookUp(attribute: AttributeSchema, id: string): string | undefined {
    const targets = this.targetsOf(attribute);
    if (targets.length === 0) return undefined;
    for (const target of targets) {
      if (target.active !== undefined) {
        const row = target.active.get(id) as { active: unknown } | undefined;
        if (row === undefined) continue;
        if (
          attribute.reference === 'owner' &&
          this.context.activeOwnersOnly &&
          !isActive(this.context.users as UserColumns, row.active)
        ) {
          return `Attribute ${attribute.name} value ${show(id)} is an inactive user, and the destination accepts active owners only.`;
        }
        return undefined;
      }
      if (target.exists.get(id) !== undefined) return undefined;
    }
    const names = targets.map((t) => t.table).join(' or ');
    return attribute.reference === 'owner'
      ? `Attribute ${attribute.name} value ${show(id)} is not a user of the destination (${names}).`
      : `Attribute ${attribute.name} value ${show(id)} names no existing ${names} record.`;
  }

  private targetsOf(attribute: AttributeSchema): Target[] {
    let targets = this.targets.get(attribute);
    if (targets !== undefined) return targets;
    const names = attribute.field.targets ?? [];
    // An owner whose spec lists no targets is a user.
    const wanted =
      names.length === 0 && attribute.reference === 'owner' && this.context.users ? [this.context.users.table] : names;
    targets = [];
    for (const name of wanted) {
      const table = this.context.tables.get(name.toLowerCase());
      if (table !== undefined) targets.push(this.target(table.name, table.key));
    }
    this.targets.set(attribute, targets);
    return targets;
  }

  private target(table: string, key: string): Target {
    let target = this.statements.get(table);
    if (target !== undefined) return target;
    const from = `FROM ${quoteName(table)} WHERE ${quoteName(key)} = ?`;
    target = { table, exists: this.db.prepare(`SELECT 1 ${from}`).pluck() };
    const users = this.context.users;
    if (users !== undefined && users.table.toLowerCase() === table.toLowerCase()) {
      const active = users.active === undefined ? 'NULL' : quoteName(users.active.column);
      target.active = this.db.prepare(`SELECT ${active} AS active ${from}`);
    }
    this.statements.set(table, target);
    return target;
  }
}
