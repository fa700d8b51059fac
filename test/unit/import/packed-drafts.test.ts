import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateLines } from '../../../shared/billing/aggregates';
import type { BillDraft, DraftChargeLine, DraftUsage } from '../../../shared/import/draft';
import {
  blockCountOfRows,
  packRowBlocks,
  packRows,
  ServiceScratch,
  serviceTotalsOfRows,
} from '../../../shared/import/packed-blocks';
import {
  aggregateRows,
  draftLineCount,
  draftUsageCount,
  draftWithPackedLines,
  lineSumsByInvoice,
  linesOfRows,
  packedLinesOf,
  packedRowsByInvoice,
  packedUsageOf,
} from '../../../shared/import/packed-drafts';
import { packDraftLines } from '../../../shared/import/packed-lines';
import { packDraftUsage } from '../../../shared/import/packed-usage';
import { invoiceOfPlan, planBills, plannedLineCount } from '../../../shared/ledger/bills';
import { OrgResolver, sequentialIds } from '../../../shared/ledger/org';
import { cents } from '../../../shared/money/cents';
import { packChargeLines } from '../../../shared/storage/charge-blocks';
import { serviceTotalsOfBlocks } from '../../../shared/storage/service-totals';
import { expectClonedDenselyAsBefore } from '../../helpers/cloned-blocks';
import { makeDraft, makeDraftInvoice } from '../../helpers/drafts';

const CATEGORIES = ['recurring', 'usage', 'tax', 'credit', 'one-time'] as const;

/** Lines of three invoices taking turns in runs, with every optional field now and then. */
function mixedLines(keys: string[], count: number): DraftChargeLine[] {
  return Array.from({ length: count }, (_, i) => {
    const line: DraftChargeLine = {
      invoiceKey: keys[Math.floor(i / 7) % keys.length] ?? '',
      serviceIdRaw: i % 11 === 0 ? '' : `555-010-${String(i % 300).padStart(4, '0')}`,
      serviceKey: i % 11 === 0 ? null : `+1555010${String(i % 300).padStart(4, '0')}`,
      description: `Charge ${i % 13}`,
      category: CATEGORIES[i % CATEGORIES.length] ?? 'recurring',
      quantity: i % 3 === 0 ? null : i % 5,
      amount: cents((i % 2 === 0 ? 1 : -1) * (i * 37)),
      sourceFile: i % 1_500 < 1_000 ? 'a.csv' : 'b.csv',
      sourceRow: i + 2,
    };
    if (i % 4 === 0) line.periodStart = '2026-08-01' as DraftChargeLine['periodStart'];
    if (i % 4 === 0) line.periodEnd = '2026-08-31' as DraftChargeLine['periodEnd'];
    if (i % 9 === 0) line.accountNumber = `SUB-${i % 4}`;
    if (i % 6 === 0) line.extras = { user: `User ${i % 5}` };
    return line;
  });
}

function packedDraft(draft: BillDraft): BillDraft {
  const { lines, usage, ...rest } = draft;
  return draftWithPackedLines(rest, packDraftLines(lines), packDraftUsage(usage));
}

/** Usage of the three invoices' services, in turns. */
function usageFor(keys: string[], count: number): DraftUsage[] {
  return Array.from({ length: count }, (_, i) => ({
    invoiceKey: keys[Math.floor(i / 5) % keys.length] ?? '',
    serviceIdRaw: `555-010-${String(i).padStart(4, '0')}`,
    serviceKey: `+1555010${String(i).padStart(4, '0')}`,
    month: '2026-08' as DraftUsage['month'],
    minutes: i % 7 === 0 ? null : i * 1.5,
    messages: i,
    dataKb: i % 3 === 0 ? null : i * 1024,
    sourceFile: 'usage.csv',
    sourceRow: i + 2,
    ...(i % 4 === 0 ? { roamingMinutes: 2 } : {}),
  }));
}

const invoices = ['A', 'B', 'C'].map((n) => makeDraftInvoice({ invoiceNumber: n }));
const keys = invoices.map((invoice) => invoice.key);
const original: BillDraft = {
  ...makeDraft(invoices, mixedLines(keys, 4_321)),
  usage: usageFor(keys, 611),
};

describe('a draft whose lines stay packed', () => {
  it('counts, groups and sums its lines without rebuilding them', () => {
    const draft = packedDraft(original);
    expect(draftLineCount(draft)).toBe(4_321);
    const packed = packedLinesOf(draft);
    if (packed === undefined) throw new Error('not packed');
    const groups = packedRowsByInvoice(packed);
    expect([...groups.keys()]).toEqual(keys);
    for (const key of keys) {
      const own = original.lines.filter((line) => line.invoiceKey === key);
      const rows = { packed, rows: groups.get(key) ?? new Uint32Array(0) };
      expect(linesOfRows(rows)).toEqual(own);
      expect(aggregateRows(rows)).toEqual(aggregateLines(own));
    }
    const sums = lineSumsByInvoice([draft]);
    for (const key of keys)
      expect(sums.get(key)).toBe(
        original.lines
          .filter((line) => line.invoiceKey === key)
          .reduce((sum, line) => sum + line.amount, 0),
      );
    expect(draftUsageCount(draft)).toBe(611);
    // Nothing above read `draft.lines` or `draft.usage`: the draft is still packed.
    expect(packedLinesOf(draft)).toBe(packed);
    expect(packedUsageOf(draft)).toBeDefined();
  });

  it('gives the same lines as before to a reader of `lines`, then is an ordinary draft', () => {
    const draft = packedDraft(original);
    expect(draft.lines).toEqual(original.lines);
    expect(packedLinesOf(draft)).toBeUndefined();
    expect(draft.usage).toEqual(original.usage);
    expect(packedUsageOf(draft)).toBeUndefined();
    draft.lines.push(original.lines[0] as DraftChargeLine);
    expect(draftLineCount(draft)).toBe(4_322);
  });

  it('is planned and stored exactly as the same draft with line objects', () => {
    const org = () => new OrgResolver([], [], sequentialIds());
    const draft = packedDraft(original);
    const fromPacked = planBills([draft], org(), () => undefined);
    const fromObjects = planBills([original], org(), () => undefined);
    expect(fromPacked.invoices).toHaveLength(3);
    fromPacked.invoices.forEach((planned, i) => {
      const same = fromObjects.invoices[i];
      if (same === undefined || planned.packedRows === undefined) throw new Error('not planned');
      expect(plannedLineCount(planned)).toBe(same.lines.length);
      expect(planned.usage).toEqual(same.usage);
      const ids = { id: `invoice-${i}`, importBatchId: 'batch-1' };
      expect(invoiceOfPlan(planned, ids, () => 'batch-1')).toEqual(
        invoiceOfPlan(same, ids, () => 'batch-1'),
      );
      // Blocks of 100 lines, so every invoice spans several, both files and sub-accounts.
      const blocks = packRows(`invoice-${i}`, planned.packedRows, 100);
      expect(blocks).toEqual(packChargeLines(`invoice-${i}`, same.lines, 100));
      for (const block of blocks) expectClonedDenselyAsBefore(block);
    });
    expect(packedLinesOf(draft)).toBeDefined();
    expect(packedUsageOf(draft)).toBeDefined();
    // A planned invoice's `lines` are still there for any other reader.
    expect(fromPacked.invoices[1]?.lines).toEqual(fromObjects.invoices[1]?.lines);
  });

  it('packs the same blocks a few at a time as all at once (staging packs them between tasks)', () => {
    const packed = packDraftLines(mixedLines(['K1', 'K2'], 430));
    for (const rows of packedRowsByInvoice(packed).values()) {
      const whole = packRows('invoice-1', { packed, rows }, 100);
      expect(blockCountOfRows({ packed, rows }, 100)).toBe(whole.length);
      const sliced = Array.from({ length: whole.length }, (_, i) =>
        packRowBlocks('invoice-1', { packed, rows }, i, i + 1, 100),
      ).flat();
      expect(sliced).toEqual(whole);
    }
  });

  it('groups lines with no invoice key with those whose key is empty, in order', () => {
    const lines = mixedLines(['', 'K'], 40);
    const packed = packDraftLines(lines);
    const rows = packedRowsByInvoice(packed).get('') ?? new Uint32Array(0);
    expect(linesOfRows({ packed, rows })).toEqual(lines.filter((l) => l.invoiceKey === ''));
  });
});

describe('per-service totals from the packed columns', () => {
  it('equal the totals of the blocks made of the same rows, invoice after invoice', () => {
    const line = fc.record({
      invoiceKey: fc.constantFrom('A', 'B', ''),
      // Keys repeat, none at all and the key '' among them (both are the key '').
      serviceKey: fc.constantFrom(null, '', '+15550100001', '+15550100002', 'circuit:42'),
      category: fc.constantFrom(...CATEGORIES),
      amount: fc.integer({ min: -1_000_000, max: 1_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 300 }), (drawn) => {
        const lines = drawn.map((l, i): DraftChargeLine => ({
          ...l,
          serviceIdRaw: l.serviceKey ?? '',
          description: 'Charge',
          amount: cents(l.amount),
          quantity: null,
          sourceFile: 'a.csv',
          sourceRow: i + 2,
        }));
        const packed = packDraftLines(lines);
        const scratch = new ServiceScratch();
        for (const [key, rows] of packedRowsByInvoice(packed)) {
          const blocks = packRows(`invoice-${key}`, { packed, rows }, 50);
          expect(serviceTotalsOfRows(`invoice-${key}`, { packed, rows }, scratch)).toEqual(
            serviceTotalsOfBlocks(`invoice-${key}`, blocks),
          );
        }
      }),
    );
  });

  it('are left to the blocks when nearly every line has its own key (the column kept plain)', () => {
    const lines = mixedLines(['A'], 400).map((l, i) => ({ ...l, serviceKey: `key-${i}` }));
    const packed = packDraftLines(lines);
    expect(packed.serviceKey.index).toBeNull();
    const rows = packedRowsByInvoice(packed).get('A') ?? new Uint32Array(0);
    expect(serviceTotalsOfRows('invoice-A', { packed, rows })).toBeNull();
  });
});
