import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BillDraft, DraftChargeLine } from '../../../shared/import/draft';
import { packDraftLines } from '../../../shared/import/packed-lines';
import { packDraftUsage } from '../../../shared/import/packed-usage';
import type { ReadOutcome } from '../../../shared/import/read-bill';
import { linesByInvoice } from '../../../shared/ledger/bills';
import { cents } from '../../../shared/money/cents';
import { withLines } from '../../../renderer/features/bills/import/readInWorker';
import { makeDraft, makeDraftInvoice } from '../../helpers/drafts';

function linesFor(keys: string[], count: number, file: string): DraftChargeLine[] {
  return Array.from({ length: count }, (_, i) => ({
    // Two invoices taking turns in runs of 7 lines: groups are not one run each.
    invoiceKey: keys[Math.floor(i / 7) % keys.length] ?? '',
    serviceIdRaw: `555-010-${String(i % 100).padStart(4, '0')}`,
    serviceKey: null,
    description: 'Monthly service',
    category: 'recurring',
    quantity: 1,
    amount: cents(i),
    sourceFile: file,
    sourceRow: i + 2,
  }));
}

/** The worker's `done` answer for drafts whose lines and usage cross packed. */
function doneMessage(drafts: BillDraft[]) {
  const outcomes = drafts.map((draft): ReadOutcome => ({
    kind: 'draft',
    draft: { ...draft, lines: [], usage: [] },
    files: [],
  })) as ReadOutcome[];
  return {
    type: 'done' as const,
    outcomes,
    packed: drafts.map((draft) => ({
      lines: packDraftLines(draft.lines),
      usage: packDraftUsage(draft.usage),
    })),
    files: [],
  };
}

afterEach(() => vi.restoreAllMocks());

describe('the page taking the worker’s drafts back', () => {
  it('rebuilds every line grouped by invoice, giving the page a turn across small drafts', async () => {
    const a = makeDraftInvoice({ invoiceNumber: 'A' });
    const b = makeDraftInvoice({ invoiceNumber: 'B' });
    // Three drafts of 20,000 lines: none alone is a slice, together they are more than one.
    const drafts = ['1.csv', '2.csv', '3.csv'].map((file) =>
      makeDraft([a, b], linesFor([a.key, b.key], 20_000, file)),
    );
    const turns = vi.spyOn(globalThis, 'setTimeout');
    const result = await withLines(doneMessage(drafts));
    expect(turns).toHaveBeenCalled();
    result.outcomes.forEach((outcome, i) => {
      if (outcome.kind !== 'draft') throw new Error('not a draft');
      expect(outcome.draft.lines).toEqual(drafts[i]?.lines);
      const groups = linesByInvoice(outcome.draft.lines);
      expect([...groups.keys()]).toEqual([a.key, b.key]);
      expect(groups.get(b.key)).toEqual(
        outcome.draft.lines.filter((line) => line.invoiceKey === b.key),
      );
      // Each group holds the draft's own line objects, in order.
      expect(groups.get(a.key)?.[7]).toBe(outcome.draft.lines[14]);
    });
  });
});
