import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BillDraft, DraftChargeLine } from '../../../shared/import/draft';
import { draftLineCount, packedLinesOf } from '../../../shared/import/packed-drafts';
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
  it('keeps every draft’s lines packed, the same lines when read, giving the page a turn per draft', async () => {
    const a = makeDraftInvoice({ invoiceNumber: 'A' });
    const b = makeDraftInvoice({ invoiceNumber: 'B' });
    const drafts = ['1.csv', '2.csv', '3.csv'].map((file) =>
      makeDraft([a, b], linesFor([a.key, b.key], 20_000, file)),
    );
    const turns = vi.spyOn(globalThis, 'setTimeout');
    const result = await withLines(doneMessage(drafts));
    expect(turns).toHaveBeenCalledTimes(3);
    result.outcomes.forEach((outcome, i) => {
      if (outcome.kind !== 'draft') throw new Error('not a draft');
      // No line object was built on the way: the preview, plan and commit read the columns.
      expect(packedLinesOf(outcome.draft)?.count).toBe(20_000);
      expect(draftLineCount(outcome.draft)).toBe(20_000);
      const groups = linesByInvoice(outcome.draft.lines);
      expect(outcome.draft.lines).toEqual(drafts[i]?.lines);
      expect([...groups.keys()]).toEqual([a.key, b.key]);
      expect(outcome.draft.usage).toEqual(drafts[i]?.usage);
    });
  });
});
