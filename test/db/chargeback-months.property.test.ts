/**
 * Property: by service period, the months the chargeback offers are every month a bill's line
 * lands in, and their exports (CSV and XLSX) add up to the bills to the cent (each cent once), whatever the
 * lines' own periods — the app's loader, month list and CSV, as the user runs them month by month.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateMonth } from '../../shared/allocation';
import {
  addDays,
  addMonthsToMonth,
  isoMonthOf,
  type IsoDate,
  type IsoMonth,
} from '../../shared/dates';
import { chargebackCsv, chargebackXlsx, STANDARD_PRESET } from '../../shared/export/chargeback';
import { TemDeskDatabase } from '../../renderer/db/database';
import {
  chargebackMonths,
  loadMonthInput,
  saveChargebackSetting,
} from '../../renderer/db/chargeback';
import { commitImport } from '../../renderer/db/import-commit';
import { makeDraft, makeDraftInvoice, makeDraftLine, textBytes } from '../helpers/drafts';
import { csvAmountSum } from '../helpers/chargeback-csv';
import { makeService, makeSite } from '../helpers/inventory';
import { inspectXlsx } from '../helpers/xlsx-inspect';

/** Dollars in a workbook cell as cents (money is written as numbers with two decimals). */
const centsOfCell = (value: unknown) => Math.round(Number(value ?? 0) * 100);

/** The workbook's Detail amounts (its rows, its totals row) and its Summary total, in cents. */
function xlsxTotals(bytes: Uint8Array) {
  const [summary, detail] = inspectXlsx(bytes).sheets;
  const values = detail?.values ?? [];
  const at = (values[0] ?? []).indexOf('Amount');
  const total = (summary?.values[0] ?? []).indexOf('Total');
  return {
    detailRows: values.slice(1, -1).reduce((sum, row) => sum + centsOfCell(row[at]), 0),
    detailTotal: centsOfCell(values.at(-1)?.[at]),
    summaryTotal: centsOfCell(summary?.values.at(-1)?.[total]),
  };
}

const ORIGIN = '2026-06-15' as IsoDate;
const at = (offset: number) => addDays(ORIGIN, offset);

const periodArb = (spread: number, longest: number) =>
  fc
    .tuple(fc.integer({ min: -spread, max: spread }), fc.integer({ min: 0, max: longest }))
    .map(([offset, length]) => [at(offset), at(offset + length)] as const);

const billArb = fc.record({
  dated: fc.integer({ min: -120, max: 120 }),
  period: fc.option(periodArb(200, 120), { nil: undefined }),
  lines: fc.array(
    fc.record({
      onService: fc.boolean(),
      amount: fc.integer({ min: -500_000, max: 500_000 }),
      own: fc.option(periodArb(300, 400), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 4 },
  ),
});

let counter = 0;

async function companyWith(specs: (typeof billArb extends fc.Arbitrary<infer T> ? T : never)[]) {
  const db = new TemDeskDatabase(`chargeback-months-${++counter}`);
  await db.open();
  await db.carriers.add({ id: 'carrier-1', name: 'Lumen' });
  await db.accounts.add({
    id: 'account-1',
    carrierId: 'carrier-1',
    accountNumber: '5-ACME-001',
    status: 'open',
    defaultCostCenterId: 'cc-1',
  });
  await db.sites.add(makeSite());
  await db.costCenters.add({ id: 'cc-1', code: '4100', name: 'Retail', active: true });
  await db.services.add(makeService());
  await saveChargebackSetting(db, 'basis', 'service-period');
  for (const [b, spec] of specs.entries()) {
    const invoice = makeDraftInvoice({
      invoiceNumber: `INV-${b}`,
      invoiceDate: at(spec.dated),
      periodStart: spec.period?.[0],
      periodEnd: spec.period?.[1],
      sourceFile: `INV-${b}.csv`,
    });
    const lines = spec.lines.map(({ onService, amount, own }, i) =>
      makeDraftLine(invoice, amount < 0 ? 'credit' : 'recurring', amount, {
        sourceRow: i + 2,
        ...(onService ? {} : { serviceIdRaw: '', serviceKey: '' }),
        ...(own === undefined ? {} : { periodStart: own[0], periodEnd: own[1] }),
      }),
    );
    await commitImport(db, {
      uploads: [
        {
          fileName: invoice.sourceFile,
          bytes: textBytes(invoice.invoiceNumber),
          fileHash: invoice.invoiceNumber.padEnd(64, '0'),
          memberNames: [invoice.sourceFile],
        },
      ],
      drafts: [makeDraft([invoice], lines)],
    });
  }
  return db;
}

describe('service-period months offered and exported', () => {
  it('offer every month a line lands in; their CSV and XLSX files add up to the bills, each cent once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(billArb, { minLength: 1, maxLength: 3 }), async (specs) => {
        const db = await companyWith(specs);
        try {
          const offered = new Set(await chargebackMonths(db, 'service-period'));
          const names = {
            costCenters: await db.costCenters.toArray(),
            carriers: await db.carriers.toArray(),
            sites: await db.sites.toArray(),
          };
          let exported = 0;
          const first = addMonthsToMonth(isoMonthOf(ORIGIN), -20);
          for (let i = 0; i <= 40; i++) {
            const month: IsoMonth = addMonthsToMonth(first, i);
            const result = allocateMonth(await loadMonthInput(db, month));
            const csv = chargebackCsv(result, names, STANDARD_PRESET, {});
            expect(csvAmountSum(csv, { amount: 'Amount' })).toBe(result.totals.invoices);
            expect(xlsxTotals(chargebackXlsx(result, names, STANDARD_PRESET))).toEqual({
              detailRows: result.totals.invoices,
              detailTotal: result.totals.invoices,
              summaryTotal: result.totals.invoices,
            });
            if (result.rows.length + result.exceptions.length > 0)
              expect([month, offered.has(month)]).toEqual([month, true]);
            if (offered.has(month)) exported += result.totals.invoices;
          }
          const billed = specs
            .flatMap((spec) => spec.lines)
            .reduce((sum, { amount }) => sum + amount, 0);
          expect(exported).toBe(billed);
        } finally {
          await db.delete();
        }
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
