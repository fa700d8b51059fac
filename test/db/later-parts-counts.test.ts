/**
 * What an import completing a stored invoice (another department's report of it) says it added:
 * the lines the later file added, not the stored part's lines again: the app's "Import complete"
 * and its import history, and the CLI's "new charge lines" when it completes an invoice of its
 * `--workspace` backup. charges.csv still holds every line of the joined invoice once, adding up
 * to its total.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../renderer/db/backup';
import { TemDeskDatabase } from '../../renderer/db/database';
import type { UploadedFile } from '../../shared/import/archive';
import { importInApp as importFiles } from '../helpers/app-import';
import { outputRows, runCliCaptured } from '../helpers/cli-workspace';
import { ANA, BEN, file } from '../unit/import/premier-parts';

const NOW = new Date('2026-11-03T09:00:00Z');

let db: TemDeskDatabase;
let dir: string;
let counter = 0;
beforeEach(async () => {
  db = new TemDeskDatabase(`later-parts-cli-${++counter}`);
  await db.open();
  dir = await mkdtemp(join(tmpdir(), 'temdesk-later-parts-cli-'));
});
afterEach(async () => {
  db.close();
  await db.delete();
  await rm(dir, { recursive: true, force: true });
});

const importInApp = async (files: UploadedFile[]) =>
  (await importFiles(db, files, { now: NOW })).outcome;

describe('the app completing a stored invoice', () => {
  it('says, and keeps in the import history, only the lines the later file added', async () => {
    expect((await importInApp([file('sales.csv', [ANA])])).ok).toBe(true);
    const [stored] = await db.invoices.toArray();
    const outcome = await importInApp([file('operations.csv', [BEN])]);
    const [joined] = await db.invoices.toArray();
    const added = (joined?.lineCount ?? 0) - (stored?.lineCount ?? 0);
    expect(added).toBeGreaterThan(0);
    expect(outcome).toMatchObject({ ok: true, completedInvoices: 1, lines: added });
    const batches = await db.importBatches.toArray();
    expect(batches.map((batch) => [batch.fileName, batch.counts.chargeLines]).sort()).toEqual([
      ['operations.csv', added],
      ['sales.csv', stored?.lineCount],
    ]);
  });
});

describe('the CLI completing an invoice of its --workspace backup', () => {
  it('counts as new only the lines this run’s file added; charges.csv holds each line once', async () => {
    expect((await importInApp([file('sales.csv', [ANA])])).ok).toBe(true);
    const [stored] = await db.invoices.toArray();
    const backupFile = join(dir, 'month-end.temdesk');
    await writeFile(backupFile, await createBackup(db, { appVersion: '0.0.0-test', now: NOW }));
    // The same file imported in the app: what the joined invoice is.
    const operations = file('operations.csv', [BEN]);
    expect(await importInApp([operations])).toMatchObject({ ok: true, completedInvoices: 1 });
    const [joined] = await db.invoices.toArray();
    const added = (joined?.lineCount ?? 0) - (stored?.lineCount ?? 0);
    expect(added).toBeGreaterThan(0);

    await mkdir(join(dir, 'bills'));
    await writeFile(join(dir, 'bills', operations.name), operations.bytes);
    const run = await runCliCaptured([
      'audit',
      ...['--workspace', backupFile, '--bills', join(dir, 'bills')],
      ...['--out', join(dir, 'out'), '--as-of', '2026-11-20'],
    ]);
    expect(run.stderr).not.toContain('Error');
    expect(run.stdout).toContain(
      `1 invoice (1 from the --workspace backup), ${added} new charge lines,`,
    );
    const charges = await outputRows(dir, 'charges.csv');
    expect(charges).toHaveLength(joined?.lineCount ?? -1);
    const cents = charges.map((row) => Math.round(Number(Object.values(row)[8]) * 100));
    expect(cents.reduce((sum, amount) => sum + amount, 0)).toBe(joined?.linesTotal);
  });
});
