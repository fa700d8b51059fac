/**
 * An output never replaces a file the run needs: `payments --out` naming the register beside it,
 * or any command's output naming one of its inputs (by its path, another spelling of it or a link
 * to it), is a usage mistake (exit 2) refused with nothing written.
 */
import { copyFile, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCliWorkspace, runCliCaptured } from '../helpers/cli-workspace';

const BILL = [
  'Carrier,Account Number,Invoice Number,Invoice Date,Due Date,Service ID,Category,Amount',
  'Lumen,5-KE4X-001,754240482,2026-10-01,2026-10-31,555-010-0001,MRC,850.00',
].join('\n');

const REGISTER =
  '\uFEFFCarrier,Account,Invoice number,Batch,Exported at\r\nLumen,5-KE4X-009,111,PAY-20261001-0900,2026-10-01T09:00:00.000Z\r\n';

let dir = '';

beforeEach(async () => {
  dir = await makeCliWorkspace('temdesk-cli-out-');
  await writeFile(join(dir, 'bills', 'bill.csv'), `${BILL}\n`);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs `command` on the workspace's sites, inventory and bills, with `extra` arguments. */
function run(command: 'audit' | 'chargeback' | 'payments', extra: readonly string[]) {
  const options = {
    audit: ['--contracts', join(dir, 'contracts.csv'), '--as-of', '2026-11-20'],
    chargeback: ['--month', '2026-10'],
    payments: ['--from', '2026-01-01', '--to', '2026-12-31', '--as-of', '2026-11-20'],
  }[command];
  return runCliCaptured([
    command,
    ...['--sites', join(dir, 'sites.csv'), '--inventory', join(dir, 'inventory.csv')],
    ...['--bills', join(dir, 'bills'), ...options, ...extra],
  ]);
}

describe('payments --out and its register', () => {
  it('refuses to write the payment file over the register beside it, naming both', async () => {
    const register = join(dir, 'payments-register.csv');
    await writeFile(register, REGISTER);
    const refused = await run('payments', ['--out', register]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain(`--out "${register}" is the payments register "${register}"`);
    expect(refused.stderr).toMatch(/nothing was written/);
    expect(await readFile(register, 'utf8')).toBe(REGISTER);
  });

  it('refuses the register in another spelling of the same folder', async () => {
    const register = join(dir, 'payments-register.csv');
    await writeFile(register, REGISTER);
    const other = join(dir, 'bills', '..', 'payments-register.csv');
    expect((await run('payments', ['--out', other])).code).toBe(2);
    expect(await readFile(register, 'utf8')).toBe(REGISTER);
  });
});

describe('an output that is an input', () => {
  it('chargeback: --out naming the --sites file is refused, the sites kept', async () => {
    const sites = join(dir, 'sites.csv');
    const before = await readFile(sites, 'utf8');
    const refused = await run('chargeback', ['--out', sites]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`The output "${sites}" is the --sites file`);
    expect(refused.stderr).toMatch(/nothing was written/);
    expect(await readFile(sites, 'utf8')).toBe(before);
  });

  it('payments: --out naming a bill found under the --bills folder is refused', async () => {
    const bill = join(dir, 'bills', 'bill.csv');
    const refused = await run('payments', ['--out', bill]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`The output "${bill}" is a bill file of --bills`);
    expect(await readFile(bill, 'utf8')).toBe(`${BILL}\n`);
  });

  it('audit: an --out folder where one of its files would be an input is refused', async () => {
    // The inventory kept in the results folder under the name of the audit's invoices file.
    await mkdir(join(dir, 'out'));
    const inventory = join(dir, 'out', 'invoices.csv');
    await copyFile(join(dir, 'inventory.csv'), inventory);
    const before = await readFile(inventory, 'utf8');
    const refused = await runCliCaptured([
      'audit',
      ...['--sites', join(dir, 'sites.csv'), '--inventory', inventory],
      ...['--contracts', join(dir, 'contracts.csv'), '--bills', join(dir, 'bills')],
      ...['--as-of', '2026-11-20', '--out', join(dir, 'out')],
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`The output "${inventory}" is the --inventory file`);
    expect(await readFile(inventory, 'utf8')).toBe(before);
  });

  it('chargeback: --out naming the file an input links to is refused', async () => {
    const sites = join(dir, 'sites.csv');
    const link = join(dir, 'sites-link.csv');
    await symlink(sites, link);
    const before = await readFile(sites, 'utf8');
    const refused = await runCliCaptured([
      'chargeback',
      ...['--sites', link, '--inventory', join(dir, 'inventory.csv')],
      ...['--bills', join(dir, 'bills'), '--month', '2026-10', '--out', sites],
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`is the --sites file ("${link}")`);
    expect(await readFile(sites, 'utf8')).toBe(before);
  });
});
