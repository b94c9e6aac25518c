// Runs the crm-migrate CLI in this process and, when it exits, writes its peak resident memory (KiB) to the file named
// by CRM_MIGRATE_RSS_FILE. Node cannot read a child's rusage, so the child reports its own.
import { writeFileSync } from 'node:fs';

const out = process.env.CRM_MIGRATE_RSS_FILE;
process.on('exit', () => {
  if (out) writeFileSync(out, String(process.resourceUsage().maxRSS));
});
await import('../bin/run.js');
