/**
 * A Verizon line summary of one invoice downloaded twice in two spellings (the Raw Data Download
 * and the "My Business" export, or a month whose headers drifted): a copy, never joined as a part.
 */
import { describe, expect, it } from 'vitest';
import { fixtureFile, readDraft, totalOf } from '../fixtures';

const SUMMARY = 'verizon-wireless-summary.txt';

/** The line summary re-spelt: headers in sentence case, numbers dashed, amounts with `$`. */
function respelt(name: string) {
  const text = new TextDecoder().decode(fixtureFile(SUMMARY).bytes);
  const [header = '', ...rows] = text.split('\r\n');
  const sentence = header
    .split('\t')
    .map((cell) => cell.charAt(0) + cell.slice(1).toLowerCase())
    .join('\t');
  const data = rows.map((row) =>
    row
      .replace(/\t(\d{3})(\d{3})(\d{4})\t/, '\t$1-$2-$3\t')
      .replace(/\t(-?)(\d+\.\d\d)(?=\t)/g, '\t$1$$$2'),
  );
  return { name, bytes: new TextEncoder().encode([sentence, ...data].join('\r\n')) };
}

describe('a Verizon line summary read twice in two spellings', () => {
  it('is a copy: the invoice counted once, at its stated total', () => {
    const copy = respelt('My Business/Account & Wireless Summary.txt');
    const draft = readDraft([
      fixtureFile('verizon-account-summary.txt'),
      fixtureFile(SUMMARY),
      copy,
    ]);
    expect(totalOf(draft.lines)).toBe(14526);
    expect(draft.copies?.map((c) => c.sourceFile)).toEqual([copy.name]);
    expect(draft.lines.filter((line) => line.category === 'late-fee')).toHaveLength(1);
  });
});
