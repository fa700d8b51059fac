/**
 * A second whole-bill file of one invoice: a copy (the same charge lines: read once), another part
 * (an AT&T Premier report exported per department: joined) or another version (some lines the
 * same, others not: neither taken over the other). Told by the lines, never by the file's first row.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { totalOf } from './fixtures';
import { ANA, BEN, CHO, draftOf, file } from './premier-parts';

describe('a second whole-bill file of one invoice', () => {
  it('billing other lines (an export per department) is joined into the invoice, said in a note', () => {
    const draft = draftOf([file('sales.csv', [ANA]), file('operations.csv', [BEN, CHO])]);
    expect(draft.invoices.map((i) => i.invoiceNumber)).toEqual(['287099000001-20260309']);
    expect(totalOf(draft.lines)).toBe(58_42 + 50_12 + 50_00);
    expect(new Set(draft.lines.map((l) => l.sourceFile))).toEqual(
      new Set(['sales.csv', 'operations.csv']),
    );
    expect(draft.copies ?? []).toEqual([]);
    expect(draft.skipped).toEqual([]);
    expect(draft.warnings?.map((w) => [w.sourceFile, w.row, w.message])).toEqual([
      [
        'operations.csv',
        2,
        'Invoice 287099000001-20260309 (account 287099000001) is read from sales.csv and from operations.csv, which bills other lines of it (an export in parts, by department or page): the two are joined into one invoice.',
      ],
    ]);
  });

  it('with the same lines (the report downloaded twice) is a copy: read once, its rows named', () => {
    const draft = draftOf([file('report.csv', [ANA, BEN]), file('report (1).csv', [ANA, BEN])]);
    expect(totalOf(draft.lines)).toBe(58_42 + 50_12);
    expect(draft.lines.every((l) => l.sourceFile === 'report.csv')).toBe(true);
    expect(draft.usage.every((u) => u.sourceFile === 'report.csv')).toBe(true);
    expect(draft.copies).toEqual([
      expect.objectContaining({ sourceFile: 'report (1).csv', sameAs: 'report.csv' }),
    ]);
    expect(draft.copies?.[0]?.partTotal).toBeUndefined();
    expect(draft.skipped.map((s) => [s.sourceFile, s.row])).toEqual([
      ['report (1).csv', 2],
      ['report (1).csv', 3],
    ]);
    expect(draft.skipped[0]?.reason).toBe(
      'Not imported: invoice 287099000001-20260309 (account 287099000001) is already read from report.csv; this file is a copy (the same charge lines).',
    );
    expect(draft.warnings ?? []).toEqual([]);
  });

  it('repeating some lines but not others (another version) is a copy of the invoice, said to differ', () => {
    const changed = BEN.replace(
      '"$50.12","$45.00","$0.00","$3.12"',
      '"$60.12","$55.00","$0.00","$3.12"',
    );
    const draft = draftOf([
      file('march.csv', [ANA, BEN]),
      file('march corrected.csv', [ANA, changed]),
    ]);
    expect(totalOf(draft.lines)).toBe(58_42 + 50_12);
    expect(draft.lines.every((l) => l.sourceFile === 'march.csv')).toBe(true);
    expect(draft.errors).toEqual([]);
    expect(draft.copies).toEqual([
      expect.objectContaining({ sourceFile: 'march corrected.csv', sameAs: 'march.csv' }),
    ]);
    expect(draft.warnings?.map((w) => [w.sourceFile, w.row, w.message])).toEqual([
      [
        'march corrected.csv',
        2,
        'Invoice 287099000001-20260309 (account 287099000001) is read from march.csv; march corrected.csv holds it too, the same in 6 charges but not in others (a re-export after a correction?). It is not imported: the invoice is counted once, as march.csv bills it.',
      ],
    ]);
    expect(draft.skipped[0]?.reason).toContain(
      'this file is another copy of it, the same in 6 charges but not in others',
    );
  });

  it('a copy of one part of a joined invoice repeats that part only', () => {
    const draft = draftOf([
      file('sales.csv', [ANA]),
      file('operations.csv', [BEN]),
      file('operations again.csv', [BEN]),
    ]);
    expect(totalOf(draft.lines)).toBe(58_42 + 50_12);
    expect(draft.copies).toEqual([
      expect.objectContaining({
        sourceFile: 'operations again.csv',
        sameAs: 'operations.csv',
        partTotal: 50_12,
      }),
    ]);
  });
});

describe('fractions of a cent in a copied file', () => {
  it('are rounded on the lines kept only: the invoice makes its stated total', () => {
    const csv = (name: string) => ({
      name,
      bytes: new TextEncoder().encode(
        [
          'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Description,Category,Amount,Invoice Total',
          'Lumen,5-ACME-001,INV-610,2026-10-05,DHEC.554433..WIN,call 1,Usage,0.333,1.00',
          'Lumen,5-ACME-001,INV-610,2026-10-05,DHEC.554433..WIN,call 2,Usage,0.333,1.00',
          'Lumen,5-ACME-001,INV-610,2026-10-05,DHEC.554433..WIN,call 3,Usage,0.334,1.00',
        ].join('\n'),
      ),
    });
    const draft = draftOf([csv('lumen.csv'), csv('lumen copy.csv')]);
    expect(draft.lines.map((l) => l.amount)).toEqual([33, 33, 34]);
    expect(draft.copies?.map((c) => c.sourceFile)).toEqual(['lumen copy.csv']);
    // The warning names the file read, not the copy left out.
    expect(draft.warnings?.map((w) => [w.sourceFile, w.message.slice(0, 41)])).toEqual([
      ['lumen.csv', '3 amounts have fractions of a cent (row 2'],
    ]);
  });
});

describe('a copy of an EDI 811 invoice', () => {
  it('is skipped as it comes: its usage is not added to the first file’s', () => {
    const edi = (name: string) => ({
      name,
      bytes: new Uint8Array(readFileSync(new URL(`../../fixtures/edi/${name}`, import.meta.url))),
    });
    const once = draftOf([edi('lumen-2026-09.811')]);
    const twice = draftOf([edi('lumen-2026-09.811'), edi('lumen-2026-09-newlines.x12')]);
    expect(twice.copies?.map((c) => c.sourceFile)).toEqual(['lumen-2026-09-newlines.x12']);
    expect(totalOf(twice.lines)).toBe(totalOf(once.lines));
    const figures = (draft: typeof once) =>
      draft.usage.map((u) => [u.serviceKey, u.minutes, u.dataKb]);
    expect(figures(twice)).toEqual(figures(once));
  });
});
