import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { makeCliWorkspace } from '../helpers/cli-workspace';

let dir = '';
afterEach(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
  dir = '';
});

async function chargeback(extra: readonly string[]) {
  let stdout = '';
  let stderr = '';
  const files = ['sites', 'inventory'].flatMap((name) => [`--${name}`, join(dir, `${name}.csv`)]);
  const out = join(dir, 'chargeback.csv');
  const code = await runCli(
    [
      'chargeback',
      ...files,
      ...['--bills', join(dir, 'bills'), '--month', '2026-10', '--out', out],
      ...extra,
    ],
    { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) },
  );
  return { code, stdout, stderr, csv: code === 0 ? await readFile(out, 'utf8') : '' };
}

function writeBill() {
  return writeFile(
    join(dir, 'bills', 'lumen.csv'),
    [
      'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Charge Category,Description,Amount',
      'Lumen,5-KE4X-001,INV-1,2026-10-05,555-010-0001,recurring,Plan,45.00',
    ].join('\n'),
  );
}

describe('the CLI reads a cost centers file', () => {
  it('names the cost centers as the file does; without it they are named by their code', async () => {
    dir = await makeCliWorkspace('temdesk-cli-cc-');
    await writeBill();
    const without = await chargeback([]);
    expect(without.stderr).toBe('');
    expect(without.code).toBe(0);
    expect(without.csv).toContain(',4100,4100,');
    await writeFile(
      join(dir, 'cost-centers.csv'),
      'Cost Center,Name,GL Account,Status\n4100,Retail stores,6400,active\n',
    );
    const withFile = await chargeback(['--cost-centers', join(dir, 'cost-centers.csv')]);
    expect(withFile.stderr).toBe('');
    expect(withFile.csv).toContain(',4100,Retail stores,');
  });

  it('refuses a cost centers file with a bad row, naming row and column, and writes nothing', async () => {
    dir = await makeCliWorkspace('temdesk-cli-cc-');
    await writeBill();
    await writeFile(join(dir, 'cost-centers.csv'), 'Cost Center,Name\n,Nameless\n');
    const result = await chargeback(['--cost-centers', join(dir, 'cost-centers.csv')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/cost centers file .*Row 2, column "Cost Center"/s);
    expect(result.csv).toBe('');
  });

  it('with a cost centers file, refuses a code it lacks (a typo) on its row, and writes nothing', async () => {
    dir = await makeCliWorkspace('temdesk-cli-cc-');
    await writeBill();
    await writeFile(
      join(dir, 'cost-centers.csv'),
      'Cost Center,Name,GL Account,Status\n4200,Head office,6400,active\n',
    );
    const result = await chargeback(['--cost-centers', join(dir, 'cost-centers.csv')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/sites file .*Row \d+, column "Cost Center".*4100/s);
    expect(result.csv).toBe('');
  });
});
