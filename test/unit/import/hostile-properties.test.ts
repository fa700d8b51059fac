/**
 * Property tests over the bill importers and the unzip: any input gives drafts, questions or
 * clean errors — never a throw — and never a silent loss: every row of a mutated bill is read,
 * skipped with a reason, or reported.
 */
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { expandUpload, isZip } from '../../../shared/import/archive';
import { MAX_AMOUNT_CENTS, MAX_MESSAGE_CHARS } from '../../../shared/import/limits';
import { readBills, type ReadOutcome } from '../../../shared/import/read-bill';
import { readTable, sniffTable } from '../../../shared/import/table';

const RUNS = { numRuns: 200 };

const HEADER =
  'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Category,Amount,Invoice Total';
const ROWS = [
  'Lumen,5-KE4X-001,754240482,2026-10-01,555-010-0001,MRC,850.00,1245.25',
  'Lumen,5-KE4X-001,754240482,2026-10-01,555-010-0002,Usage,"1,250.00",1245.25',
  'Lumen,5-KE4X-001,754240482,2026-10-01,,Tax,($12.00),1245.25',
  'Lumen,5-KE4X-001,754240482,2026-10-01,BBEC.556677..LUMN,Late Fee,-5.25,1245.25',
  'Comcast,88-1,1001,10/05/2026,555-010-0009,Recurring,99.99,99.99',
];
const BILL = `${HEADER}\n${ROWS.join('\n')}\n`;

/** Every sentence an outcome holds. */
function sentences(outcome: ReadOutcome): string[] {
  if (outcome.kind === 'unreadable') return [outcome.message];
  if (outcome.kind === 'draft') return outcome.draft.errors.map((error) => error.message);
  return [];
}

function checkOutcomes(outcomes: readonly ReadOutcome[]): void {
  for (const outcome of outcomes) {
    for (const sentence of sentences(outcome)) {
      expect(sentence.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    }
    if (outcome.kind !== 'draft') continue;
    for (const line of outcome.draft.lines) {
      expect(Number.isSafeInteger(line.amount)).toBe(true);
      expect(Math.abs(line.amount)).toBeLessThanOrEqual(MAX_AMOUNT_CENTS);
    }
  }
}

/** Characters that break CSVs: quotes, line breaks, delimiters, signs, digits, a NUL. */
const NASTY = [
  '"',
  '\r',
  ',',
  '\n',
  '\t',
  '|',
  ';',
  '9',
  '0',
  '.',
  '-',
  '(',
  '$',
  'x',
  ' ',
  '\0',
  'é',
];

const mutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('replace', 'insert', 'delete'),
  char: fc.constantFrom(...NASTY),
});

/** The bill with mutations applied after its header line (the header stays a header). */
function mutate(mutations: readonly { at: number; kind: string; char: string }[]): string {
  let body = BILL.slice(HEADER.length + 1);
  for (const { at, kind, char } of mutations) {
    const i = at % (body.length + 1);
    if (kind === 'insert') body = body.slice(0, i) + char + body.slice(i);
    else if (kind === 'replace') body = body.slice(0, i) + char + body.slice(i + 1);
    else body = body.slice(0, i) + body.slice(i + 1);
  }
  return `${HEADER}\n${body}`;
}

/** The last line of each row that runs over several lines, by its first line. */
function rowSpans(text: string): Map<number, number> {
  const sniff = sniffTable(text);
  if (!sniff.ok) return new Map();
  const table = readTable(text, sniff.value, { strictWidth: true });
  return new Map(table.rows.map((row) => [row.line, row.lastLine ?? row.line]));
}

describe('readBills never throws', () => {
  it('on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        checkOutcomes(readBills([{ name: 'random.csv', bytes }]));
      }),
      RUNS,
    );
  });

  it('on arbitrary text of CSV characters', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...NASTY, 'A', 'Amount', 'Carrier'), {
          maxLength: 400,
        }),
        (parts) => {
          checkOutcomes(readBills([{ name: 'text.csv', bytes: strToU8(parts.join('')) }]));
        },
      ),
      RUNS,
    );
  });
});

describe('a mutated bill loses no row silently', () => {
  it('reads, skips with a reason, or reports every non-blank row', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => {
        const text = mutate(mutations);
        const outcomes = readBills([{ name: 'bill.csv', bytes: strToU8(text) }]);
        checkOutcomes(outcomes);
        const [outcome] = outcomes;
        if (outcomes.length !== 1 || outcome?.kind !== 'draft') return;
        const { draft } = outcome;
        const reported = [
          ...draft.lines.map((line) => line.sourceRow),
          ...draft.skipped.map((row) => row.row),
          ...draft.errors.map((error) => error.row),
        ];
        // A row whose quoted cell holds line breaks is one row: reported by its first line.
        const lastLines = rowSpans(text);
        const accounted = new Set<number>();
        for (const line of reported) {
          for (let at = line; at <= (lastLines.get(line) ?? line); at += 1) accounted.add(at);
        }
        text.split('\n').forEach((line, index) => {
          if (index === 0 || line.replace(/[,\s]/g, '') === '') return;
          expect(accounted, `line ${index + 1}: ${line}`).toContain(index + 1);
        });
      }),
      RUNS,
    );
  });
});

describe('expandUpload never throws and never returns damaged bytes', () => {
  const originals = [strToU8(BILL), strToU8(BILL.replace(/Lumen/g, 'Zayo'))];
  const zip = zipSync({
    'a/bill.csv': originals[0] ?? new Uint8Array(),
    'b.csv': originals[1] ?? new Uint8Array(),
  });

  it('on byte flips anywhere in a ZIP', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ at: fc.nat({ max: zip.length - 1 }), xor: fc.integer({ min: 1, max: 255 }) }),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        (flips) => {
          const damaged = zip.slice();
          for (const { at, xor } of flips) damaged[at] = (damaged[at] ?? 0) ^ xor;
          // A flip in the signature makes it a plain (unreadable) file, not a ZIP.
          if (!isZip(damaged)) return;
          const result = expandUpload({ name: 'bills.zip', bytes: damaged });
          if (!result.ok) {
            expect(result.errors[0]?.message).toMatch(/ZIP|zip/);
            return;
          }
          // Whatever is accepted is byte for byte a file that was zipped (flips in names,
          // comments or unused fields change nothing that is read).
          for (const member of result.value) {
            expect(originals.some((original) => Buffer.from(original).equals(member.bytes))).toBe(
              true,
            );
          }
        },
      ),
      RUNS,
    );
  });

  it('on arbitrary bytes after a ZIP signature', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (tail) => {
        const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...tail]);
        expect(() => expandUpload({ name: 'x.zip', bytes })).not.toThrow();
      }),
      RUNS,
    );
  });
});
