import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BillDraft } from '../../../shared/import/draft';
import { readEdiBills } from '../../../shared/import/edi/read-edi';
import type { ScanOptions } from '../../../shared/import/edi/x12-segments';
import { scanX12 } from '../../../shared/import/edi/x12-segments';
import { DEFAULT_IMPORT_LIMITS, importLimits } from '../../../shared/import/limits';
import { readBills } from '../../../shared/import/read-bill';
import { isoMonth } from '../../../shared/dates';
import { generateSampleCompany } from '../../../shared/sample';
import { draftAsX12 } from '../../fixtures/generate/edi-811';
import type { Segment } from '../../helpers/x12';
import { interchange, lumenInvoice, x12File, x12Text } from '../../helpers/x12';
import { readDraft } from './fixtures';

/** Scans text to its end, keeping nothing: how the scan ended. */
function scanAll(text: string, options: ScanOptions) {
  return scanX12(text, options, () => undefined);
}
describe('EDI X12 811: refusals and limits', () => {
  it.each([
    [
      'an 810 invoice',
      interchange([lumenInvoice()]).map((s): Segment =>
        s[0] === 'ST' ? ['ST', '810', '0001'] : s,
      ),
      'is an EDI X12 810 (Invoice) file, not a telecom invoice',
    ],
    [
      'an ISA cut short',
      [['ISA', '00', '', '00']],
      'The EDI interchange header (ISA) is damaged: it should have 16 elements separated by "*", but element',
    ],
    ['no transaction', interchange([]), 'is an EDI file with no transaction (ST … SE) in it'],
  ])('%s is refused with a sentence', (_label, segments, expected) => {
    const [outcome] = readBills([x12File('x.edi', segments)]);
    expect(outcome?.kind).toBe('unreadable');
    if (outcome?.kind === 'unreadable') expect(outcome.message).toContain(expected);
  });

  it('a terminator that is a letter is refused; a segment or a segment count past the limits too', () => {
    const text = x12Text(interchange([lumenInvoice()]));
    const letter = text.replace('*>~', '*>A');
    expect(scanAll(letter, { maxSegmentChars: 1000, maxElements: 100 })).toMatchObject({
      ok: false,
      message: expect.stringContaining('the segment terminator after ISA16 is "A"'),
    });
    expect(
      scanAll(text, { maxSegmentChars: 1000, maxElements: 100, maxSegments: 10 }),
    ).toMatchObject({ ok: false, message: expect.stringContaining('more than 10 segments') });
    expect(scanAll(text, { maxSegmentChars: 1000, maxElements: 5 })).toMatchObject({
      ok: false,
      message:
        'Segment 1 of the EDI file has 16 elements, over the limit of 5: the file is damaged.',
    });
    const long = readEdiBills([{ name: 'long.edi', text }], importLimits({ maxLineChars: 60 }));
    expect(long.draft).toBeNull();
    expect(long.refused[0]?.message).toMatch(
      /^"long.edi": Segment 1 of the EDI file is \d+ characters long, over the limit of 60/,
    );
  });

  it('never throws on damaged EDI: a draft or a refusal, every time', () => {
    const text = x12Text(interchange([lumenInvoice(), lumenInvoice({ invoice: 'LUM-2' })]));
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.nat(text.length - 1),
            fc.constantFrom('', '*', '~', 'x', '\n', 'ISA', '-', '.', '>'),
          ),
          { minLength: 1, maxLength: 8 },
        ),
        fc.nat(text.length),
        (edits, cutAt) => {
          let mutated = text.slice(0, Math.max(4, cutAt));
          for (const [at, insert] of edits)
            mutated = `${mutated.slice(0, at)}${insert}${mutated.slice(at + 1)}`;
          const read = readEdiBills([{ name: 'm.edi', text: mutated }], DEFAULT_IMPORT_LIMITS);
          expect(read.readFiles.length + read.refused.length).toBe(1);
          for (const line of read.draft?.lines ?? [])
            expect(Number.isSafeInteger(line.amount)).toBe(true);
        },
      ),
      { numRuns: 200, seed: 811 },
    );
  });
});

describe("EDI X12 811: the sample company's wireline bills written as 811", () => {
  it('read to the same invoices and charges as the charge-line CSV they were written from', () => {
    const company = generateSampleCompany({ months: 6, scale: 0.3, endMonth: isoMonth(2026, 10) });
    const lumen = company.files.filter((file) => file.carrier === 'lumen');
    expect(lumen.length).toBeGreaterThanOrEqual(6);
    let lines = 0;
    let mismatches = 0;
    for (const file of lumen) {
      const csv = readDraft([{ name: file.name, bytes: file.bytes }]);
      const name = file.name.replace(/\.csv$/, '.811');
      const edi = readDraft([{ name, bytes: new TextEncoder().encode(draftAsX12(csv)) }]);
      expect(edi.errors, name).toEqual([]);
      const facts = (draft: BillDraft) =>
        draft.invoices.map((invoice) => ({ ...invoice, sourceFile: '', parts: [] }));
      expect(facts(edi)).toEqual(facts(csv));
      const charges = (draft: BillDraft) =>
        draft.lines.map((line) => [
          line.invoiceKey,
          line.serviceKey,
          line.category,
          line.amount,
          line.category === 'tax' ? 'Tax' : line.description,
        ]);
      expect(charges(edi)).toEqual(charges(csv));
      // The planted stated totals that do not add up are warned about the same way.
      const warned = (draft: BillDraft) => (draft.warnings ?? []).map((w) => w.message);
      expect(warned(edi)).toEqual(warned(csv));
      mismatches += warned(edi).length;
      lines += edi.lines.length;
    }
    expect(lines).toBeGreaterThan(300);
    expect(mismatches).toBeGreaterThan(0);
  });
});
