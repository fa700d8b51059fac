/**
 * A usage-only file read without its bill (AT&T usage detail or pooling report, Verizon's usage
 * or charges detail, Rogers usage archives) is refused as before, and marked as usage without its
 * bill: nothing in it is billed, and nothing is wrong with it. The app names it as not imported;
 * the CLI says it among its notes and goes on (test/electron/cli-files-not-imported.test.ts). A
 * file refused for a fault of its own is never so marked.
 */
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readBills } from '../../../../shared/import/read-bill';
import { carrierFile } from './carrier-fixtures';

const rogers = (name: string) =>
  new Uint8Array(
    readFileSync(new URL(`../../../fixtures/carriers/rogers/${name}`, import.meta.url)),
  );

describe('a usage-only file without its bill', () => {
  it.each([
    'att-usage-detail.synthetic.csv',
    'att-pooling.synthetic.csv',
    'verizon-usage-detail.synthetic.txt',
    'verizon-charges-detail-usage.synthetic.txt',
  ])('%s is refused as usage without its bill, naming the bill', (fixture) => {
    const outcomes = readBills([carrierFile(fixture)]);
    expect(outcomes).toEqual([
      expect.objectContaining({
        kind: 'unreadable',
        message: expect.stringMatching(/usage only/),
        usageWithoutBill: true,
      }),
    ]);
  });

  it('Rogers usage archives too; an ALL_CALLS file without its Header is a fault, not marked', () => {
    const archive = {
      name: 'voice.zip',
      bytes: zipSync({
        'Header-Voice.txt': rogers('Header-Voice.txt'),
        'ALL_CALLS-Voice.txt': rogers('ALL_CALLS-Voice.txt'),
      }),
    };
    expect(readBills([archive])).toEqual([
      expect.objectContaining({ kind: 'unreadable', usageWithoutBill: true }),
    ]);
    const [headerless] = readBills([
      { name: 'ALL_CALLS-Voice.txt', bytes: rogers('ALL_CALLS-Voice.txt') },
    ]);
    expect(headerless).toMatchObject({ kind: 'unreadable' });
    expect(headerless).not.toHaveProperty('usageWithoutBill');
  });
});
