import type { PlatformClose, PlatformObject, PlatformSpec } from './generated/platform-spec.js';
import type { PlatformIndex } from './platform-index.js';

/**
 * How a load's won and lost rows are closed: the destination object's `close` declaration, with the state values
 * that mean won or lost widened to every spelling a mapping may produce (label or stored option value, any case).
 * A load gets one only when it maps the state attribute; its rows then load open and the close step closes them.
 */
export interface CloseRule {
  state: string;
  /** Lower-cased spellings of a won state: the declared labels and their option values. */
  won: string[];
  lost: string[];
  /** The declared won and lost values as the close writes them. */
  wonValue: string;
  lostValue: string;
  open?: string;
  closedOnCreate: boolean;
  status?: PlatformClose['status'];
  /** Lower-cased spellings of the status reasons that belong to a won and to a lost state, from the options' `state`. */
  closedStatuses: { won: string[]; lost: string[] };
  date?: string;
  revenue?: string;
  closeOnly: string[];
  record?: PlatformClose['record'];
  messages?: PlatformClose['messages'];
  /** The closed object's name attribute, for the close record's subject. */
  nameAttribute?: string;
}

export type CloseOutcome = 'won' | 'lost';

/** The close step a load into `object` needs, or undefined when the object has no close or the load does not map its state. */
export function plannedClose(destination: PlatformIndex, object: string, mapped: readonly string[]): CloseRule | undefined {
  const platformObject = destination.object(object);
  const close = platformObject?.close;
  if (platformObject === undefined || close === undefined || !mapped.includes(close.state)) return undefined;
  return compileClose(platformObject, close);
}

export function compileClose(object: PlatformObject, close: PlatformClose): CloseRule {
  const options = object.fields.find((f) => f.name === close.state)?.options ?? [];
  const spellings = (values: readonly string[]): string[] => {
    const out = new Set<string>();
    for (const value of values) {
      out.add(value.toLowerCase());
      for (const o of options) if (o.label.toLowerCase() === value.toLowerCase() || String(o.value).toLowerCase() === value.toLowerCase()) {
        out.add(o.label.toLowerCase());
        out.add(String(o.value).toLowerCase());
      }
    }
    return [...out];
  };
  const stateValue = (label: string): string | number | undefined => options.find((o) => o.label.toLowerCase() === label.toLowerCase() || String(o.value) === label)?.value;
  const statusOptions = close.status === undefined ? [] : (object.fields.find((f) => f.name === close.status?.attribute)?.options ?? []);
  const statusesOf = (label: string): string[] => {
    const state = stateValue(label);
    return statusOptions.filter((o) => o.state !== undefined && o.state === state).flatMap((o) => [o.label.toLowerCase(), String(o.value).toLowerCase()]);
  };
  return {
    state: close.state,
    closedStatuses: { won: statusesOf(close.won[0] as string), lost: statusesOf(close.lost[0] as string) },
    won: spellings(close.won),
    lost: spellings(close.lost),
    wonValue: close.won[0] as string,
    lostValue: close.lost[0] as string,
    ...(close.open === undefined ? {} : { open: close.open }),
    closedOnCreate: close.closedOnCreate !== false,
    ...(close.status === undefined ? {} : { status: close.status }),
    ...(close.date === undefined ? {} : { date: close.date }),
    ...(close.revenue === undefined ? {} : { revenue: close.revenue }),
    closeOnly: close.closeOnly ?? [],
    ...(close.record === undefined ? {} : { record: close.record }),
    ...(close.messages === undefined ? {} : { messages: close.messages }),
    ...(object.primaryName === undefined ? {} : { nameAttribute: object.primaryName }),
  };
}

/** Whether a state value means won, lost, or neither (open). */
export function closeOutcome(close: Pick<CloseRule, 'won' | 'lost'>, value: unknown): CloseOutcome | undefined {
  if (value === null || value === undefined) return undefined;
  const spelled = String(value).trim().toLowerCase();
  if (close.won.includes(spelled)) return 'won';
  if (close.lost.includes(spelled)) return 'lost';
  return undefined;
}

/** The close rules of a platform's objects, by object name. */
export function closeRules(spec: PlatformSpec): Map<string, CloseRule> {
  return new Map(spec.objects.flatMap((o) => (o.close === undefined ? [] : [[o.name, compileClose(o, o.close)] as const])));
}
