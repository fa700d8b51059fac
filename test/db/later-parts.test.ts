/**
 * A file of an invoice imported later than the invoice's first file, through both doors: the app
 * (pipeline, stored originals re-read, plan, Dexie) and the CLI started from a backup the app made
 * before that file came. Both take the decision from `shared/ledger/stored-relation.ts`: another
 * part of the invoice (a department's report of an AT&T Premier bill, Verizon's account summary)
 * is joined into the stored invoice, its totals those of the whole; a copy of what is stored (the
 * same lines in another file, or the very same file) is recognised and counted once.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../renderer/db/backup';
import { readWithCompanions } from '../../renderer/db/companions';
import { TemDeskDatabase } from '../../renderer/db/database';
import { commitImport, findImportConflicts } from '../../renderer/db/import-commit';
import type { Workspace } from '../../electron/cli/workspace';
import type { UploadedFile } from '../../shared/import/archive';
import { readBills } from '../../shared/import/read-bill';
import type { Invoice } from '../../shared/model';
import { workspaceFromBackup } from '../helpers/cli-workspace';
import { uploadsFor } from '../helpers/doors';
import { ANA, BEN, CHO, file } from '../unit/import/premier-parts';

const NOW = new Date('2026-11-03T09:00:00Z');

let db: TemDeskDatabase;
let counter = 0;
beforeEach(async () => {
  db = new TemDeskDatabase(`later-parts-${++counter}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** Reads files as the app's import does (stored originals re-read) and commits them. */
async function importInApp(files: UploadedFile[]) {
  const { outcomes } = await readWithCompanions(db, files, async (all) => readBills(all));
  const drafts = outcomes.flatMap((o) => (o.kind === 'draft' ? [o.draft] : []));
  const input = { uploads: uploadsFor(files, drafts), drafts };
  const conflicts = await findImportConflicts(db, input);
  return { drafts, conflicts, outcome: await commitImport(db, input, { now: NOW }) };
}

/** The CLI started from the backup, given these bill files. */
const cliFrom = (backup: Uint8Array, files: UploadedFile[]): Workspace =>
  workspaceFromBackup(
    backup,
    files.map((f) => ({ path: f.name, bytes: f.bytes })),
  );

/** What a door stored of its invoices, ids left out. */
function facts(invoices: readonly Invoice[]) {
  return invoices.map((invoice) => ({
    accountNumber: invoice.accountNumber,
    invoiceNumber: invoice.invoiceNumber,
    statedTotal: invoice.statedTotal,
    linesTotal: invoice.linesTotal,
    lineCount: invoice.lineCount,
    categoryTotals: invoice.categoryTotals,
    parts: (invoice.parts ?? []).map((part) => `${part.kind}:${part.sourceFile}`).sort(),
  }));
}

/** The first file imported in the app and backed up; the later one through both doors. */
async function later(first: UploadedFile[], next: () => UploadedFile[]) {
  expect((await importInApp(first)).outcome.ok).toBe(true);
  const stored = await db.invoices.toArray();
  const backup = await createBackup(db, { appVersion: '0.0.0-test', now: NOW });
  const app = await importInApp(next());
  const cli = cliFrom(backup, next());
  return { stored, app, appInvoices: await db.invoices.toArray(), cli };
}

describe('another part of a stored invoice, imported later', () => {
  it('a department’s report is joined into the stored invoice by the app and the CLI alike', async () => {
    const { stored, app, appInvoices, cli } = await later([file('sales.csv', [ANA])], () => [
      file('operations.csv', [BEN]),
    ]);
    expect(app.conflicts).toEqual([]);
    expect(app.outcome).toMatchObject({ ok: true, completedInvoices: 1, invoiceIds: [] });
    expect(appInvoices.map((invoice) => invoice.id)).toEqual(stored.map((invoice) => invoice.id));
    expect(facts(appInvoices)).toEqual([
      expect.objectContaining({
        linesTotal: 108_54,
        lineCount: 7,
        parts: ['bill:operations.csv', 'bill:sales.csv'],
      }),
    ]);
    expect(facts(cli.invoices)).toEqual(facts(appInvoices));
    expect(cli.invoices.map((invoice) => invoice.id)).toEqual(stored.map((invoice) => invoice.id));
    expect(cli.unreadRows).toEqual([]);
    expect(cli.repeatedInvoices).toEqual([]);
    expect(cli.notices).toContain(
      'Invoice 287099000001-20260309 (account 287099000001) in the --workspace backup is completed with "operations.csv", as the app completes it: $108.54 in 7 charge lines (3 of them new).',
    );

    // As if both files had been picked together.
    const together = new TemDeskDatabase(`later-parts-together-${counter}`);
    await together.open();
    try {
      const files = [file('sales.csv', [ANA]), file('operations.csv', [BEN])];
      const { outcomes } = await readWithCompanions(together, files, async (all) => readBills(all));
      const drafts = outcomes.flatMap((o) => (o.kind === 'draft' ? [o.draft] : []));
      await commitImport(together, { uploads: uploadsFor(files, drafts), drafts }, { now: NOW });
      expect(facts(await together.invoices.toArray())).toEqual(facts(appInvoices));
    } finally {
      together.close();
      await together.delete();
    }
  });

  it('the whole bill after one of its pages completes it, each charge counted once', async () => {
    const { app, appInvoices, cli } = await later([file('page 1.csv', [ANA])], () => [
      file('whole bill.csv', [ANA, BEN, CHO]),
    ]);
    expect(app.outcome).toMatchObject({ ok: true, completedInvoices: 1 });
    expect(facts(appInvoices)).toEqual([
      expect.objectContaining({
        linesTotal: 158_54,
        parts: ['bill:page 1.csv', 'bill:whole bill.csv'],
      }),
    ]);
    expect(facts(cli.invoices)).toEqual(facts(appInvoices));
  });

  it('Verizon’s account summary after its line summary completes the invoice in the CLI too', async () => {
    const fixture = (name: string, as: string): UploadedFile => ({
      name: as,
      bytes: new Uint8Array(readFileSync(new URL(`../fixtures/files/${name}`, import.meta.url))),
    });
    const { app, appInvoices, cli } = await later(
      [fixture('verizon-wireless-summary.txt', 'Account & Wireless Summary.txt')],
      () => [fixture('verizon-account-summary.txt', 'AccountSummary.txt')],
    );
    expect(app.outcome).toMatchObject({ ok: true, completedInvoices: 1 });
    expect(facts(appInvoices)).toEqual([
      expect.objectContaining({ statedTotal: 145_26, linesTotal: 145_26 }),
    ]);
    expect(facts(cli.invoices)).toEqual(facts(appInvoices));
  });
});

describe('a copy of a stored invoice, imported later', () => {
  it('the same lines in another file: refused by the app, one duplicate in the CLI, counted once', async () => {
    const copy = () => {
      const again = file('sales (1).csv', [ANA]);
      // Saved again by another tool: other bytes, the same lines.
      return [{ ...again, bytes: new Uint8Array([...again.bytes, 0x0d, 0x0a]) }];
    };
    const { stored, app, appInvoices, cli } = await later([file('sales.csv', [ANA])], copy);
    expect(app.conflicts).toEqual([
      expect.objectContaining({
        kind: 'invoice-exists',
        existingFileName: 'sales.csv',
        verdict: 'copy',
      }),
    ]);
    expect(app.outcome.ok).toBe(false);
    expect(facts(appInvoices)).toEqual(facts(stored));
    expect(facts(cli.invoices)).toEqual(facts(stored));
    expect(cli.unreadRows).toEqual([]);
    expect(
      cli.repeatedInvoices.map((r) => [r.firstFiles, r.repeatFiles, r.copies, r.total]),
    ).toEqual([[['the --workspace backup (sales.csv)'], ['sales (1).csv'], 1, 58_42]]);
  });

  it('the very same file again: recognised by both, nothing added', async () => {
    const { stored, app, appInvoices, cli } = await later([file('sales.csv', [ANA])], () => [
      file('sales.csv', [ANA]),
    ]);
    expect(app.conflicts).toEqual([
      expect.objectContaining({ kind: 'file-already-imported', fileName: 'sales.csv' }),
    ]);
    expect(facts(appInvoices)).toEqual(facts(stored));
    expect(facts(cli.invoices)).toEqual(facts(stored));
    expect(cli.repeatedInvoices.map((r) => r.repeatFiles)).toEqual([['sales.csv']]);
  });

  it('one department’s report of a joined invoice again: a copy of that part, its own amount at stake', async () => {
    const again = () => {
      const copy = file('operations (1).csv', [BEN]);
      return [{ ...copy, bytes: new Uint8Array([...copy.bytes, 0x0d, 0x0a]) }];
    };
    const { stored, app, appInvoices, cli } = await later(
      [file('sales.csv', [ANA]), file('operations.csv', [BEN])],
      again,
    );
    expect(app.conflicts).toEqual([
      expect.objectContaining({ kind: 'invoice-exists', verdict: 'page' }),
    ]);
    expect(facts(appInvoices)).toEqual(facts(stored));
    expect(facts(cli.invoices)).toEqual(facts(stored));
    expect(cli.repeatedInvoices.map((r) => [r.repeatFiles, r.total])).toEqual([
      [['operations (1).csv'], 50_12],
    ]);
  });
});

describe('a corrected bill of a stored invoice, imported later', () => {
  it('is refused unless replaced, the preview saying it bills the invoice differently', async () => {
    // The plan re-rated a dollar lower: its line and the total.
    const fixed = ANA.replace('"$58.42","$45.00"', '"$57.42","$44.00"');
    expect(fixed).not.toBe(ANA);
    const corrected = () => [file('sales corrected.csv', [fixed])];
    const { stored, app, appInvoices, cli } = await later([file('sales.csv', [ANA])], corrected);
    expect(app.conflicts).toEqual([
      expect.objectContaining({ kind: 'invoice-exists', verdict: 'conflict' }),
    ]);
    expect(facts(appInvoices)).toEqual(facts(stored));
    expect(facts(cli.invoices)).toEqual(facts(stored));
    expect(cli.repeatedInvoices).toEqual([]);
    expect(cli.unreadRows.map((row) => row.message)).toEqual([
      expect.stringContaining('with another total: $58.42 there, $57.42 here'),
    ]);
    const replaced = await commitImport(
      db,
      { uploads: uploadsFor(corrected(), app.drafts), drafts: app.drafts },
      { replace: true, now: NOW },
    );
    expect(replaced).toMatchObject({ ok: true, replacedInvoices: 1 });
    expect((await db.invoices.toArray()).map((invoice) => invoice.linesTotal)).toEqual([57_42]);
  });
});

describe('a reissued bill of a stored invoice with the same total but other lines', () => {
  it('is refused saying its lines differ, not "another total" of the same amount', async () => {
    // A dollar moved from the plan to a feature: the same $58.42, other lines.
    const moved = ANA.replace('"$45.00","$5.00"', '"$44.00","$6.00"');
    expect(moved).not.toBe(ANA);
    const { cli } = await later([file('sales.csv', [ANA])], () => [
      file('sales again.csv', [moved]),
    ]);
    const [message = ''] = cli.unreadRows.map((row) => row.message);
    expect(message).toContain(
      'with other charge lines: as many (4 charge lines of $58.42) but not the same lines.',
    );
    expect(message).not.toContain('another total');
  });
});

describe('a stored part picked again with a new part', () => {
  it('is the file already imported; replaced on purpose, the invoice is read again from both', async () => {
    expect((await importInApp([file('sales.csv', [ANA])])).outcome.ok).toBe(true);
    const both = [file('sales.csv', [ANA]), file('operations.csv', [BEN])];
    const again = await importInApp(both);
    expect(again.conflicts.map((conflict) => conflict.kind)).toEqual(['file-already-imported']);
    expect(again.outcome.ok).toBe(false);
    const replaced = await commitImport(
      db,
      { uploads: uploadsFor(both, again.drafts), drafts: again.drafts },
      { replace: true, now: NOW },
    );
    expect(replaced.ok).toBe(true);
    const invoices = await db.invoices.toArray();
    expect(facts(invoices)).toEqual([
      expect.objectContaining({
        linesTotal: 108_54,
        parts: ['bill:operations.csv', 'bill:sales.csv'],
      }),
    ]);
    const batches = new Set((await db.importBatches.toArray()).map((batch) => batch.id));
    expect(invoices[0]?.parts?.every((part) => batches.has(part.importBatchId))).toBe(true);
  });
});
