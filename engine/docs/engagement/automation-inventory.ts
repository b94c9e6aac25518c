import type { Engagement } from '../../engagement/engagement.js';
import type { AutomationCategory } from '../../spec/generated/platform-spec.js';

/** One automation kind of the source platform and what replaces it in the destination. */
export interface InventoryItem {
  id: string;
  /** The source platform's own name for it. */
  name: string;
  category: AutomationCategory;
  categoryLabel: string;
  /** What it does, and what to record about each instance before the source is switched off. */
  description: string;
  /** The destination's tool for this category; null when the destination spec names none. */
  equivalent: string | null;
  /** How to rebuild with it; null when the destination spec gives no note. */
  note: string | null;
}

/** The automation inventory as data: the templates lay it out and nothing here prints. */
export interface AutomationInventory {
  /** The date printed as "generated", passed in so the same engagement always gives the same document. */
  generated: string;
  pair: string;
  source: string;
  destination: string;
  items: InventoryItem[];
  counts: { kinds: number; withEquivalent: number; withoutEquivalent: number };
  /** True when at least one kind talks to other systems, which must be repointed at cutover. */
  hasIntegrations: boolean;
}

/** Categories in the words a customer's admin uses. */
const CATEGORY_LABELS: Record<AutomationCategory, string> = {
  'record-triggered': 'Runs when a record changes',
  scheduled: 'Runs on a schedule',
  assignment: 'Assigns owners',
  'email-sequence': 'Sends email sequences',
  approval: 'Approvals',
  validation: 'Validation',
  integration: 'Integrations and forms',
  scoring: 'Scoring',
  script: 'Custom code',
  portal: 'Portals',
};

/**
 * Every automation kind the source platform spec lists, in its order, each with the destination's equivalent for
 * its category. Automation never travels as data, so this is the list the customer's admin rebuilds from.
 */
export function automationInventory(engagement: Engagement, options: { generated: string }): AutomationInventory {
  const equivalents = new Map((engagement.destination.spec.automationEquivalents ?? []).map((e) => [e.category, e]));
  const items = (engagement.source.spec.automations ?? []).map((kind): InventoryItem => {
    const equivalent = equivalents.get(kind.category);
    return {
      id: kind.id,
      name: kind.name,
      category: kind.category,
      categoryLabel: CATEGORY_LABELS[kind.category],
      description: kind.description,
      equivalent: equivalent?.equivalent ?? null,
      note: equivalent?.note ?? null,
    };
  });
  const withEquivalent = items.filter((i) => i.equivalent !== null).length;
  return {
    generated: options.generated,
    pair: engagement.pair.id,
    source: engagement.source.spec.shortName ?? engagement.source.spec.name,
    destination: engagement.destination.spec.shortName ?? engagement.destination.spec.name,
    items,
    counts: { kinds: items.length, withEquivalent, withoutEquivalent: items.length - withEquivalent },
    hasIntegrations: items.some((i) => i.category === 'integration' || i.category === 'portal'),
  };
}
