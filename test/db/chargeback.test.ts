import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allocateMonth } from '../../shared/allocation';
import {
  addMonthsToMonth,
  endOfMonth,
  isoDate,
  isoMonth,
  startOfMonth,
  type IsoDate,
  type IsoMonth,
} from '../../shared/dates';
import { STANDARD_PRESET, type ExportPreset } from '../../shared/export';
import type { AllocationRule } from '../../shared/model';
import { TemDeskDatabase } from '../../renderer/db/database';
import {
  chargebackMonthChoice,
  chargebackMonths,
  deletePreset,
  invoiceMonths,
  loadChargebackSettings,
  loadMonthInput,
  loadPresets,
  saveChargebackSetting,
  savePreset,
  saveRule,
  setAccountDefaultCostCenter,
  setSiteCostCenter,
} from '../../renderer/db/chargeback';
import { commitImport } from '../../renderer/db/import-commit';
import { makeDraft, makeDraftInvoice, makeDraftLine, textBytes } from '../helpers/drafts';
import type { DraftChargeLine, DraftInvoice } from '../../shared/import/draft';
import { makeService, makeSite } from '../helpers/inventory';

let db: TemDeskDatabase;
let counter = 0;
beforeEach(async () => {
  db = new TemDeskDatabase(`chargeback-test-${++counter}`);
  await db.open();
  await db.carriers.add({ id: 'carrier-1', name: 'Lumen' });
  await db.accounts.add({
    id: 'account-1',
    carrierId: 'carrier-1',
    accountNumber: '5-ACME-001',
    status: 'open',
  });
  await db.sites.add(makeSite());
  await db.costCenters.bulkAdd([
    { id: 'cc-1', code: '4100', name: 'Retail', active: true },
    { id: 'cc-2', code: '4200', name: 'Finance', active: true },
    { id: 'cc-old', code: '4999', name: 'Closed', active: false },
  ]);
  await db.services.add(makeService());
});
afterEach(async () => {
  await db.delete();
});

const split: AllocationRule = {
  id: 'rule-1',
  name: 'Shared line',
  target: { kind: 'service', serviceId: 'service-1' },
  splits: [
    { costCenterId: 'cc-1', basisPoints: 6000 },
    { costCenterId: 'cc-2', basisPoints: 4000 },
  ],
  effectiveFrom: isoMonth(2026, 1),
};

describe('chargeback settings', () => {
  it('reads defaults, then what was saved', async () => {
    expect(await loadChargebackSettings(db)).toMatchObject({
      basis: 'invoice-date',
      accountPolicies: {},
      markups: {},
      presetId: 'standard',
    });
    await saveChargebackSetting(db, 'basis', 'service-period');
    await saveChargebackSetting(db, 'markups', { 'cc-1': 500 });
    await saveChargebackSetting(db, 'accountPolicies', {
      'account-1': { accountLevel: { costCenterId: 'cc-2' } },
    });
    const settings = await loadChargebackSettings(db);
    expect(settings.basis).toBe('service-period');
    expect(settings.markups).toEqual({ 'cc-1': 500 });
    expect(settings.accountPolicies['account-1']).toEqual({
      accountLevel: { costCenterId: 'cc-2' },
    });
    expect((await db.settings.get('chargeback:basis'))?.value).toBe('service-period');
  });

  it('keeps the CSV suspense cost center and GL account, UNALLOCATED by default', async () => {
    expect((await loadChargebackSettings(db)).csv).toEqual({
      suspenseCostCenter: 'UNALLOCATED',
      suspenseGlAccount: 'UNALLOCATED',
      totalRow: false,
    });
    await saveChargebackSetting(db, 'csv', {
      suspenseCostCenter: '9999',
      suspenseGlAccount: '1990',
      totalRow: true,
    });
    expect((await loadChargebackSettings(db)).csv).toEqual({
      suspenseCostCenter: '9999',
      suspenseGlAccount: '1990',
      totalRow: true,
    });
    // A stored value missing a field (an older version) is completed from the defaults.
    await db.settings.put({ key: 'chargeback:csv', value: { suspenseCostCenter: '8888' } });
    expect((await loadChargebackSettings(db)).csv.suspenseGlAccount).toBe('UNALLOCATED');
  });
});

describe('split rules', () => {
  it('saves a 60/40 split and refuses shares that do not make 100%', async () => {
    expect(await saveRule(db, split)).toEqual({ ok: true, value: 'rule-1' });
    const bad = {
      ...split,
      id: 'rule-2',
      splits: [
        { costCenterId: 'cc-1', basisPoints: 6000 },
        { costCenterId: 'cc-2', basisPoints: 3000 },
      ],
    };
    expect(await saveRule(db, bad)).toMatchObject({
      ok: false,
      errors: [{ message: 'The shares add up to 90.00% instead of 100.00%.' }],
    });
    expect(await saveRule(db, { ...split, id: 'rule-3', name: ' ' })).toMatchObject({ ok: false });
    expect(await db.allocationRules.count()).toBe(1);
  });
});

describe('export presets', () => {
  const custom: ExportPreset = {
    id: 'preset-1',
    name: 'Journal short',
    grouping: 'cost-center-gl',
    columns: [
      { field: 'costCenterCode', header: 'CC' },
      { field: 'debit', header: 'Dr' },
    ],
  };

  it('lists the built-in layouts first, then the saved ones with their grouping', async () => {
    expect(await savePreset(db, custom)).toEqual({ ok: true, value: 'preset-1' });
    const presets = await loadPresets(db);
    expect(presets.map((preset) => preset.id)).toEqual([
      'standard',
      'standard-markup',
      'gl-journal',
      'budget-variance',
      'preset-1',
    ]);
    expect(presets[4]).toEqual(custom);
    await deletePreset(db, 'preset-1');
    expect(await loadPresets(db)).toHaveLength(4);
  });

  it('refuses built-ins, duplicate names, and layouts the exporter cannot use', async () => {
    expect(await savePreset(db, STANDARD_PRESET)).toMatchObject({ ok: false });
    expect(await savePreset(db, { ...custom, name: 'gl JOURNAL' })).toMatchObject({
      ok: false,
      errors: [{ message: 'A layout called "GL journal" already exists.' }],
    });
    expect(await savePreset(db, { ...custom, columns: [] })).toMatchObject({
      errors: [{ message: 'Choose at least one column.' }],
    });
  });
});

describe("a month's input", () => {
  /** Stores one bill (its own file) with its lines. */
  async function importBill(invoice: DraftInvoice, lines: DraftChargeLine[]) {
    const name = invoice.sourceFile;
    await commitImport(db, {
      uploads: [
        {
          fileName: name,
          bytes: textBytes(invoice.invoiceNumber),
          fileHash: invoice.invoiceNumber.padEnd(64, '0'),
          memberNames: [name],
        },
      ],
      drafts: [makeDraft([invoice], lines)],
    });
  }

  async function importMonth(invoiceNumber: string, month: number) {
    const invoice = makeDraftInvoice({
      invoiceNumber,
      invoiceDate: isoDate(2026, month, 15),
      sourceFile: `${invoiceNumber}.csv`,
    });
    await importBill(invoice, [
      makeDraftLine(invoice, 'recurring', 100_00),
      makeDraftLine(invoice, 'tax', 10_01, { serviceIdRaw: '', serviceKey: '' }),
    ]);
  }

  /** A bill of one recurring line for a stated period. */
  async function periodBill(
    invoiceNumber: string,
    invoiceDate: string,
    periodStart: string,
    periodEnd: string,
    amount: number,
  ) {
    const invoice = makeDraftInvoice({
      invoiceNumber,
      invoiceDate: invoiceDate as IsoDate,
      periodStart: periodStart as IsoDate,
      periodEnd: periodEnd as IsoDate,
      sourceFile: `${invoiceNumber}.csv`,
    });
    await importBill(invoice, [makeDraftLine(invoice, 'recurring', amount)]);
  }

  it('loads only the invoices of the month with their lines, and the rules follow', async () => {
    await importMonth('INV-SEP', 9);
    await importMonth('INV-OCT', 10);
    expect(await invoiceMonths(db)).toEqual(['2026-10', '2026-09']);
    await saveRule(db, split);
    await setAccountDefaultCostCenter(db, 'account-1', 'cc-1');
    const input = await loadMonthInput(db, isoMonth(2026, 10));
    expect(input.invoices.map((invoice) => invoice.invoiceNumber)).toEqual(['INV-OCT']);
    expect(input.blocks).toHaveLength(1);
    const result = allocateMonth(input);
    expect(result.totals).toMatchObject({ invoices: 110_01, allocated: 110_01, unallocated: 0 });
    // 60/40 of the line, and the account-level $10.01 pro rata over the same weights.
    expect(result.byCostCenter.map((entry) => [entry.costCenterId, entry.total])).toEqual([
      ['cc-1', 66_01],
      ['cc-2', 44_00],
    ]);
  });

  it('by service period, a quarter billed in advance reaches each of its months', async () => {
    // Dated in August for September to November: $91.00 over 91 days, $1.00 a day.
    await periodBill('INV-Q4', '2026-08-28', '2026-09-01', '2026-11-30', 91_00);
    await saveChargebackSetting(db, 'basis', 'service-period');
    await setAccountDefaultCostCenter(db, 'account-1', 'cc-1');
    const months = [9, 10, 11, 12].map((m) => isoMonth(2026, m));
    const totals = await Promise.all(
      months.map(async (m) => allocateMonth(await loadMonthInput(db, m)).totals.invoices),
    );
    expect(totals).toEqual([30_00, 31_00, 30_00, 0]);
    // Its months can be chosen, though no bill is dated in them.
    expect(await chargebackMonths(db, 'service-period')).toEqual([
      '2026-11',
      '2026-10',
      '2026-09',
      '2026-08',
    ]);
    expect(await chargebackMonths(db, 'invoice-date')).toEqual(['2026-08']);
    // The page opens on the bill's month, not on November, where only its period reaches.
    expect((await chargebackMonthChoice(db, 'service-period')).opening).toBe('2026-08');
    expect((await chargebackMonthChoice(db, 'invoice-date')).opening).toBe('2026-08');
  });

  it('by service period, a quarter billed in arrears reaches each of its months', async () => {
    // Dated in January for October to December: $92.00 over 92 days, $1.00 a day. October is
    // three months before the bill, beyond the month-before-to-two-after window.
    await periodBill('INV-Q4A', '2027-01-05', '2026-10-01', '2026-12-31', 92_00);
    await saveChargebackSetting(db, 'basis', 'service-period');
    const months = [
      [2026, 9],
      [2026, 10],
      [2026, 11],
      [2026, 12],
      [2027, 1],
    ] as const;
    const totals = await Promise.all(
      months.map(
        async ([y, m]) => allocateMonth(await loadMonthInput(db, isoMonth(y, m))).totals.invoices,
      ),
    );
    expect(totals).toEqual([0, 31_00, 30_00, 31_00, 0]);
    expect(await chargebackMonths(db, 'service-period')).toEqual([
      '2027-01',
      '2026-12',
      '2026-11',
      '2026-10',
    ]);
  });

  it('by service period, a month reads the charge lines of no bill that cannot reach it', async () => {
    // A bill on the 5th of every month of 2026 and 2027 for the month before (in arrears).
    for (let i = 0; i < 24; i++) {
      const dated = addMonthsToMonth(isoMonth(2026, 1), i);
      const before = addMonthsToMonth(dated, -1);
      await periodBill(
        `M-${dated}`,
        `${dated}-05`,
        startOfMonth(before),
        endOfMonth(before),
        10_00,
      );
    }
    // A year in advance that reaches October 2026, and a quarter in arrears that does not.
    await periodBill('Y', '2026-03-05', '2026-04-01', '2027-03-31', 12_00);
    await periodBill('Q', '2027-03-05', '2026-12-01', '2027-02-28', 3_00);
    await saveChargebackSetting(db, 'basis', 'service-period');
    const input = await loadMonthInput(db, isoMonth(2026, 10));
    const read = input.invoices.map((invoice) => invoice.invoiceNumber).sort();
    // The window (dated September to December) and the year; no other bill of the 24 months.
    expect(read).toEqual(['M-2026-09', 'M-2026-10', 'M-2026-11', 'M-2026-12', 'Y']);
    const ids = new Set(input.invoices.map((invoice) => invoice.id));
    expect(input.blocks.every((block) => ids.has(block.invoiceId))).toBe(true);
    expect(new Set(input.blocks.map((block) => block.invoiceId)).size).toBe(5);
  });

  /** The service-period totals of `count` months from `first` that have any, as the app runs them. */
  async function periodTotals(first: IsoMonth, count: number) {
    await saveChargebackSetting(db, 'basis', 'service-period');
    const totals: [IsoMonth, number][] = [];
    for (let i = 0; i < count; i++) {
      const month = addMonthsToMonth(first, i);
      const { allocated, unallocated, invoices } = allocateMonth(
        await loadMonthInput(db, month),
      ).totals;
      expect(allocated + unallocated).toBe(invoices);
      if (invoices !== 0) totals.push([month, invoices]);
    }
    return totals;
  }

  /** A bill for a stated period whose lines have their own periods: [cents, start, end]. */
  async function linesBill(
    dated: string,
    period: [string, string],
    lines: [number, ...string[]][],
  ) {
    const invoice = makeDraftInvoice({
      invoiceNumber: `INV-${dated}`,
      invoiceDate: dated as IsoDate,
      periodStart: period[0] as IsoDate,
      periodEnd: period[1] as IsoDate,
      sourceFile: `INV-${dated}.csv`,
    });
    const line = ([amount, start, end]: [number, ...string[]]) =>
      makeDraftLine(invoice, 'recurring', amount, {
        periodStart: start as IsoDate,
        periodEnd: end as IsoDate,
      });
    await importBill(invoice, lines.map(line));
  }

  it("by service period, a line running past its bill's months is shared over them, each cent once", async () => {
    // Dated in August for September to November, a line to December ($1.00 a day, 122 days): no
    // December reads an August bill whose period ends in November, so its days go to the others.
    await linesBill(
      '2026-08-28',
      ['2026-09-01', '2026-11-30'],
      [[122_00, '2026-09-01', '2026-12-31']],
    );
    expect(await periodTotals(isoMonth(2026, 1), 24)).toEqual([
      ['2026-09', 40_22],
      ['2026-10', 41_56],
      ['2026-11', 40_22],
    ]);
  });

  it('by service period, a line with no day in a month reading its bill covers the bill’s period', async () => {
    // A July bill for July with a line back-billed for January, and a bill dated in October with a
    // line for August (two months before it: August reads it).
    await linesBill(
      '2026-07-05',
      ['2026-07-01', '2026-07-31'],
      [[31_00, '2026-01-01', '2026-01-31']],
    );
    expect(await periodTotals(isoMonth(2025, 12), 14)).toEqual([['2026-07', 31_00]]);
    await db.invoices.clear();
    await db.chargeBlocks.clear();
    await linesBill(
      '2026-10-02',
      ['2026-10-01', '2026-10-31'],
      [[31_00, '2026-08-01', '2026-08-31']],
    );
    expect(await periodTotals(isoMonth(2026, 6), 8)).toEqual([['2026-08', 31_00]]);
    // August is offered, though no bill is dated in it nor states it: a line of one falls in it.
    expect(await chargebackMonths(db, 'service-period')).toEqual(['2026-10', '2026-08']);
  });

  it('one-click fixes give a site or an account an active cost center', async () => {
    expect(await setSiteCostCenter(db, 'site-1', 'cc-2')).toEqual({ ok: true, value: 'site-1' });
    expect((await db.sites.get('site-1'))?.costCenterId).toBe('cc-2');
    expect(await setSiteCostCenter(db, 'site-1', 'cc-old')).toMatchObject({
      errors: [{ message: '4999 is inactive; choose an active one.' }],
    });
    expect(await setAccountDefaultCostCenter(db, 'nope', 'cc-1')).toMatchObject({
      errors: [{ message: 'That account no longer exists.' }],
    });
  });
});
