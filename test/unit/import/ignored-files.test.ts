/** The files a read recognised but did not (wholly) import, as both doors list them. */
import { describe, expect, it } from 'vitest';
import type { BillDraft } from '../../../shared/import/draft';
import { filesNotImported } from '../../../shared/import/ignored-files';

function draftIgnoring(ignoredFiles: BillDraft['ignoredFiles']): BillDraft {
  return {
    profileId: 'bell-mobility',
    layoutName: 'Bell Mobility',
    dateOrder: 'YMD',
    invoices: [],
    lines: [],
    usage: [],
    skipped: [],
    errors: [],
    rowsRead: 0,
    ignoredFiles,
  };
}

describe('files not imported', () => {
  it('lists each file and reason once, in order, across drafts', () => {
    const a = { sourceFile: 'calls.csv', reason: 'call detail is read with the MOB file.' };
    const b = { sourceFile: 'airtime.txt', reason: 'airtime detail is read with the summary.' };
    expect(filesNotImported([draftIgnoring([a, b, a]), draftIgnoring([a])])).toEqual([a, b]);
  });

  it('leaves out an entry with no reason (a reader that left nothing out) and drafts with none', () => {
    expect(
      filesNotImported([
        draftIgnoring([{ sourceFile: 'teams.csv', reason: ' ' }]),
        draftIgnoring(undefined),
      ]),
    ).toEqual([]);
  });
});
