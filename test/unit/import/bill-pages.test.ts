/**
 * A page of a bill and the whole bill in one import, in either order: every charge counted once,
 * and a page read after the whole is a copy of that page only (what it repeats), never a copy of
 * the whole invoice; the whole read after a page completes the invoice.
 */
import { describe, expect, it } from 'vitest';
import { totalOf } from './fixtures';
import { ANA, BEN, CHO, draftOf, file } from './premier-parts';

/** Ana's row corrected: the $5.00 of activity taken off, her total $5.00 less. */
const ANA_CORRECTED = ANA.replace('"$58.42","$45.00","$5.00"', '"$53.42","$45.00","$0.00"');

const WHOLE = 58_42 + 50_12 + 50_00;

describe('a page of a bill and the whole bill together', () => {
  it('a page after the whole is a copy of that page, valued at what it repeats', () => {
    const draft = draftOf([file('whole.csv', [ANA, BEN, CHO]), file('page 1.csv', [ANA])]);
    expect(totalOf(draft.lines)).toBe(WHOLE);
    expect(draft.lines.every((line) => line.sourceFile === 'whole.csv')).toBe(true);
    expect(draft.copies).toEqual([
      expect.objectContaining({ sourceFile: 'page 1.csv', sameAs: 'whole.csv', partTotal: 58_42 }),
    ]);
    expect(draft.skipped[0]?.reason).toContain(
      'all already read (a page or a part of the same bill?)',
    );
    expect(draft.warnings ?? []).toEqual([]);
  });

  it('the whole after a page completes the invoice, each charge once', () => {
    const draft = draftOf([file('page 1.csv', [ANA]), file('whole.csv', [ANA, BEN, CHO])]);
    expect(totalOf(draft.lines)).toBe(WHOLE);
    expect(draft.copies ?? []).toEqual([]);
    expect(draft.errors).toEqual([]);
    expect(draft.invoices[0]?.parts?.map((part) => part.sourceFile)).toEqual([
      'page 1.csv',
      'whole.csv',
    ]);
    // Ana's row of the whole bill is already read from the page.
    expect(draft.skipped.map((s) => [s.sourceFile, s.row])).toEqual([['whole.csv', 2]]);
    expect(draft.warnings?.map((w) => w.message)).toEqual([
      'Invoice 287099000001-20260309 (account 287099000001) is read from page 1.csv and from whole.csv, which holds the same 4 charges and bills more (page 1.csv a page or a part of it?): the two are joined, each charge counted once.',
    ]);
  });

  it('counts the same, whichever file comes first', () => {
    const pages = [file('page 1.csv', [ANA, BEN]), file('whole.csv', [ANA, BEN, CHO])];
    expect(totalOf(draftOf(pages).lines)).toBe(totalOf(draftOf([...pages].reverse()).lines));
  });

  it('the whole after every page of it is a copy of the whole', () => {
    const draft = draftOf([
      file('page 1.csv', [ANA]),
      file('page 2.csv', [BEN, CHO]),
      file('whole.csv', [ANA, BEN, CHO]),
    ]);
    expect(totalOf(draft.lines)).toBe(WHOLE);
    expect(draft.copies).toEqual([
      expect.objectContaining({ sourceFile: 'whole.csv', partTotal: WHOLE }),
    ]);
  });
});

describe('a bill and its corrected re-issue together, a charge of one line taken away', () => {
  const original = file('October.csv', [ANA, BEN, CHO]);
  const corrected = file('October corrected.csv', [ANA_CORRECTED, BEN, CHO]);

  it.each([
    ['the original first', [original, corrected], WHOLE, 'October corrected.csv'],
    ['the correction first', [corrected, original], WHOLE - 5_00, 'October.csv'],
  ])(
    'are two versions, never a page and its whole (%s): the first counted, the other named',
    (_, files, total, other) => {
      const draft = draftOf(files);
      expect(totalOf(draft.lines)).toBe(total);
      expect(draft.lines.some((line) => line.sourceFile === other)).toBe(false);
      expect(draft.invoices[0]?.parts?.map((part) => part.sourceFile)).not.toContain(other);
      expect(draft.copies).toEqual([expect.objectContaining({ sourceFile: other })]);
      expect(draft.warnings?.map((w) => w.message)).toEqual([
        expect.stringContaining(`${other} holds it too, the same in`),
      ]);
    },
  );
});
