import { describe, expect, it } from 'vitest';
import { readBills } from '../../../shared/import/read-bill';
import { invoiceKey } from '../../../shared/import/draft';
import { generateSampleCompany } from '../../fixtures/generate/sample-company';

/**
 * The sample company's bill files, written in the real carrier layouts, read by the real import
 * pipeline: every invoice found, every invoice reconciled to the cent.
 */
describe('sample company through the import pipeline', () => {
  const company = generateSampleCompany();
  const outcomes = readBills(company.files.map((file) => ({ name: file.name, bytes: file.bytes })));

  it('reads every file without a question or a row error; the re-sent invoice is a copy, not read twice', () => {
    const questions = outcomes.filter((outcome) => outcome.kind !== 'draft');
    expect(questions).toEqual([]);
    const errors = outcomes.flatMap((outcome) =>
      outcome.kind === 'draft' ? outcome.draft.errors : [],
    );
    const resent = company.files.filter((file) => file.name.includes('resent'));
    expect(resent).toHaveLength(1);
    expect(errors).toEqual([]);
    const copies = outcomes.flatMap((outcome) =>
      outcome.kind === 'draft' ? (outcome.draft.copies ?? []) : [],
    );
    expect(copies).toEqual([
      expect.objectContaining({ sourceFile: resent[0]?.name, kind: 'bill' }),
    ]);
  });

  it('finds every expected invoice, with its lines summing to the cent', () => {
    const carrierName = new Map(company.carriers.map((carrier) => [carrier.id, carrier.name]));
    const drafts = outcomes.flatMap((outcome) => (outcome.kind === 'draft' ? [outcome.draft] : []));
    const sums = new Map<string, { total: number; lines: number; stated: number | null }>();
    for (const draft of drafts) {
      for (const invoice of draft.invoices) {
        sums.set(invoice.key, { total: 0, lines: 0, stated: invoice.statedTotal });
      }
      for (const line of draft.lines) {
        const entry = sums.get(line.invoiceKey);
        if (entry) {
          entry.total += line.amount;
          entry.lines += 1;
        }
      }
    }
    for (const expected of company.expectedTotals) {
      const key = invoiceKey(
        carrierName.get(expected.carrier) ?? expected.carrier,
        expected.accountNumber,
        expected.invoiceNumber,
      );
      const found = sums.get(key);
      expect(found, `invoice ${key} from ${expected.fileName}`).toBeDefined();
      expect(found?.total, `total of ${key}`).toBe(expected.totalCents);
      expect(found?.stated, `stated total of ${key}`).toBe(expected.statedTotalCents);
    }
    const lineCount = drafts.reduce((sum, draft) => sum + draft.lines.length, 0);
    expect(lineCount).toBe(company.chargeLineCount);
  });
});
