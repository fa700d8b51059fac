/**
 * The CLI reads the carrier layouts of issue 21 from a folder as a user keeps them (AT&T Raw Data
 * Output, Bell ACC/MOB/DTL, TELUS report-style text): each is recognised by its content, each
 * invoice is counted once with its stated total, and the lines add up to it.
 */
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditWorkspace, makeCliWorkspace, outputRows } from '../helpers/cli-workspace';

const FIXTURES = new URL('../fixtures/carriers/', import.meta.url);
/** Fixture → where it sits under `bills/` (names as users save them, not as the layouts say). */
const BILLS: Record<string, string> = {
  'att-raw-data-output.synthetic.txt': 'att/october.txt',
  'bell-acc.synthetic.csv': 'bell/2026-10/account.csv',
  'bell-mob.synthetic.csv': 'bell/2026-10/lines.csv',
  'bell-dtl.synthetic.csv': 'bell/2026-10/calls.csv',
  'telus-invoice-summary.synthetic.txt': 'telus/summary.txt',
  'telus-individual-detail.synthetic.txt': 'telus/per-line.txt',
  'telus-airtime-detail.synthetic.txt': 'telus/calls.txt',
};

let dir = '';
let run: { code: number; stdout: string; stderr: string };

function rows(name: string): Promise<Record<string, string>[]> {
  return outputRows(dir, name);
}

beforeAll(async () => {
  dir = await makeCliWorkspace('temdesk-cli-carriers-');
  // AT&T lines are filed under their BANs, not the FAN the invoice is addressed to.
  await writeFile(
    join(dir, 'inventory.csv'),
    [
      'Site Code,Carrier,Account Number,Service Type,Service ID',
      'STR-1,AT&T Mobility,287000111,mobile,555-010-0001',
      'STR-1,AT&T Mobility,287000999,mobile,555-010-0002',
      '',
    ].join('\n'),
  );
  for (const [fixture, path] of Object.entries(BILLS)) {
    const target = join(dir, 'bills', path);
    await mkdir(join(target, '..'), { recursive: true });
    await copyFile(new URL(fixture, FIXTURES), target);
  }
  // Bell's and TELUS's Canadian dollars read as written (the rate 1: an account billed in US
  // dollars), so the figures are the files' own; cli-canadian-currency.test.ts converts them.
  run = await auditWorkspace(dir, ['--exchange-rate', 'CAD=1']);
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the CLI on AT&T Raw Data Output, Bell ACC/MOB/DTL and TELUS reports', () => {
  it('reads every file without a row error', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('finds one invoice per layout, with the stated total the lines add up to', async () => {
    const invoices = await rows('invoices.csv');
    const pick = (row: Record<string, string>) => [
      row['Carrier'],
      row['Account Number'],
      row['Invoice Number'],
      row['Stated Total'],
      row['Lines Total'],
      row['Difference'],
      row['Source File'],
    ];
    expect(invoices.map(pick)).toEqual([
      ['AT&T Mobility', '00990011', '70010001', '1568.81', '1568.81', '0.00', 'october.txt'],
      [
        'Bell Mobility',
        '512345678',
        '512345678-20261001',
        '202.98',
        '202.98',
        '0.00',
        'account.csv + lines.csv',
      ],
      ['TELUS', '40012345', '900123456789', '71.92', '71.92', '0.00', 'summary.txt + per-line.txt'],
    ]);
  });

  it('writes each line with its service, and no balance, breakdown or total row as a charge', async () => {
    const charges = await rows('charges.csv');
    const descriptions = charges.map((row) => Object.values(row).join('|'));
    expect(
      descriptions.some((text) => /HST-ON|Total Taxes|Previous Balance|Payments/.test(text)),
    ).toBe(false);
    const services = new Set(charges.map((row) => row['Service ID']));
    for (const id of ['5550100001', '4165550101', '6045550111']) expect(services).toContain(id);
  });

  it('matches AT&T lines to the inventory by their BAN, not the FAN the invoice is billed to', async () => {
    const findings = (await rows('findings.csv')).filter(
      (row) => row['Carrier'] === 'AT&T Mobility',
    );
    // 555-010-0001 sits under BAN 287000111, as billed: matched, no finding. 555-010-0002 is
    // billed on BAN 287000222 but filed under 287000999: the wrong-account check names the BAN.
    expect(findings.map((row) => [row['Rule'], row['Service ID'], row['Message']])).toEqual([
      [
        'wrong-account',
        '5550100002',
        '5550100002 belongs to account 287000999 in the inventory but is billed on 287000222: $39.81 on invoice 70010001 (2026-10).',
      ],
    ]);
  });

  it("says the call detail's usage is not imported twice, among the notes of the reading", () => {
    expect(run.stdout).toContain(
      'calls.csv: not imported: its usage is already read from the MOB file of the same invoice',
    );
  });

  it('counts every file and each invoice once in its summary', () => {
    expect(run.stdout).toContain(
      'Read 7 bill files: 3 invoices, 39 charge lines, $1,843.71 billed.',
    );
  });
});
