/**
 * The CLI on an AT&T Premier billing summary exported per department (two files of one invoice,
 * other lines in each): one invoice with every line, no false duplicate-invoice; a department's
 * file saved twice is a copy of that part, its own amount at stake.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditWorkspace, makeCliWorkspace, outputRows } from '../helpers/cli-workspace';

const HEADER =
  '"Foundation account","Account number","Wireless number","User name","Market cycle end date","Invoice date","Rate plan name","Total current charges","Total monthly charges","Total activity since last bill","Total taxes","Total company fees and surcharges","Total FAN level charges","Total adjustments"';
const SALES = `${HEADER}\n"F900","287099000001","555-030-0001","Ana Ruiz","03/02/2026","03/09/2026","BUS UNL 5GB","$58.42","$45.00","$5.00","$5.12","$3.30","$0.00","$0.00"\n`;
const OPERATIONS = `${HEADER}\n"F900","287099000001","555-030-0002","Ben Okafor","03/02/2026","03/09/2026","BUS UNL 5GB","$50.12","$45.00","$0.00","$3.12","$2.00","$0.00","$0.00"\n`;

let dir = '';
beforeEach(async () => {
  dir = await makeCliWorkspace('temdesk-cli-parts-');
  await writeFile(join(dir, 'bills', 'sales.csv'), SALES);
  await writeFile(join(dir, 'bills', 'operations.csv'), OPERATIONS);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the CLI on a bill exported in parts', () => {
  it('joins the departments into one invoice with every line, and reports no duplicate', async () => {
    const run = await auditWorkspace(dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Read 2 bill files: 1 invoice, 7 charge lines, $108.54 billed.');
    expect(run.stdout).toContain(
      'is read from operations.csv and from sales.csv, which bills other lines of it (an export in parts, by department or page): the two are joined into one invoice.',
    );
    const [invoice] = await outputRows(dir, 'invoices.csv');
    expect(invoice?.['Lines Total']).toBe('108.54');
    const findings = await outputRows(dir, 'findings.csv');
    expect(findings.filter((row) => row['Rule'] === 'duplicate-invoice')).toEqual([]);
  });

  it('counts a department saved twice once, with that part’s amount at stake', async () => {
    // Files are read in name order: “operations (1).csv” comes first, “operations.csv” is the copy.
    await writeFile(join(dir, 'bills', 'operations (1).csv'), OPERATIONS);
    const run = await auditWorkspace(dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('$108.54 billed.');
    const duplicates = (await outputRows(dir, 'findings.csv')).filter(
      (row) => row['Rule'] === 'duplicate-invoice',
    );
    expect(duplicates.map((row) => [row['Impact'], row['Message']])).toEqual([
      [
        '50.12',
        'Invoice 287099000001-20260309 (account 287099000001, $108.54) is joined from parts; $50.12 of its lines in operations (1).csv are again in operations.csv, counted once. Paying both would pay them twice.',
      ],
    ]);
  });
});
