/**
 * A Verizon line summary (Account & Wireless Summary) that arrives in two files for one invoice:
 * other lines make the second file a part of the invoice, joined; the same lines make it a copy.
 */
import { describe, expect, it } from 'vitest';
import { fixtureFile, readDraft, totalOf } from '../fixtures';

const SUMMARY = 'verizon-wireless-summary.txt';

/** The line summary cut after `rows` data rows: the first part, and the rest under the header. */
function splitSummary(rows: number) {
  const text = new TextDecoder().decode(fixtureFile(SUMMARY).bytes);
  const [header = '', ...data] = text.split('\r\n').filter((line) => line !== '');
  const file = (name: string, lines: string[]) => ({
    name,
    bytes: new TextEncoder().encode([header, ...lines].join('\r\n') + '\r\n'),
  });
  return [
    file('2021-08 a/Account & Wireless Summary.txt', data.slice(0, rows)),
    file('2021-08 b/Account & Wireless Summary.txt', data.slice(rows)),
  ] as const;
}

describe('a Verizon line summary in two files', () => {
  const whole = readDraft([fixtureFile('verizon-account-summary.txt'), fixtureFile(SUMMARY)]);

  it('with other lines in each is one invoice joined from both, adding up to its stated total', () => {
    const draft = readDraft([fixtureFile('verizon-account-summary.txt'), ...splitSummary(2)]);
    expect(draft.copies ?? []).toEqual([]);
    expect(draft.invoices).toHaveLength(1);
    expect(draft.lines).toHaveLength(whole.lines.length);
    expect(totalOf(draft.lines)).toBe(14526);
    expect(draft.invoices[0]?.statedTotal).toBe(14526);
    // The late fee is carved out of the account-level row once, as from one file.
    expect(draft.lines.filter((line) => line.category === 'late-fee')).toHaveLength(1);
    expect(draft.usage).toHaveLength(whole.usage.length);
    expect(draft.skipped).toEqual([]);
  });

  it('with the same lines is a copy: counted once, its rows named', () => {
    const [first] = splitSummary(3);
    const copy = { ...fixtureFile(SUMMARY), name: '2021-08 c/Account & Wireless Summary.txt' };
    const draft = readDraft([fixtureFile('verizon-account-summary.txt'), first, copy]);
    expect(draft.copies?.map((c) => c.sourceFile)).toEqual([copy.name]);
    expect(totalOf(draft.lines)).toBe(14526);
    expect(draft.lines.filter((line) => line.category === 'late-fee')).toHaveLength(1);
    expect(draft.skipped.filter((row) => row.sourceFile === copy.name)).toHaveLength(3);
  });

  it('with the same lines is a copy before the late fee is placed: a fee the lines hold is not added', () => {
    // No account-level row, and a stated total the line rows already make: the fee is in them.
    const [, lines] = splitSummary(1);
    const account = fixtureFile('verizon-account-summary.txt');
    const text = new TextDecoder()
      .decode(account.bytes)
      .replace('\t145.26\t145.26\t', '\t137.76\t137.76\t');
    const stated = { ...account, bytes: new TextEncoder().encode(text) };
    const copy = { ...lines, name: '2021-08 c/Account & Wireless Summary.txt' };
    const draft = readDraft([stated, lines, copy]);
    expect(draft.copies?.map((c) => c.sourceFile)).toEqual([copy.name]);
    expect(totalOf(draft.lines)).toBe(13776);
    expect(draft.lines.filter((line) => line.category === 'late-fee')).toEqual([]);
  });
});
