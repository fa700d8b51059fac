/**
 * The CLI reads EDI X12 811 bills like any other bill file: `.811`, `.edi` and `.x12` files given
 * one by one or found in a folder, recognised by their content. The stated total is kept as sent,
 * so an 811 whose TDS differs from its lines is an invoice-math finding.
 */
import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { readTable, sniffTable } from '../../shared/import/table';
import { auditWorkspace, makeCliWorkspace } from '../helpers/cli-workspace';
import { interchange, lumenInvoice, x12Text } from '../helpers/x12';

const fixture = (name: string) => new URL(`../fixtures/edi/${name}`, import.meta.url);

let dir = '';

beforeEach(async () => {
  dir = await makeCliWorkspace('temdesk-cli-edi-');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function rows(name: string): Promise<string[][]> {
  const text = (await readFile(join(dir, 'out', name), 'utf8')).replace(/^\uFEFF/, '');
  const sniff = sniffTable(text);
  if (!sniff.ok) throw new Error(name);
  return [
    readTable(text, sniff.value).header,
    ...readTable(text, sniff.value).rows.map((row) => row.cells),
  ];
}

describe('CLI: EDI X12 811 bills', () => {
  it('reads a folder holding .811 files: stated totals kept, the mismatching one an invoice-math finding', async () => {
    await copyFile(fixture('lumen-2026-09.811'), join(dir, 'bills', 'lumen-2026-09.811'));
    await copyFile(fixture('total-mismatch.811'), join(dir, 'bills', 'lumen-2026-10.811'));
    const run = await auditWorkspace(dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [header = [], ...invoices] = await rows('invoices.csv');
    const column = (name: string) => header.indexOf(name);
    expect(column('Stated Total')).toBeGreaterThan(-1);
    const byNumber = new Map(invoices.map((row) => [row[column('Invoice Number')], row]));
    expect(byNumber.get('LUM-2609-001')?.[column('Stated Total')]).toBe('1118.42');
    expect(byNumber.get('LUM-2610-001')?.[column('Stated Total')]).toBe('1165.92');
    const findings = (await rows('findings.csv')).map((row) => row.join(' | '));
    const math = findings.filter((row) => row.includes('invoice-math'));
    expect(math).toHaveLength(1);
    expect(math[0]).toContain(
      'Invoice LUM-2610-001 states a total of $1,165.92 but its lines add up to $1,140.92',
    );
  });

  it('reads a single .811 / .x12 / .edi file given to --bills (BOM, CRLF, newline terminators)', async () => {
    for (const name of [
      'lumen-2026-09.811',
      'lumen-2026-09-newlines.x12',
      'lumen-2026-09-bom-crlf.edi',
    ]) {
      const out = join(dir, 'out');
      await rm(out, { recursive: true, force: true });
      let stderr = '';
      const code = await runCli(
        [
          'audit',
          ...['sites', 'inventory', 'contracts'].flatMap((kind) => [
            `--${kind}`,
            join(dir, `${kind}.csv`),
          ]),
          ...['--bills', fileURLToPath(fixture(name)), '--out', out, '--as-of', '2026-11-20'],
        ],
        { stdout: () => undefined, stderr: (text) => (stderr += text) },
      );
      expect(stderr, name).toBe('');
      expect(code, name).toBe(0);
      const [header = [], ...invoices] = await rows('invoices.csv');
      const at = (column: string) => header.indexOf(column);
      expect(invoices.map((row) => [row[at('Invoice Number')], row[at('Stated Total')]])).toEqual([
        ['LUM-2609-001', '1118.42'],
      ]);
    }
  });

  it('stops on a segment it cannot read, naming the segment and element', async () => {
    const segments = interchange([
      lumenInvoice({ charges: [['IT1', '1', '1', 'MO', '8S0.00', '', 'SV', 'MRC']] }),
    ]);
    await writeFile(join(dir, 'bills', 'bad.edi'), x12Text(segments));
    const run = await auditWorkspace(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'bad.edi: Segment 13 (IT1), element 4 (IT104): expected a unit price like 12.50, found "8S0.00"; this charge is not imported.',
    );
  });

  it('refuses the same invoice as an 811 and as the portal CSV in one run: never counted twice', async () => {
    await copyFile(fixture('lumen-2026-09.811'), join(dir, 'bills', 'lumen-2026-09.811'));
    await writeFile(
      join(dir, 'bills', 'portal.csv'),
      [
        'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Category,Amount,Invoice Total',
        'Lumen,5-KE4X-001,LUM-2609-001,2026-09-01,BBEC.556677..LUMN,Recurring,1118.42,1118.42',
        '',
      ].join('\n'),
    );
    const run = await auditWorkspace(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'Lumen invoice LUM-2609-001 (account 5-KE4X-001) is in both lumen-2026-09.811 and portal.csv, read as two different layouts: taking both would count its charges twice. Import one of them.',
    );
  });
});
