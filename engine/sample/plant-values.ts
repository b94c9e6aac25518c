import { impossibleDate } from './formats.js';
import type { Plant } from './problems.js';
import type { RowContext } from './row-context.js';
import type { ColumnRole, ObjectPlan } from './types.js';
import { fit, valueOf } from './values.js';
import { SENTENCES, SIGN_OFFS } from './vocabulary-business.js';
import { NON_ASCII_FIRST_NAMES } from './vocabulary-people.js';

/**
 * The cell value of a planted text or date problem, built around the value the row would have had so it stays
 * plausible, and cut so the decoration survives the column's length limit.
 */
export function plantValue(plant: Plant, natural: string, role: ColumnRole | undefined, plan: ObjectPlan, ctx: RowContext): string {
  const { rng } = ctx;
  const maxLength = role?.kind === 'value' ? role.shape.maxLength : plan.fields.find((f) => f.name === plant.column)?.maxLength;
  const base = natural !== '' ? natural : role?.kind === 'value' ? valueOf(role.shape, plant.column, ctx) : 'Sample';
  const around = (prefix: string, suffix: string): string => `${prefix}${fit(base, (maxLength ?? 10_000) - prefix.length - suffix.length)}${suffix}`;
  switch (plant.kind) {
    case 'malformed-date': {
      if (plant.malformed === 'garbage') return 'not a date';
      const kind = (role?.kind === 'value' ? role.shape.temporal : undefined) ?? 'date';
      return impossibleDate(ctx.format, kind, 2024);
    }
    case 'non-ascii':
      if (role?.kind === 'identity' && role.part === 'first') return rng.pick(NON_ASCII_FIRST_NAMES);
      if (plan.nameKind === 'company' && plant.column === plan.nameColumn) return around('株式会社', ' Ærø');
      return around('', ' · Zoë Ærø Łódź');
    case 'embedded-quote':
      return around(`"${rng.pick(['Blue Door', 'Northside', 'Phase 2', 'Express'])}" `, '');
    case 'embedded-comma':
      return around('', `, ${rng.pick(['EMEA', 'Inc.', 'Nordics', 'Level 2'])}`);
    case 'embedded-newline':
      return around('', `\n${rng.pick(SENTENCES)}\n${rng.pick(SIGN_OFFS)}`);
    default:
      return natural;
  }
}
