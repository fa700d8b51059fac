/**
 * Mark-up is rounded once per cost center — rate × the cost center's month, half away from zero —
 * and shared over its GL accounts and lines by largest remainder, so every export's mark-up rows
 * add up to the figure a finance user checks with a calculator. (Rounding each line first drifted
 * by dollars over a thousand lines: $296.39 instead of $295.91 on the sample company.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocateMonth,
  markupShares,
  type AllocationInput,
  type AllocationResult,
} from '../../../shared/allocation';
import {
  chargebackCsv,
  chargebackXlsx,
  GL_JOURNAL_PRESET,
  MARKUP_PRESET,
  type ChargebackNames,
  type ExportPreset,
} from '../../../shared/export/chargeback';
import { cents } from '../../../shared/money/cents';
import type { ChargeCategory } from '../../../shared/model';
import { centsOfText, parseChargebackCsv } from '../../helpers/chargeback-csv';
import { inspectXlsx } from '../../helpers/xlsx-inspect';
import { allocate, bills, company, costCenter, line, service } from './helpers';
import { inputFor, MONTHS, worldArb } from './world';

/** The calculator's figure: amount × basis points / 10,000, rounded half away from zero. */
function calculatorMarkup(amount: number, basisPoints: number): number {
  const exact = BigInt(amount) * BigInt(basisPoints);
  const magnitude = exact < 0n ? -exact : exact;
  const rounded = Number((magnitude + 5_000n) / 10_000n);
  return exact < 0n && rounded !== 0 ? -rounded : rounded;
}

/** Whether `markup` is `amount` × `basisPoints` rounded down or up (less than a cent away). */
function withinACent(markup: number, amount: number, basisPoints: number): boolean {
  const gap = BigInt(markup) * 10_000n - BigInt(amount) * BigInt(basisPoints);
  return (gap < 0n ? -gap : gap) < 10_000n;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** Per cost center (and per cost center × GL account): amount and mark-up summed over the rows. */
function totalsOf(
  result: AllocationResult,
  key: (row: AllocationResult['rows'][number]) => string,
) {
  const out = new Map<string, { costCenterId: string; amount: number; markup: number }>();
  for (const row of result.rows) {
    const entry = out.get(key(row)) ?? { costCenterId: row.costCenterId, amount: 0, markup: 0 };
    entry.amount += row.amount;
    entry.markup += row.markup;
    out.set(key(row), entry);
  }
  return out;
}

/** Checks every mark-up figure of a month against the calculator. */
function checkMarkups(result: AllocationResult, markups: Readonly<Record<string, number>>): void {
  for (const entry of result.byCostCenter) {
    if (entry.costCenterId === null) {
      expect(entry.markup).toBe(0);
      continue;
    }
    const rate = markups[entry.costCenterId] ?? 0;
    expect(entry.markup).toBe(calculatorMarkup(entry.total, rate));
  }
  for (const [id, entry] of totalsOf(result, (row) => row.costCenterId)) {
    const rate = markups[id] ?? 0;
    expect(entry.markup).toBe(calculatorMarkup(entry.amount, rate));
  }
  for (const entry of totalsOf(
    result,
    (row) => `${row.costCenterId}\u0000${row.glAccount}`,
  ).values()) {
    expect(withinACent(entry.markup, entry.amount, markups[entry.costCenterId] ?? 0)).toBe(true);
  }
  for (const row of result.rows) {
    expect(withinACent(row.markup, row.amount, markups[row.costCenterId] ?? 0)).toBe(true);
  }
  expect(result.totals.markup).toBe(sum(result.byCostCenter.map((entry) => entry.markup)));
  expect(result.totals.markup).toBe(sum(result.rows.map((row) => row.markup)));
}

/** `count` lines of `amount` cents on service s1 (cost center a), in the given categories in turn. */
function manyLines(count: number, amount: number, categories: ChargeCategory[] = ['recurring']) {
  return Array.from({ length: count }, (_, i) =>
    line('s1', categories[i % categories.length] ?? 'recurring', amount),
  );
}

function namesOf(input: AllocationInput): ChargebackNames {
  return { costCenters: input.costCenters, carriers: input.carriers, sites: input.sites };
}

function oneCostCenter(lines: ReturnType<typeof line>[], basisPoints: number): AllocationInput {
  return company({
    markups: { a: basisPoints },
    services: [service('s1', { costCenterId: 'a' })],
    glMapping: { byCategory: { usage: '6420', tax: '6490' }, byCategoryAndServiceType: {} },
    ...bills([{ id: 'i1', lines }]),
  });
}

describe('mark-up is rounded once per cost center', () => {
  it('100 lines of $0.30 at 2.5%: $0.75 (rate × $30.00), not a cent per line ($1.00)', () => {
    const result = allocate(oneCostCenter(manyLines(100, 30), 250));
    const entry = result.byCostCenter.find((e) => e.costCenterId === 'a');
    expect(entry).toMatchObject({ total: 30_00, markup: 75 });
    expect(result.totals.markup).toBe(75);
    expect(sum(result.rows.map((row) => row.markup))).toBe(75);
    expect(new Set(result.rows.map((row) => row.markup))).toEqual(new Set([0, 1]));
    checkMarkups(result, { a: 250 });
  });

  it('credits: 100 lines of −$0.30 at 2.5% make −$0.75, the mirror image', () => {
    const result = allocate(oneCostCenter(manyLines(100, -30, ['credit']), 250));
    expect(result.byCostCenter.find((e) => e.costCenterId === 'a')).toMatchObject({
      total: -30_00,
      markup: -75,
    });
    expect(sum(result.rows.map((row) => row.markup))).toBe(-75);
    checkMarkups(result, { a: 250 });
  });

  it('a cost center that nets to zero has no mark-up, and its rows net to zero', () => {
    // 3.33% of 15¢ is 0.4995¢ and of −45¢ is −1.4985¢: per line that made 0 + 0 + 0 − 1.
    const lines = [line('s1', 'recurring', 15), line('s1', 'recurring', 15)];
    lines.push(line('s1', 'recurring', 15), line('s1', 'credit', -45));
    const result = allocate(oneCostCenter(lines, 333));
    expect(result.byCostCenter.find((e) => e.costCenterId === 'a')).toMatchObject({
      total: 0,
      markup: 0,
    });
    expect(sum(result.rows.map((row) => row.markup))).toBe(0);
    expect(result.totals.markup).toBe(0);
    checkMarkups(result, { a: 333 });
  });

  it('a net credit mixed with charges rounds half away from zero on the net', () => {
    // Net −$10.10 at 5% = −50.5¢ → −51¢.
    const lines = [...manyLines(10, 99), line('s1', 'credit', -20_00)];
    const result = allocate(oneCostCenter(lines, 500));
    expect(result.byCostCenter.find((e) => e.costCenterId === 'a')).toMatchObject({
      total: -10_10,
      markup: -51,
    });
    checkMarkups(result, { a: 500 });
  });
});

describe('every export carrying mark-up adds up to the cost center’s mark-up', () => {
  // Cost center a at 7.77% over three GL accounts; b at 3.33%; c (account default) without.
  const lines = [
    ...manyLines(60, 33, ['recurring', 'usage', 'tax']),
    ...Array.from({ length: 40 }, () => line('s2', 'usage', 17)),
    line('s2', 'credit', -1_01),
    line('', 'surcharge', 2_22),
    line('s3', 'recurring', 12_34),
  ];
  const markups = { a: 777, b: 333 };
  const input = company({
    costCenters: [
      costCenter('a', { code: '0045250173', name: 'Stores', glAccount: '6400' }),
      costCenter('b', { code: '0045250161', name: 'Office', glAccount: '6400' }),
      costCenter('c', { code: '0045250140', name: 'IT' }),
    ],
    markups,
    services: [
      service('s1', { costCenterId: 'a' }),
      service('s2', { costCenterId: 'b' }),
      service('s3', { costCenterId: 'c' }),
    ],
    glMapping: { byCategory: { usage: '6420', tax: '6490' }, byCategoryAndServiceType: {} },
    ...bills([{ id: 'i1', lines }]),
  });
  const result = allocate(input);
  const budgets = new Map([
    ['a', cents(50_00)],
    ['b', cents(10_00)],
  ]);
  const names: ChargebackNames = { ...namesOf(input), budgets };
  const codeRate: Record<string, number> = {
    '0045250173': 777,
    '0045250161': 333,
    '0045250140': 0,
  };
  /** Per cost center code: its allocated amount and the calculator's mark-up on it. */
  const expected = new Map(
    result.byCostCenter.flatMap((entry) => {
      const code = input.costCenters.find((cc) => cc.id === entry.costCenterId)?.code;
      if (code === undefined) return [];
      const markup = calculatorMarkup(entry.total, codeRate[code] ?? 0);
      return [[code, { amount: entry.total, markup }] as const];
    }),
  );

  it('the engine: the calculator’s figure per cost center, rows within a cent', () => {
    expect([...expected.keys()]).toEqual(['0045250140', '0045250161', '0045250173']);
    for (const [code, entry] of expected) {
      const id = input.costCenters.find((cc) => cc.code === code)?.id;
      expect(result.byCostCenter.find((e) => e.costCenterId === id)?.markup).toBe(entry.markup);
    }
    checkMarkups(result, markups);
  });

  /** Per cost center code: the CSV's amount (or debit − credit) and mark-up column sums. */
  function csvSums(preset: ExportPreset, amountOf: (row: Record<string, string>) => number) {
    const out = new Map<string, { amount: number; markup: number; withMarkup: number }>();
    for (const row of parseChargebackCsv(chargebackCsv(result, names, preset))) {
      const code = row['Cost center'] ?? row.CC ?? '';
      const entry = out.get(code) ?? { amount: 0, markup: 0, withMarkup: 0 };
      entry.amount += amountOf(row);
      entry.markup += centsOfText(row['Mark-up'] ?? '');
      entry.withMarkup += centsOfText(row['Amount with mark-up'] ?? '');
      out.set(code, entry);
    }
    return out;
  }

  /** A layout by cost center × GL account with the budget and mark-up columns. */
  const byCostCenter: ExportPreset = {
    id: 'cc-budget-markup',
    name: 'Cost centers vs budget, with mark-up',
    grouping: 'cost-center-gl',
    columns: [
      ...MARKUP_PRESET.columns.filter(({ field }) =>
        ['costCenterCode', 'glAccount', 'amount', 'markup', 'amountWithMarkup'].includes(field),
      ),
      { field: 'budget', header: 'Budget' },
    ],
  };

  it.each([MARKUP_PRESET, byCostCenter])(
    'CSV "$name": each cost center’s rows add up to its mark-up',
    (preset) => {
      const sums = csvSums(preset, (row) => centsOfText(row.Amount ?? ''));
      for (const [code, entry] of expected) {
        const { amount, markup } = entry;
        expect(sums.get(code)).toEqual({ amount, markup, withMarkup: amount + markup });
      }
    },
  );

  it('CSV "GL journal": each line within a cent of rate × its amount, adding up per cost center', () => {
    const rows = parseChargebackCsv(chargebackCsv(result, names, GL_JOURNAL_PRESET));
    const netOf = (row: Record<string, string>) =>
      centsOfText(row.Debit ?? '') - centsOfText(row.Credit ?? '');
    for (const row of rows) {
      const rate = codeRate[row['Cost center'] ?? ''] ?? 0;
      expect(withinACent(centsOfText(row['Mark-up'] ?? ''), netOf(row), rate)).toBe(true);
    }
    // Cost center a has three GL accounts: the journal splits its mark-up three ways.
    expect(rows.filter((row) => row['Cost center'] === '0045250173')).toHaveLength(3);
    const sums = csvSums(GL_JOURNAL_PRESET, netOf);
    for (const [code, entry] of expected) {
      expect(sums.get(code)?.amount).toBe(entry.amount);
      expect(sums.get(code)?.markup).toBe(entry.markup);
    }
  });

  it('XLSX: the Summary shows each cost center’s mark-up, and the Detail adds up to it', () => {
    const book = inspectXlsx(chargebackXlsx(result, names, MARKUP_PRESET));
    const summary = book.sheets.find((sheet) => sheet.name === 'Summary');
    const detail = book.sheets.find((sheet) => sheet.name === 'Detail');
    const money = (value: unknown): number => Math.round(Number(value) * 100);
    const header = summary?.values[0] ?? [];
    const markupColumn = header.indexOf('Mark-up');
    const withColumn = header.indexOf('Total with mark-up');
    for (const [code, entry] of expected) {
      const row = summary?.values.find((values) => values[0] === code) ?? [];
      expect(money(row[markupColumn])).toBe(entry.markup);
      expect(money(row[withColumn])).toBe(entry.amount + entry.markup);
    }
    expect(money(summary?.values.at(-1)?.[markupColumn])).toBe(result.totals.markup);

    const detailHeader = detail?.values[0] ?? [];
    const codeColumn = detailHeader.indexOf('Cost center');
    const detailMarkup = detailHeader.indexOf('Mark-up');
    const body = (detail?.values ?? []).slice(1, -1);
    for (const [code, entry] of expected) {
      const cells = body.filter((values) => values[codeColumn] === code);
      expect(sum(cells.map((values) => money(values[detailMarkup])))).toBe(entry.markup);
    }
    expect(money(detail?.values.at(-1)?.[detailMarkup])).toBe(result.totals.markup);
  });
});

describe('property: mark-up = round(rate × amount) per cost center, rows add up to it', () => {
  it('random companies, months and rates (credits, splits, GL accounts, exceptions)', () => {
    fc.assert(
      fc.property(
        worldArb,
        fc.constantFrom(...MONTHS),
        fc.constantFrom('invoice-date' as const, 'service-period' as const),
        (world, target, basis) => {
          const input = { ...inputFor(world), month: target, basis };
          const result = allocateMonth(input);
          checkMarkups(result, input.markups);
          const names = namesOf(input);
          // The GL journal's and the detail's mark-up columns sum to the month's mark-up.
          for (const preset of [GL_JOURNAL_PRESET, MARKUP_PRESET]) {
            const rows = parseChargebackCsv(chargebackCsv(result, names, preset));
            expect(sum(rows.map((row) => centsOfText(row['Mark-up'] ?? '')))).toBe(
              result.totals.markup,
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('markupShares: any amounts, groups and rate', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: -5_000_00, max: 5_000_00 }),
            fc.constantFrom('g1', 'g2', 'g3'),
          ),
          { maxLength: 60 },
        ),
        fc.integer({ min: -10_000, max: 99_999 }),
        (lines, basisPoints) => {
          const amounts = lines.map(([amount]) => amount);
          const groups = lines.map(([, group]) => group);
          const shares = markupShares(amounts, groups, basisPoints);
          expect(sum(shares)).toBe(calculatorMarkup(sum(amounts), basisPoints));
          shares.forEach((share, i) => {
            expect(withinACent(share, amounts[i] ?? 0, basisPoints)).toBe(true);
          });
          for (const group of new Set(groups)) {
            const members = groups.flatMap((g, i) => (g === group ? [i] : []));
            expect(
              withinACent(
                sum(members.map((i) => shares[i] ?? 0)),
                sum(members.map((i) => amounts[i] ?? 0)),
                basisPoints,
              ),
            ).toBe(true);
          }
        },
      ),
    );
  });
});
