/**
 * An output never replaces a file the run needs: `payments --out` naming the register beside it,
 * or any command's output naming one of its inputs, is a usage mistake (exit 2) refused with
 * nothing written.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
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

const setup = () =>
  ['sites', 'inventory'].flatMap((name) => [`--${name}`, join(dir, `${name}.csv`)]);

describe('payments --out and its register', () => {
  it('refuses to write the payment file over the register beside it, naming both', async () => {
    const register = join(dir, 'payments-register.csv');
    await writeFile(register, REGISTER);
    const run = await runCliCaptured([
      'payments',
      ...setup(),
      ...['--bills', join(dir, 'bills'), '--from', '2026-01-01', '--to', '2026-12-31'],
      ...['--as-of', '2026-11-20', '--out', register],
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`--out "${register}" is the payments register "${register}"`);
    expect(run.stderr).toMatch(/nothing was written/);
    expect(await readFile(register, 'utf8')).toBe(REGISTER);
  });

  it('refuses the register in another spelling of the same folder', async () => {
    const register = join(dir, 'payments-register.csv');
    await writeFile(register, REGISTER);
    const run = await runCliCaptured([
      'payments',
      ...setup(),
      ...['--bills', join(dir, 'bills'), '--from', '2026-01-01', '--to', '2026-12-31'],
      ...['--out', join(dir, 'bills', '..', 'payments-register.csv')],
    ]);
    expect(run.code).toBe(2);
    expect(await readFile(register, 'utf8')).toBe(REGISTER);
  });
});
