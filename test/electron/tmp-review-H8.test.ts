/**
 * An inventory that names its carriers shorter than their bills do ("Verizon" for a Verizon Raw
 * Data download's "Verizon Wireless"): the bill's lines are the inventory's services, on one
 * carrier, so a clean month gives no unknown-service finding and no second Verizon. A number
 * ported from AT&T stays listed on AT&T, disconnected, beside its live Verizon line.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { VERIZON_ACCOUNT_HEADER, VERIZON_LINE_HEADER } from '../../shared/sample/verizon';
import { auditWorkspace, makeCliWorkspace, outputRows } from '../helpers/cli-workspace';

const ACCOUNT = '842012345-00001';
const TAB = '\t';

function tsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.join(TAB)).join('\r\n') + '\r\n';
}

/** A row of `header` with the named cells filled (the rest blank). */
function row(header: readonly string[], cells: Record<string, string>): string[] {
  return header.map((column) => cells[column] ?? '');
}

const INVOICE = {
  'Bill Cycle Date': 'Oct 16, 2026',
  'Account Number': ACCOUNT,
  'Date Due': '11/08/26',
  'Invoice Number': '9871234567',
  'Bill Period': 'Sep 17 -Oct 16 ',
};

function line(number: string, user: string): string[] {
  return row(VERIZON_LINE_HEADER, {
    ...INVOICE,
    'Wireless Number': number,
    'User Name': user,
    'Cost Center': 'N/A',
    'Your Calling Plan': 'Business Unlimited',
    'Monthly Charges': '45.00',
    'Total Surcharges and Other Charges and Credits': '2.10',
    'Taxes, Governmental Surcharges and Fees': '3.40',
    'Total Charges': '50.50',
  });
}

let dir = '';
let run: { code: number; stdout: string; stderr: string };

beforeAll(async () => {
  dir = await makeCliWorkspace('temdesk-cli-carrier-names-');
  await writeFile(
    join(dir, 'inventory.csv'),
    [
      'Site Code,Carrier,Account Number,Service Type,Service ID,Expected Monthly Cost,Status,Disconnect Date',
      // Ported to Verizon from AT&T: the old line stays listed, disconnected.
      `STR-1,AT&T Mobility,287000111,mobile,555-010-0001,45.00,disconnected,2026-03-31`,
      `STR-1,Verizon,${ACCOUNT},mobile,555-010-0001,45.00`,
      `STR-1,Verizon,${ACCOUNT},mobile,555-010-0002,45.00`,
      '',
    ].join('\n'),
  );
  await writeFile(
    join(dir, 'contracts.csv'),
    `Contract ID,Carrier,Accounts,Start Date,Term Months\nVZ-1,Verizon,${ACCOUNT},2025-01-01,36\n`,
  );
  await mkdir(join(dir, 'bills', '2026-10'), { recursive: true });
  await writeFile(
    join(dir, 'bills', '2026-10', 'Account & Wireless Summary.txt'),
    tsv([VERIZON_LINE_HEADER, line('555-010-0001', 'Ana Ruiz'), line('555-010-0002', 'Bo Chen')]),
  );
  await writeFile(
    join(dir, 'bills', '2026-10', 'AccountSummary.txt'),
    tsv([
      VERIZON_ACCOUNT_HEADER,
      row(VERIZON_ACCOUNT_HEADER, {
        ...INVOICE,
        'Bill Name': 'ACME',
        'Previous Balance': '101.00',
        Payments: '-101.00',
        'Monthly Charges': '90.00',
        'Surcharges and OC&Cs': '4.20',
        'Taxes, Governmental Surcharges, and Fees': '6.80',
        'Total Current Charges': '101.00',
        'Total Amount Due': '101.00',
      }),
    ]),
  );
  await writeFile(
    join(dir, 'bills', '2026-10', 'verizon-generic.csv'),
    'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Description,Category,Amount\n' +
    `Verizon Wireless,${ACCOUNT},9871234567,2026-10-16,555-010-0001,Business Unlimited,MRC,45.00\n` +
    `Verizon Wireless,${ACCOUNT},9871234567,2026-10-16,555-010-0002,Business Unlimited,MRC,45.00\n`,
  );
  run = await auditWorkspace(dir);
}, 60_000);
it("prints", async () => {
  console.log(run.stdout, run.stderr, run.code); console.log(await outputRows(dir, "invoices.csv"));
});
