/**
 * The CLI on Canadian carriers' bills (Bell Mobility, TELUS: Canadian dollars written with a bare
 * "$"): without a rate the run stops, naming the currency and the option; with `--exchange-rate
 * CAD=0.7312` every amount is converted, each invoice's lines still adding up to its stated total
 * (both converted); one option gives a run's several currencies (`CAD=…,EUR=…`).
 */
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditWorkspace, makeCliWorkspace, outputRows } from '../helpers/cli-workspace';

const FIXTURES = new URL('../fixtures/carriers/', import.meta.url);
const BILLS: Record<string, string> = {
  'bell-acc.synthetic.csv': 'bell/account.csv',
  'bell-mob.synthetic.csv': 'bell/lines.csv',
  'telus-invoice-summary.synthetic.txt': 'telus/summary.txt',
  'telus-individual-detail.synthetic.txt': 'telus/per-line.txt',
};

let dir = '';

beforeAll(async () => {
  dir = await makeCliWorkspace('temdesk-cli-cad-');
  for (const [fixture, path] of Object.entries(BILLS)) {
    const target = join(dir, 'bills', path);
    await mkdir(join(target, '..'), { recursive: true });
    await copyFile(new URL(fixture, FIXTURES), target);
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const pick = (row: Record<string, string>) => [
  row['Carrier'],
  row['Stated Total'],
  row['Lines Total'],
  row['Difference'],
];

describe('the CLI on bills in Canadian dollars', () => {
  it('stops without a rate, naming the currency, the option and how an account in US dollars answers', async () => {
    const run = await auditWorkspace(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('does not say its exchange rate to US dollars.');
    expect(run.stderr).toContain('bills in Canadian dollars, written with a bare "$"');
    expect(run.stderr).toContain('give 1: the amounts are kept as written');
    expect(run.stderr).toContain('Run again with --exchange-rate CAD=RATE (US dollars per 1 CAD)');
  });

  it('with --exchange-rate CAD=0.7312, converts every amount: lines and stated total still agree', async () => {
    const run = await auditWorkspace(dir, ['--exchange-rate', 'CAD=0.7312']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // $202.98 CAD → $148.42 (148.418976), $71.92 CAD → $52.59 (52.587904).
    expect((await outputRows(dir, 'invoices.csv')).map(pick)).toEqual([
      ['Bell Mobility', '148.42', '148.42', '0.00'],
      ['TELUS', '52.59', '52.59', '0.00'],
    ]);
    expect(run.stdout).toContain('2 invoices');
    expect(run.stdout).toContain('$201.01 billed.');
  });

  it('with CAD=1 (an account billed in US dollars), keeps the amounts as written', async () => {
    const run = await auditWorkspace(dir, ['--exchange-rate', 'CAD=1']);
    expect(run.code).toBe(0);
    expect((await outputRows(dir, 'invoices.csv')).map(pick)).toEqual([
      ['Bell Mobility', '202.98', '202.98', '0.00'],
      ['TELUS', '71.92', '71.92', '0.00'],
    ]);
  });

  it('takes several currencies in one option, and refuses one given twice', async () => {
    const teams = join(dir, 'bills', 'teams', 'PSTN usage EUR.csv');
    await mkdir(join(teams, '..'), { recursive: true });
    await copyFile(new URL('teams-pstn-usage-eur.synthetic.csv', FIXTURES), teams);
    const run = await auditWorkspace(dir, [
      '--account-number',
      'MS-1',
      '--exchange-rate',
      'CAD=0.7312,EUR=1.0842',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // 0.1725 EUR → $0.19 and 12.25 EUR → $13.28 at 1.0842, beside the Canadian bills.
    expect((await outputRows(dir, 'invoices.csv')).map((row) => row['Lines Total'])).toEqual(
      expect.arrayContaining(['148.42', '52.59', '0.19', '13.28']),
    );
    const twice = await auditWorkspace(dir, ['--exchange-rate', 'CAD=0.73,cad=0.74']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('--exchange-rate gives the rate of CAD twice');
    // A comma inside a rate is the rate's, refused as one, never read as a second currency.
    const comma = await auditWorkspace(dir, ['--exchange-rate', 'CAD=0,7312']);
    expect(comma.code).toBe(2);
    expect(comma.stderr).toContain('"0,7312" is written with a comma');
    await rm(join(dir, 'bills', 'teams'), { recursive: true, force: true });
  });
});
