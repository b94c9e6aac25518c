import { describe, expect, it } from 'vitest';
import { expectEveryFileBalanced } from '../../e2e/real-exports/export-harness.js';
import { companies, OWNER } from '../../e2e/safety/small-engagement.js';
import { inProcessEngagement } from './in-process-engagement.js';

/**
 * One activities file feeds calls, emails, meetings and tasks, each taking the rows of its Activity Type. A row whose
 * type none of them takes (an SMS logged by a phone integration, a type spelt another way, none at all) stays behind:
 * it must be named by line with its type, not only counted.
 */
describe('apply in process: rows of a shared file that no load takes', () => {
  it('given activities typed SMS, "Phone Call" and blank beside a call and a task, lists each one left behind by line and type', async () => {
    const activity = (id: string, type: string): Record<string, string> => ({
      'Activity ID': id,
      'Activity Type': type,
      Subject: `Activity ${id}`,
      'Company ID': '100',
      'Owner Email': OWNER,
      'Due Date': '2024-03-01',
      'Created Date': '01/02/2024 10:00',
      'Last Modified Date': '01/02/2024 10:00',
    });
    const e = await inProcessEngagement({
      companies: companies(1),
      activities: [activity('A1', 'Call'), activity('A2', 'SMS'), activity('A3', 'Task'), activity('A4', 'Phone Call'), activity('A5', ''), activity('A6', 'SMS')],
    });

    const report = await e.apply();
    expectEveryFileBalanced(report, e.exportDir);
    const account = report.accounting?.find((a) => a.file === 'activities.csv');
    expect(account).toMatchObject({ rows: 6, excluded: 4 });
    expect(report.loads.find((l) => l.load === 'phonecalls')).toMatchObject({ sourceRows: 1, created: 1 });
    expect(report.loads.find((l) => l.load === 'tasks')).toMatchObject({ sourceRows: 1, created: 1 });

    const exceptions = e.report('exceptions');
    expect(exceptions.map((r) => [r['file'], r['line'], r['load'], r['source_key'], r['status'], r['column'], r['value']])).toEqual([
      ['activities.csv', '3', '', 'A2', 'excluded', 'Activity Type', 'SMS'],
      ['activities.csv', '5', '', 'A4', 'excluded', 'Activity Type', 'Phone Call'],
      ['activities.csv', '6', '', 'A5', 'excluded', 'Activity Type', ''],
      ['activities.csv', '7', '', 'A6', 'excluded', 'Activity Type', 'SMS'],
    ]);
    expect(exceptions[0]?.['reason']).toMatch(/^no load of the pair takes it: phonecalls takes Activity Type Call; .*tasks takes Activity Type Task$/);
    const finding = report.export?.findings.find((f) => f.code === 'not-taken');
    expect(finding).toMatchObject({ file: 'activities.csv', count: 4, lines: [3, 5, 6, 7], column: 'Activity Type' });
    expect(finding?.message).toMatch(/"SMS" \(2\), "Phone Call" \(1\), blank \(1\)/);
  });
});
