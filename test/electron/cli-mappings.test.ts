/**
 * `--mappings`: a bill file only a saved column mapping can read is refused without it and read
 * with it (the file exported from Settings); a mappings file that does not check out is refused
 * with a sentence. And `--workspace` makes the organisation files optional.
 */
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseArgs } from '../../electron/cli/args';
import { lumenExportMapping, LUMEN_EXPORT_HEADER } from '../helpers/mapped-bill';
import { mappingsFileText } from '../../shared/import/mappings-file';
import { auditWorkspace, makeCliWorkspace } from '../helpers/cli-workspace';

let dir = '';
afterEach(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
  dir = '';
});

const HEADER = LUMEN_EXPORT_HEADER;
const MAPPING = lumenExportMapping();

async function writeMappedBill(): Promise<void> {
  await writeFile(
    join(dir, 'bills', 'lumen-export.csv'),
    [HEADER.join(','), '5-KE4X-001,LX-1001,05/10/2026,555-010-0001,Mobile plan,45.10'].join('\n'),
  );
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

describe('--mappings', () => {
  it('a mapping for exactly the file’s columns that cannot read it: its own reason, not "not in a layout"', async () => {
    dir = await makeCliWorkspace('temdesk-cli-mappings-');
    await writeMappedBill();
    const file = join(dir, 'mappings.json');
    // The charge column taken as the invoice total: no column holds the amount.
    const columns = { ...MAPPING.columns, Charge: 'invoiceTotal' as const };
    const noAmount = lumenExportMapping({ columns, carrierName: ' ' });
    await writeFile(file, mappingsFileText([noAmount], new Date('2026-11-20T09:00:00Z')));
    const run = await auditWorkspace(dir, ['--mappings', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `Error: The bill file "lumen-export.csv": the column mapping from the --mappings file "${file}" for its columns cannot read it: Choose the column that holds the amount. Choose the carrier column, or type the carrier name.`,
    );
    expect(run.stderr).not.toContain('is not in a layout TEM Desk recognises');
    expect(await exists(join(dir, 'out', 'invoices.csv'))).toBe(false);
  });

  it('reads a bill only a saved mapping reads; without the mapping the file is refused', async () => {
    dir = await makeCliWorkspace('temdesk-cli-mappings-');
    await writeMappedBill();
    const without = await auditWorkspace(dir);
    expect(without.code).toBe(1);
    expect(without.stderr).toContain(
      'The bill file "lumen-export.csv" is not in a layout TEM Desk recognises (columns: Acct Ref, Bill No, Bill Dt, Line, Item, Charge)',
    );
    expect(await exists(join(dir, 'out', 'invoices.csv'))).toBe(false);

    const file = join(dir, 'mappings.json');
    await writeFile(file, mappingsFileText([MAPPING], new Date('2026-11-20T09:00:00Z')));
    const withMapping = await auditWorkspace(dir, ['--mappings', file]);
    expect(withMapping.stderr).toBe('');
    expect(withMapping.code).toBe(0);
    const invoices = await readFile(join(dir, 'out', 'invoices.csv'), 'utf8');
    // Day first, as the mapping says: 5 October 2026.
    expect(invoices).toContain('Lumen,5-KE4X-001,LX-1001,2026-10-05,');
    const charges = await readFile(join(dir, 'out', 'charges.csv'), 'utf8');
    expect(charges).toContain(
      'LX-1001,2026-10-05,555-010-0001,Mobile plan,Recurring,,45.10,,,lumen-export.csv,2',
    );
  });

  it.each([
    [
      'a newer version',
      (text: string) => text.replace('"version": 1', '"version": 2'),
      'was written by a newer TEM Desk (column mappings version 2; this one reads up to 1)',
    ],
    [
      'another kind of file',
      () => '{"tables": []}',
      'is not a TEM Desk column mappings file (it has no "format": "temdesk-column-mappings" with a version)',
    ],
    [
      'not JSON',
      () => 'Acct Ref;Bill No',
      'is not a TEM Desk column mappings file: it is not JSON.',
    ],
    [
      'a field mapped to nothing TEM Desk knows',
      (text: string) => text.replace('"serviceId"', '"circuit"'),
      'mapping 1 (Lumen), field "columns.Line" must be one of',
    ],
    [
      'two mappings for one header',
      (text: string) => {
        const json = JSON.parse(text) as { mappings: unknown[] };
        return JSON.stringify({ ...json, mappings: [...json.mappings, ...json.mappings] });
      },
      'mappings 1 and 2 are both for the same columns (Lumen); keep one.',
    ],
  ])('refuses a mappings file with %s, with a sentence', async (_what, change, message) => {
    dir = await makeCliWorkspace('temdesk-cli-mappings-');
    await writeMappedBill();
    const file = join(dir, 'mappings.json');
    await writeFile(file, change(mappingsFileText([MAPPING], new Date('2026-11-20T09:00:00Z'))));
    const result = await auditWorkspace(dir, ['--mappings', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`The --mappings file "${file}"`);
    expect(result.stderr).toContain(message);
    expect(await exists(join(dir, 'out', 'findings.csv'))).toBe(false);
  });
});

describe('--workspace', () => {
  it('makes --sites, --inventory and --contracts optional; without it they are needed', () => {
    const base = ['audit', '--bills', 'bills', '--out', 'out'];
    const parsed = parseArgs([...base, '--workspace', 'month-end.temdesk']);
    expect(parsed.ok && parsed.args.command === 'audit' ? parsed.args.workspace : null).toBe(
      'month-end.temdesk',
    );
    const without = parseArgs(base);
    expect(without.ok ? '' : without.message).toMatch(
      /^"audit" needs --sites, --inventory, --contracts\./,
    );
  });
});
