import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { COMPANY_HEADER, CONTACT_HEADER, OWNER, apply, company, engagementWith, expectEveryFileBalanced, lines, reportRows } from './export-harness.js';

/** A contact row with the email, phone and mobile cells as a person typed them into the source CRM. */
function typed(id: string, email: string, phone: string, mobile: string): string {
  return `${id},Kim,Person ${id},${email},${phone},${mobile},Buyer,,,,,,,1,,${OWNER},04/01/2022 08:00,04/02/2022 08:00`;
}

describe('phone numbers and email addresses as people type them', () => {
  // Quoted where the cell holds a comma or a quote, as the CRM's export writes it.
  const { project, exportDir } = engagementWith({
    'companies.csv': lines(COMPANY_HEADER, [company('1', 'Acme')]),
    'contacts.csv': lines(CONTACT_HEADER, [
      typed('11', 'Ada.Nguyen@Acme.example', '+44 161 193 1778', '(555) 123-4567'),
      typed('12', '"Bo Lee <bo.lee@acme.example>"', '555-1234 ext. 12', '+44 (0)20 7946 0958'),
      typed('13', 'josé@exämple.de', 'call reception', ' +1   555 123 4567 '),
      typed('14', '"a@acme.example; b@acme.example"', '12', '5551234567'),
      typed('15', `${'x'.repeat(65)}@acme.example`, '+1 234 567 890 123 456 78', '+1 234 567 890 123 456 7'),
    ]),
  });

  it('given apply, loads every contact, writes each number and address in one form, and blanks and names the rest', async () => {
    const run = await apply(project);
    expect(run.exitCode, run.raw.stderr).toBe(0);
    const report = run.result!;
    expectEveryFileBalanced(report, exportDir);
    expect(report.accounting?.find((a) => a.file === 'contacts.csv')?.loads[0]?.created).toBe(5);

    const db = new Database(join(project, 'sandbox.db'), { readonly: true });
    const stored = db
      .prepare<[], { key: string; emailaddress1: string | null; telephone1: string | null; mobilephone: string | null }>(
        'SELECT _source_key AS key, emailaddress1, telephone1, mobilephone FROM contact ORDER BY _source_key',
      )
      .all();
    db.close();
    expect(stored.map((r) => [r.key.split(':').at(-1), r.emailaddress1, r.telephone1, r.mobilephone])).toEqual([
      ['11', 'ada.nguyen@acme.example', '+44 161 193 1778', '555 123 4567'],
      ['12', 'bo.lee@acme.example', '555 1234 x12', '+44 20 7946 0958'],
      ['13', 'josé@exämple.de', null, '+1 555 123 4567'],
      ['14', null, null, '5551234567'],
      ['15', null, null, '+1 234 567 890 123 456 7'],
    ]);

    const blanked = reportRows(project, report.files.blanked);
    expect(blanked.map((b) => [b['file'], b['line'], b['column'], b['value']])).toEqual([
      ['contacts.csv', '4', 'Phone', 'call reception'],
      ['contacts.csv', '5', 'Email', 'a@acme.example; b@acme.example'],
      ['contacts.csv', '5', 'Phone', '12'],
      ['contacts.csv', '6', 'Email', `${'x'.repeat(65)}@acme.example`],
      // A cell starting with + would be a formula to a spreadsheet: the person-facing file writes it behind a '.
      ['contacts.csv', '6', 'Phone', "'+1 234 567 890 123 456 78"],
    ]);
    expect(blanked.every((b) => /not (a phone number|an email address)|more than one email address/.test(b['reason'] ?? ''))).toBe(true);
  });
});
