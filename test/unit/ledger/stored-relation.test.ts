/**
 * A file of a kind a stored invoice already has, judged by its charge lines against the stored
 * ones (`judgeAgainstStored`, the one decision of both doors): another part is read again with
 * the stored originals and joined, the whole bill after a page completes it, a copy or a page of
 * what is stored is a copy, another version (a corrected re-issue) a clash.
 */
import { describe, expect, it } from 'vitest';
import type { DraftChargeLine } from '../../../shared/import/draft';
import {
  clashVerdictSentence,
  judgeAgainstStored,
  type StoredInvoice,
  type StoredLine,
} from '../../../shared/ledger/stored-relation';
import { makeDraftInvoice, makeDraftLine } from '../../helpers/drafts';

const FIRST = 'sales.csv';
const stored: StoredInvoice = {
  id: 'invoice-9',
  carrierId: 'carrier-1',
  accountNumber: '5-ACME-001',
  invoiceNumber: 'INV-1001',
  importBatchId: 'batch-1',
  sourceFile: FIRST,
  parts: [{ kind: 'bill', sourceFile: FIRST, importBatchId: 'batch-1' }],
};

const drafted = makeDraftInvoice({ sourceFile: 'later.csv' });
/** A line of `service` for `amount` cents. */
const line = (service: string, amount: number): DraftChargeLine =>
  makeDraftLine(drafted, 'recurring', amount, {
    serviceIdRaw: `555-010-000${service}`,
    serviceKey: `+1555010000${service}`,
  });
const ANA = line('1', 45_00);
const BEN = line('2', 45_00);
const TAX = makeDraftLine(drafted, 'tax', 3_10, { serviceIdRaw: '', serviceKey: null });

/** Lines as the stored invoice holds them: read from its first file. */
const storedFrom = (lines: readonly DraftChargeLine[]): StoredLine[] =>
  lines.map((stored) => ({ ...stored, sourceFile: FIRST }));

function judge(draftLines: DraftChargeLine[], storedLines: StoredLine[] | undefined) {
  return judgeAgainstStored(drafted, stored, {
    drafted: () => draftLines,
    stored: () => storedLines,
  });
}

describe('a later file of a kind the stored invoice has', () => {
  it.each([
    ['another department (other lines)', [BEN], [ANA], 'needs-stored', 'part'],
    [
      'another department repeating the account’s taxes',
      [BEN, TAX],
      [ANA, TAX],
      'needs-stored',
      'part',
    ],
    ['the same lines (a copy saved again)', [ANA, TAX], [ANA, TAX], 'copy', 'copy'],
    ['a page of what is stored', [ANA], [ANA, BEN], 'copy', 'page'],
    ['the same items at other amounts (a re-issue)', [line('1', 40_00)], [ANA], 'copy', 'conflict'],
    ['some lines in common, others not', [ANA, line('3', 9_00)], [ANA, BEN], 'copy', 'conflict'],
  ] as const)('%s', (_name, draftLines, storedLines, relation, verdict) => {
    expect(judge([...draftLines], storedFrom(storedLines))).toEqual({ relation, verdict });
  });

  it('the whole bill after a page of it completes the stored invoice, keeping both files', () => {
    expect(judge([ANA, BEN, TAX], storedFrom([ANA]))).toEqual({
      relation: 'joined',
      verdict: 'completes',
      parts: [
        { kind: 'bill', sourceFile: FIRST },
        { kind: 'bill', sourceFile: 'later.csv' },
      ],
    });
  });

  it('a line’s summary row billed with a charge taken away or added is another version, never a page or the whole', () => {
    // Ana's row: her plan and a surcharge side by side; the correction takes the surcharge off.
    const row = (amounts: readonly number[]) =>
      amounts.map((amount, i) =>
        makeDraftLine(drafted, i === 0 ? 'recurring' : 'surcharge', amount, {
          serviceIdRaw: '555-010-0001',
          serviceKey: '+15550100001',
          sourceRow: 2,
        }),
      );
    const benRow = [{ ...BEN, sourceRow: 3 }];
    const whole = [...row([45_00, 3_10]), ...benRow];
    const corrected = [...row([45_00]), ...benRow];
    expect(judge(corrected, storedFrom(whole))).toEqual({ relation: 'copy', verdict: 'conflict' });
    expect(judge(whole, storedFrom(corrected))).toEqual({ relation: 'copy', verdict: 'conflict' });
    // A page holding Ana's row whole is still a page, and the whole after it completes it.
    expect(judge(row([45_00, 3_10]), storedFrom(whole))).toEqual({
      relation: 'copy',
      verdict: 'page',
    });
    expect(judge(whole, storedFrom(row([45_00, 3_10])))).toMatchObject({ verdict: 'completes' });
  });

  it('is a copy when the stored lines cannot be read, or none is of its kind', () => {
    expect(judge([BEN], undefined)).toEqual({ relation: 'copy' });
    expect(judge([BEN], [{ ...ANA, sourceFile: 'detail.csv' }])).toEqual({ relation: 'copy' });
    expect(judgeAgainstStored(drafted, stored)).toEqual({ relation: 'copy' });
  });

  it('the very same file again is a copy, whatever its lines', () => {
    const same = makeDraftInvoice({ sourceFile: FIRST });
    expect(judgeAgainstStored(same, stored, { drafted: () => [BEN], stored: () => [ANA] })).toEqual(
      { relation: 'copy', verdict: 'copy' },
    );
  });
});

describe('what the app says of a clash', () => {
  it('names a copy, a page and another version, and says nothing of lines not judged', () => {
    expect(clashVerdictSentence('copy')).toBe(
      'This file holds the same charges: it is a copy, and nothing of it needs importing.',
    );
    expect(clashVerdictSentence('page')).toContain('a page or a part of the same bill?');
    expect(clashVerdictSentence('conflict')).toBe(
      'This file bills it differently (a corrected or reissued bill?): choose Replace to keep this version instead of the stored one.',
    );
    expect(clashVerdictSentence(undefined)).toBe('');
  });
});

describe('a Teams PSTN usage report stored before its months had a kind of their own', () => {
  // Stored as a whole bill (`bill`); read again now, the same report's months are `pstn-usage`
  // parts: the same file, a copy, not another part to read again with the stored original.
  const teams: StoredInvoice = {
    ...stored,
    sourceFile: 'PSTN usage.csv',
    parts: [{ kind: 'bill', sourceFile: 'PSTN usage.csv', importBatchId: 'batch-1' }],
  };
  const again = makeDraftInvoice({
    sourceFile: 'PSTN usage.csv',
    parts: [{ kind: 'pstn-usage', sourceFile: 'PSTN usage.csv' }],
  });

  it('is a copy of the stored invoice', () => {
    expect(judgeAgainstStored(again, teams)).toEqual({ relation: 'copy', verdict: 'copy' });
  });

  it('another report of the same month is still judged by its lines', () => {
    const other = makeDraftInvoice({
      sourceFile: 'PSTN usage (2).csv',
      parts: [{ kind: 'pstn-usage', sourceFile: 'PSTN usage (2).csv' }],
    });
    const teamsLines = [{ ...ANA, sourceFile: 'PSTN usage.csv' }];
    expect(
      judgeAgainstStored(other, teams, { drafted: () => [ANA], stored: () => teamsLines }),
    ).toEqual({ relation: 'copy', verdict: 'copy' });
  });
});
