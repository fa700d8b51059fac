import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { DraftBuilder } from '../../../shared/import/draft-builder';
import { packDraftLines } from '../../../shared/import/packed-lines';
import type { ReadOutcome } from '../../../shared/import/read-bill';
import type { UploadedFile } from '../../../shared/import/archive';
import { chargeLineCsv } from '../../fixtures/generate/charge-line-csv';
import { generateSampleCompany } from '../../fixtures/generate/sample-company';
import { referenceDraftBuilderModule, referenceServiceKey } from '../../helpers/reference-read';

const READ_BILL = '../../../shared/import/read-bill';
const DRAFT_BUILDER = '../../../shared/import/draft-builder';

/** `files` read by the reader as it is and by the reader with the reference parts. */
async function readBothWays(
  files: readonly UploadedFile[],
): Promise<{ current: ReadOutcome[]; reference: ReadOutcome[] }> {
  vi.resetModules();
  const current = (await import(READ_BILL)).readBills(files) as ReadOutcome[];
  vi.resetModules();
  vi.doMock(DRAFT_BUILDER, async (importOriginal) =>
    referenceDraftBuilderModule(await importOriginal()),
  );
  const reference = (await import(READ_BILL)).readBills(files) as ReadOutcome[];
  return { current, reference };
}

/** Each draft's lines packed for the page, as the worker hands them over. */
function packed(outcomes: readonly ReadOutcome[]) {
  return outcomes.flatMap((o) => (o.kind === 'draft' ? [packDraftLines(o.draft.lines)] : []));
}

afterEach(() => {
  vi.doUnmock(DRAFT_BUILDER);
  vi.resetModules();
});

describe('the import reader against its reference (issue 20, round 2)', () => {
  it('keys every service identifier as before', () => {
    const digit = fc.constantFrom(...'0123456789');
    const char = fc.constantFrom(...'0123456789 -().+*#xX/١٢٣０１Aa');
    const raw = fc.oneof(
      fc.string({ unit: digit, minLength: 9, maxLength: 11 }),
      fc.string({ unit: char, maxLength: 14 }),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(raw, { maxLength: 20 }), (raws) => {
        const draft = new DraftBuilder();
        for (const text of raws) expect(draft.serviceKey(text)).toBe(referenceServiceKey(text));
      }),
    );
  });

  it('keys ten-digit identifiers as before once mostly new and while mostly met again', () => {
    const tenDigits = (n: number) => String(5550000000 + n);
    const mostlyNew = new DraftBuilder();
    const mostlyAgain = new DraftBuilder();
    for (let i = 0; i < 12_000; i++) {
      // Interleaved with other identifiers, so no line repeats the one before it.
      const again = i % 5 === 0 ? tenDigits(i % 7) : 'N/A';
      for (const raw of [
        tenDigits(i),
        tenDigits(20_000 + i),
        again,
        `(555) 000-${1000 + (i % 50)}`,
      ]) {
        expect(mostlyNew.serviceKey(raw)).toBe(referenceServiceKey(raw));
      }
      for (const raw of [tenDigits(i % 300), tenDigits((i * 7) % 300), '']) {
        expect(mostlyAgain.serviceKey(raw)).toBe(referenceServiceKey(raw));
      }
    }
  });

  it('reads the import benchmark’s charge-line CSV shape to the same drafts and packed lines', async () => {
    const bytes = new TextEncoder().encode(chargeLineCsv(10_000, 10));
    const { current, reference } = await readBothWays([{ name: 'lumen-10k.csv', bytes }]);
    expect(current.map((o) => o.kind)).toEqual(['draft']);
    expect(current).toEqual(reference);
    expect(packed(current)).toEqual(packed(reference));
  });

  it('reads the sample company (every layout) to the same drafts and packed lines', async () => {
    const company = generateSampleCompany({ months: 6, scale: 0.1 });
    const files = company.files.map((f) => ({ name: f.name, bytes: f.bytes }));
    const { current, reference } = await readBothWays(files);
    expect(current.filter((o) => o.kind === 'draft').length).toBeGreaterThan(3);
    expect(current).toEqual(reference);
    expect(packed(current)).toEqual(packed(reference));
  });
});
