/**
 * `payments` with a credit memo among the approved invoices: a bill that nets below zero is not a
 * payment. It is left out of the file and the register (AP applies it against the carrier's next
 * invoice), the summary names it in a sentence, and the file's total is the other vendor's payment
 * alone — never that payment less another carrier's credit.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { centsOfText, parseChargebackCsv } from '../helpers/chargeback-csv';
import { makeCliWorkspace, runCliCaptured } from '../helpers/cli-workspace';

const HEADER =
  'Carrier,Account Number,Invoice Number,Invoice Date,Due Date,Service ID,Description,Category,Amount';

/** Lumen's October bill: the line's plan less a larger outage credit, netting −$194.91. */
const CREDIT = [
  'Lumen,5-KE4X-001,754240482,2026-10-01,2026-10-25,555-010-0001,Business Line,MRC,55.09',
  'Lumen,5-KE4X-001,754240482,2026-10-01,2026-10-25,555-010-0001,Outage credit,Credit,-250.00',
];
/** Windstream's October bill: $862.40 to pay. */
const PAYMENT = [
  'Windstream,WS-100,W-1001,2026-10-03,2026-10-28,DHEC.554433..WIN,100M DIA,MRC,850.00',
  'Windstream,WS-100,W-1001,2026-10-03,2026-10-28,,Federal USF,Surcharge,12.40',
];

const CREDIT_SENTENCE =
  "Lumen 5-KE4X-001 invoice 754240482 is a credit of $194.91: not in the payment file — apply it against the carrier's next invoice.";

let dir = '';

beforeEach(async () => {
  dir = await makeCliWorkspace('temdesk-cli-payments-credit-');
  // Expected costs the bills' plans meet, so the default policy approves both invoices.
  await writeFile(
    join(dir, 'inventory.csv'),
    [
      'Site Code,Carrier,Account Number,Service Type,Service ID,Expected Monthly Cost',
      'STR-1,Lumen,5-KE4X-001,pots-line,555-010-0001,55.09',
      'STR-1,Windstream,WS-100,dia,DHEC.554433..WIN,850.00',
      '',
    ].join('\n'),
  );
  await writeFile(join(dir, 'bills', 'lumen.csv'), [HEADER, ...CREDIT, ''].join('\n'));
  await writeFile(join(dir, 'bills', 'windstream.csv'), [HEADER, ...PAYMENT, ''].join('\n'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function payments() {
  return runCliCaptured([
    'payments',
    ...['--sites', join(dir, 'sites.csv'), '--inventory', join(dir, 'inventory.csv')],
    ...['--bills', join(dir, 'bills'), '--as-of', '2026-11-20'],
    ...['--from', '2026-10-01', '--to', '2026-11-30', '--out', join(dir, 'ap', 'payments.csv')],
  ]);
}

describe('payments with a credit memo', () => {
  it('pays the other vendor alone, names the credit, and keeps it out of the register', async () => {
    const run = await payments();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines).toContain(
      '2 of 2 invoices approved by the approval policy (default settings); 1 in this file, $862.40 in 1 row.',
    );
    expect(lines).toContain(CREDIT_SENTENCE);
    expect(run.stdout).not.toContain('-$');

    const rows = parseChargebackCsv(await readFile(join(dir, 'ap', 'payments.csv'), 'utf8'));
    expect(rows.map((row) => [row['Vendor'], row['Invoice number']])).toEqual([
      ['Windstream', 'W-1001'],
    ]);
    expect(rows.reduce((sum, row) => sum + centsOfText(row['Amount'] ?? ''), 0)).toBe(862_40);
    const register = parseChargebackCsv(
      await readFile(join(dir, 'ap', 'payments-register.csv'), 'utf8'),
    );
    expect(register.map((row) => row['Invoice number'])).toEqual(['W-1001']);

    // The next run pays nothing again, and still names the credit, not yet applied.
    const again = await payments();
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 in this file, $0.00 in 0 rows.');
    expect(again.stdout.split('\n')).toContain(CREDIT_SENTENCE);
  });
});
