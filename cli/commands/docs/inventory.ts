import type { Outcome } from '../../base-command.js';
import { EngagementCommand } from '../../engagement-command.js';
import { generatedDate, generatedDateFlag } from '../../generated-date-flag.js';
import { displayPath } from '../../printers/display-path.js';
import { table } from '../../printers/table.js';
import { automationInventory, type AutomationInventory } from '../../../engine/docs/engagement/automation-inventory.js';
import { writeAutomationInventory, type EngagementDocFiles } from '../../../engine/docs/engagement/engagement-doc-files.js';

type InventoryOutput = AutomationInventory & { files: EngagementDocFiles };

export default class DocsInventory extends EngagementCommand<InventoryOutput> {
  static override summary = "Write the inventory of the source platform's automations, each with the destination feature to rebuild it with.";
  static override description =
    'Automation never moves as data. Lists every automation kind of the source platform, what to record about each one, the destination equivalent for its category (or that there is none) and a rebuild checklist. Writes docs/inventory.md and docs/inventory.html in the engagement folder.';
  static override examples = ['<%= config.bin %> docs inventory', '<%= config.bin %> docs inventory --project acme --date 2026-01-01 --json'];
  static override flags = { date: generatedDateFlag };

  protected async execute(): Promise<Outcome<InventoryOutput>> {
    const { flags } = await this.parse(DocsInventory);
    const engagement = await this.engagement(flags.project);
    const inventory = automationInventory(engagement, { generated: generatedDate(flags.date) });
    const files = writeAutomationInventory(engagement, inventory);
    const lines = [
      `Wrote the automation inventory for ${inventory.pair}: ${displayPath(files.markdown)}, ${displayPath(files.html)}`,
      '',
      table(
        [`${inventory.source} automation`, `rebuild in ${inventory.destination} with`],
        inventory.items.map((i) => [i.name, i.equivalent ?? '(no equivalent)']),
      ),
    ];
    if (inventory.counts.withoutEquivalent > 0) lines.push('', `${inventory.counts.withoutEquivalent} kinds have no ${inventory.destination} equivalent; the inventory says so for each.`);
    return { data: { ...inventory, files }, text: lines.join('\n') };
  }
}
