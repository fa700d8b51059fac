/**
 * The CLI on a Verizon Account & Wireless Summary whose exporter ends a line's row after its last
 * filled cell (no usage: after `Total Charges`): those rows are read, and only the rows that lack
 * a charge column or were cut in two by a line break stop the run, each named.
 */
import { copyFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditWorkspace, makeCliWorkspace, outputRows } from '../helpers/cli-workspace';

let dir = '';

beforeAll(async () => {
  dir = await makeCliWorkspace('temdesk-cli-verizon-trimmed-');
  await copyFile(
    new URL('../fixtures/carriers/verizon-wireless-summary-trimmed.synthetic.txt', import.meta.url),
    join(dir, 'bills', 'Account & Wireless Summary.txt'),
  );
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the CLI on a Verizon line summary whose rows end at their last filled cell', () => {
  it('names only the rows that lose a value, not those without usage', async () => {
    const run = await auditWorkspace(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('3 bill rows could not be read, so nothing was written:');
    expect(run.stderr).toContain(
      'Row 5 has 14 cells, the header has 29: the row is cut short, without the columns "Equipment Charges",',
    );
    expect(run.stderr).toContain('Row 6 has 20 cells, the header has 29: the row is cut short.');
    expect(run.stderr).toContain('Row 7 has 10 cells, the header has 29: the row is cut short.');
    expect(run.stderr).not.toMatch(/Row [248] has/);
  });

  it('writes the rows without usage with --allow-row-errors', async () => {
    const run = await auditWorkspace(dir, ['--allow-row-errors']);
    expect(run.code).toBe(0);
    const charges = await outputRows(dir, 'charges.csv');
    expect([...new Set(charges.map((row) => row['Source Row']))]).toEqual(['2', '3', '4', '8']);
  });
});
