/**
 * The CLI on a Teams PSTN usage report charged in euros: it stops, naming the currency and the
 * option that gives its rate; a rate that is no positive number is refused naming the option; with
 * `--exchange-rate EUR=1.0842` every amount is converted, never read as dollars.
 */
import { copyFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditWorkspace,
  makeCliWorkspace,
  outputRows,
  runCliCaptured,
} from '../helpers/cli-workspace';

let dir = '';

beforeAll(async () => {
  dir = await makeCliWorkspace('temdesk-cli-teams-eur-');
  // 0.1725 EUR in October (× 1.0842 = $0.1870245 → $0.19), 12.25 EUR in November ($13.28145 → $13.28).
  await copyFile(
    new URL('../fixtures/carriers/teams-pstn-usage-eur.synthetic.csv', import.meta.url),
    join(dir, 'bills', 'PSTN usage EUR.csv'),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the CLI on a Teams PSTN usage report in euros', () => {
  it('stops, naming the currency and the option that gives its rate', async () => {
    const run = await auditWorkspace(dir, ['--account-number', 'MS-1']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'The bill file "PSTN usage EUR.csv" does not say its exchange rate to US dollars. The calls in this report are charged in EUR, and TEM Desk keeps every amount in US dollars',
    );
    expect(run.stderr).toContain('Run again with --exchange-rate EUR=RATE (US dollars per 1 EUR)');
  });

  it.each([
    ['EUR=0', 'The exchange rate (US dollars per 1 EUR) cannot be 0'],
    ['EUR=-1.08', '"-1.08" is a rate below zero'],
    ['EUR=abc', '"abc" is not a number'],
    ['EUR=', 'Give the exchange rate (US dollars per 1 EUR)'],
    [
      '1.0842',
      '--exchange-rate must name the currency and its rate in US dollars, like EUR=1.0842',
    ],
  ])('refuses --exchange-rate %s, naming the field', async (value, words) => {
    const run = await auditWorkspace(dir, ['--account-number', 'MS-1', '--exchange-rate', value]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(words);
  });

  it('with --exchange-rate EUR=1.0842, converts every amount to dollars', async () => {
    const run = await auditWorkspace(dir, [
      '--account-number',
      'MS-1',
      '--exchange-rate',
      'EUR=1.0842',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Read 1 bill file: 2 invoices, 2 charge lines, $13.47 billed.');
    const invoices = await outputRows(dir, 'invoices.csv');
    expect(invoices.map((row) => [row['Invoice Number'], row['Lines Total']])).toEqual([
      ['MS-1-20261031', '0.19'],
      ['MS-1-20261130', '13.28'],
    ]);
  });

  it('says in its help how to give the rate', async () => {
    const { stdout } = await runCliCaptured(['--help']);
    expect(stdout).toContain('--exchange-rate <c=r>');
    expect(stdout).toContain('(a Teams PSTN usage report in euros: EUR=1.0842; Bell,');
  });
});
