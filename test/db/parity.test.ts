/**
 * One engine, two front doors: the same bill set through the app (worker pipeline, companion
 * re-read, plans, Dexie on fake-indexeddb) and through the CLI gives the same invoices, findings
 * and chargeback, field by field. The set is the sample company in every supported layout, with
 * Verizon's downloads unzipped into month folders (identical file names), one month's account
 * summary imported later, and one month repeated in another folder; and EDI X12 811 bills.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TemDeskDatabase } from '../../renderer/db/database';
import { addMonthsToMonth, isoDate, isoMonth } from '../../shared/dates/iso-date';
import { generateSampleCompany } from '../../shared/sample';
import { splitVerizonBillSet } from '../fixtures/generate/bill-sets';
import type { BillSet, DiskFile } from '../helpers/doors';
import { throughApp, throughCli } from '../helpers/doors';

/** A synthetic EDI X12 811 fixture as a file on disk at `path`. */
function edi(fixture: string, path: string): DiskFile {
  return {
    path,
    bytes: new Uint8Array(readFileSync(new URL(`../fixtures/edi/${fixture}`, import.meta.url))),
  };
}

const END_MONTH = isoMonth(2026, 10);
const AS_OF = isoDate(2026, 11, 20);

let db: TemDeskDatabase;
let counter = 0;
beforeEach(async () => {
  db = new TemDeskDatabase(`parity-${++counter}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('the app and the CLI are one engine', () => {
  it('give the same invoices, findings and chargeback on the same files', async () => {
    const company = generateSampleCompany({ months: 6, scale: 0.3, endMonth: END_MONTH });
    const lateMonth = addMonthsToMonth(END_MONTH, -2);
    const copiedMonth = addMonthsToMonth(END_MONTH, -4);
    const set = splitVerizonBillSet(company, { lateMonth, copiedMonth });
    expect(set.imports).toHaveLength(2);

    const cli = throughCli(set, AS_OF, END_MONTH);
    const app = await throughApp(db, set, AS_OF, END_MONTH);

    expect(app.invoices).toEqual(cli.invoices);
    // Every Verizon month is one invoice with its stated total, the late month's included.
    const verizon = cli.invoices.filter((invoice) => String(invoice.carrierId).includes('Verizon'));
    const expected = company.expectedTotals.filter((invoice) => invoice.carrier === 'verizon');
    expect(verizon).toHaveLength(expected.length);
    for (const invoice of verizon) {
      const want = expected.find((e) => e.invoiceNumber === invoice.invoiceNumber);
      expect(invoice.statedTotal).toBe(want?.statedTotalCents);
      expect(invoice.linesTotal).toBe(want?.totalCents);
      expect(invoice.parts).toHaveLength(2);
    }
    expect(app.chargeback.totals).toEqual(cli.chargeback.totals);
    expect(app.chargeback.rows).toEqual(cli.chargeback.rows);
    // The copy: the app refused it at import, the CLI reported it; both name the same files.
    expect(app.copies).toEqual(cli.copies);
    const verizonCopied = company.expectedTotals.filter(
      (invoice) => invoice.carrier === 'verizon' && invoice.fileName.includes(copiedMonth),
    );
    const resent = company.plantedErrors.filter((e) => e.ruleId === 'duplicate-invoice');
    expect(verizonCopied.length).toBeGreaterThan(0);
    expect(cli.copies).toHaveLength(verizonCopied.length + resent.length);
    for (const copy of cli.copies.filter((c) => c.invoice.includes('Verizon'))) {
      expect(copy.files).toEqual([
        `from-email/${copiedMonth}/Account & Wireless Summary.txt`,
        `from-email/${copiedMonth}/AccountSummary.txt`,
        `verizon/${copiedMonth}/Account & Wireless Summary.txt`,
        `verizon/${copiedMonth}/AccountSummary.txt`,
      ]);
    }
    // Every other finding is equal field by field; the CLI adds one duplicate-invoice per copy.
    const duplicates = cli.findings.filter(
      (f) => f.ruleId === 'duplicate-invoice' && String(f.message).includes('counted once'),
    );
    expect(duplicates).toHaveLength(cli.copies.length);
    expect(app.findings).toEqual(cli.findings.filter((f) => !duplicates.includes(f)));
    // The Optimisation tab's table and the CLI's optimisation.csv: the same text, with lines
    // whose usage came through the bills (Verizon's and AT&T's usage columns) and plan changes.
    expect(app.optimisation).toBe(cli.optimisation);
    const rows = cli.optimisation.split('\r\n');
    expect(rows.filter((row) => row.includes('Change plan')).length).toBeGreaterThan(0);
    const withUsage = rows.filter((row) => /,\d{4}-\d\d \d{4}-\d\d \d{4}-\d\d,/.test(row));
    for (const carrier of ['Verizon Wireless', 'AT&T Mobility', 'T-Mobile for Business'])
      expect(withUsage.filter((row) => row.startsWith(`${carrier},`)).length).toBeGreaterThan(10);
  });

  it('give the same invoices, findings and chargeback on EDI X12 811 bills (a copy sent as .811 and .edi)', async () => {
    // The sample company's organisation (sites, inventory, contracts, rates), with 811 bills.
    const company = generateSampleCompany({ months: 6, scale: 0.1, endMonth: END_MONTH });
    const set: BillSet = {
      ...splitVerizonBillSet(company),
      imports: [
        [
          edi('two-invoices.811', 'edi/2026-09/two-invoices.811'),
          edi('lumen-2026-09-bom-crlf.edi', 'edi/2026-09/lumen-resent.edi'),
        ],
        [edi('total-mismatch.811', 'edi/2026-10/lumen.811')],
      ],
    };
    const cli = throughCli(set, AS_OF, END_MONTH);
    const app = await throughApp(db, set, AS_OF, END_MONTH);

    expect(cli.invoices.map((invoice) => [invoice.invoiceNumber, invoice.statedTotal])).toEqual([
      ['CMC-88120', 17836],
      ['LUM-2609-001', 111842],
      ['LUM-2610-001', 116592],
    ]);
    expect(app.invoices).toEqual(cli.invoices);
    expect(app.copies).toEqual(cli.copies);
    expect(cli.copies.map((copy) => copy.invoice)).toEqual([
      'invoice:Lumen|5-KE4X-001|LUM-2609-001',
    ]);
    const math = cli.findings.filter((finding) => finding.ruleId === 'invoice-math');
    expect(math.map((finding) => finding.impact)).toEqual([2500]);
    const duplicates = cli.findings.filter(
      (f) => f.ruleId === 'duplicate-invoice' && String(f.message).includes('counted once'),
    );
    expect(app.findings).toEqual(cli.findings.filter((f) => !duplicates.includes(f)));
    expect(app.chargeback).toEqual(cli.chargeback);
  });
});
