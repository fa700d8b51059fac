/**
 * A bill imported without rows that could not be read (the app imports it with its preview's
 * list of rows not read; the CLI with `--allow-row-errors`): both doors keep the rows' count and
 * amount on the invoice, and invoice-math claims none of the money the carrier itemised in them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TemDeskDatabase } from '../../renderer/db/database';
import { isoDate, isoMonth } from '../../shared/dates/iso-date';
import { textBytes } from '../helpers/drafts';
import { throughApp, throughCli, type BillSet, type DiskFile } from '../helpers/doors';

const file = (path: string, lines: string[]): DiskFile => ({
  path,
  bytes: textBytes(`${lines.join('\n')}\n`),
});

const BILL_ROW = 'Lumen,A7,L-1,2026-05-01,,2026-05-01,2026-05-31';
const SET: BillSet = {
  sites: file('sites.csv', [
    'Site Code,Site Name,Address,City,State,Postal Code,Country,Cost Center,Status,Opened,Closed',
    'S1,Site One,1 A St,Austin,TX,78701,US,4100,Open,,',
  ]),
  inventory: file('inventory.csv', [
    'Site Code,Site Name,Cost Center,Carrier,Account Number,Service Type,Service ID,Plan,Expected Monthly Cost,Status,Install Date,Disconnect Date,Contract ID,User',
    'S1,Site One,4100,Lumen,A7,circuit,12.CCCC.000001..LUMN,DIA,,active,2020-01-01,,,',
  ]),
  contracts: file('contracts.csv', [
    'Contract ID,Carrier,Name,Accounts,Start Date,Term Months,End Date,Auto Renew,Renewal Term Months,Notice Days,MARC,Status',
    'L,Lumen,Lumen MSA,A7,2025-01-01,36,,No,0,60,0,active',
  ]),
  rates: file('rates.csv', [
    'Contract ID,Plan Or Service Type,Service ID,Monthly Rate',
    'L,DIA,,800.00',
  ]),
  imports: [
    [
      file('bills/b1.csv', [
        'Carrier,Account Number,Invoice Number,Invoice Date,Due Date,Period Start,Period End,Service ID,Description,Category,Quantity,Amount,Invoice Total',
        `${BILL_ROW},12.CCCC.000001..LUMN,MRC,MRC,,800.00,870.00`,
        `${BILL_ROW},,Late Payment Charge,Other,,12.00,870.00`,
        `${BILL_ROW},,Finance charge 1.5%,Misc,,13.00,870.00`,
        `${BILL_ROW},,Late payment fee,Account Charges,,14.00,870.00`,
        `${BILL_ROW},,Late fee,,,15.00,870.00`,
        `${BILL_ROW},,Administrative late fee,Surcharges,,16.00,870.00`,
      ]),
    ],
  ],
};

let db: TemDeskDatabase;
let counter = 0;
beforeEach(async () => {
  db = new TemDeskDatabase(`unread-rows-${++counter}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('a bill imported without the rows that could not be read', () => {
  it('claims none of their money, the same in the app and the CLI', async () => {
    const asOf = isoDate(2026, 5, 20);
    const month = isoMonth(2026, 5);
    const cli = throughCli(SET, asOf, month);
    const app = await throughApp(db, SET, asOf, month);
    expect(app.invoices).toEqual(cli.invoices);
    expect(cli.invoices[0]?.unread).toEqual({ rows: 4, amount: 54_00, unpriced: 0 });
    const math = (findings: typeof cli.findings) =>
      findings.filter((finding) => finding.ruleId === 'invoice-math');
    expect(math(app.findings)).toEqual(math(cli.findings));
    expect(math(cli.findings)).toEqual([
      expect.objectContaining({
        severity: 'warning',
        impact: 0,
        message: expect.stringContaining(
          '$54.00 more than itemised, of which $54.00 is in 4 rows of the bill not read',
        ) as unknown,
      }),
    ]);
  });
});
