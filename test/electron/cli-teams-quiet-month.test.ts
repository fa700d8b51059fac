/**
 * A Teams PSTN usage report makes an invoice of each month that had calls: a month inside the
 * report with no call had nothing to bill. Before, the CLI (and the app) reported it as a missing
 * invoice ("No Microsoft Teams invoice for account MS-1 for 2026-09"), a false finding on every
 * quiet month of a pay-as-you-go account. A month between two separate reports is still missing:
 * no report spans it.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { auditWorkspace, makeCliWorkspace, outputRows } from '../helpers/cli-workspace';

const HEADER =
  'UsageId,Call ID,Conference ID,User Location,AAD ObjectId,UPN,User Display Name,Caller ID,Call Type,Number Type,Domestic/International,Destination Dialed,Destination Number,Start Time,End Time,Duration Seconds,Connection Fee,Charge,Currency,Capability';

/** One outbound call of Jane's on `day` (YYYY-MM-DD), numbered `n`. */
function call(n: number, day: string): string {
  const id = String(n).padStart(4, '0');
  return `6f1c2a10-0000-4000-8000-00000000${id},2b7e0c4a-${id},,US,5d0e9a11-0000-4000-9000-00000000000a,jane.doe@contoso.example,"Doe, Jane",+15555550101,user_out,user,Domestic,United States,+15555559876,${day}T14:02:11Z,${day}T14:09:41Z,450,0,0.135,USD,DOMESTIC_CALLING_PLAN`;
}

let dir = '';
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function missingMonths(files: Record<string, string[]>): Promise<string[]> {
  dir = await makeCliWorkspace('temdesk-cli-teams-quiet-');
  await writeFile(
    join(dir, 'inventory.csv'),
    'Site Code,Carrier,Account Number,Service Type,Service ID,User\nSTR-1,Microsoft Teams,MS-1,ucaas-seat,jane.doe@contoso.example,Jane Doe\n',
  );
  let n = 0;
  for (const [name, days] of Object.entries(files)) {
    const rows = days.map((day) => call((n += 1), day));
    await writeFile(join(dir, 'bills', name), `${[HEADER, ...rows].join('\r\n')}\r\n`);
  }
  const run = await auditWorkspace(dir, ['--account-number', 'MS-1']);
  expect(run.code).toBe(0);
  return (await outputRows(dir, 'findings.csv'))
    .filter((row) => row['Rule'] === 'missing-invoice')
    .map((row) => row['Period'] ?? '');
}

describe('missing-invoice on a Teams PSTN usage account', () => {
  it('a month with no call inside one report is not missing', async () => {
    expect(
      await missingMonths({ 'PSTN usage.csv': ['2026-07-03', '2026-08-04', '2026-10-05'] }),
    ).toEqual([]);
  });

  it('a month between two separate reports is missing: neither spans it', async () => {
    expect(
      await missingMonths({
        'PSTN usage July-August.csv': ['2026-07-03', '2026-08-04'],
        'PSTN usage October.csv': ['2026-10-05'],
      }),
    ).toEqual(['2026-09']);
  });
});
