/**
 * Excel bills in Chromium, as a user imports them: an AT&T Premier billing summary and a TEM Desk
 * charge-line bill saved as XLSX by LibreOffice, picked together, previewed and imported, then
 * seen in Bills; and a workbook with two bill sheets, where the app asks which one to import.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readBills } from '../../shared/import/read-bill';
import type { Page } from 'playwright-core';
import { buildXlsx, oneChargeSheet, type TestSheet } from '../helpers/xlsx-build';
import { openApp, pickBillFiles, type AppSession } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

const workDir = mkdtempSync(join(tmpdir(), 'temdesk-xlsx-e2e-'));

function fixture(name: string): string {
  const path = join(workDir, name);
  writeFileSync(path, readFileSync(new URL(`../fixtures/xlsx/${name}`, import.meta.url)));
  return path;
}

/** Writes a workbook of `sheets` and picks it in the import dialog. */
async function pickWorkbook(page: Page, name: string, sheets: TestSheet[]): Promise<void> {
  const path = join(workDir, name);
  writeFileSync(path, buildXlsx({ sheets }));
  await pickBillFiles(page, [path]);
}

/** The invoice numbers the importer reads from a file (the unit tests prove what they hold). */
function invoiceNumbersOf(path: string, name: string): string[] {
  return readBills([{ name, bytes: new Uint8Array(readFileSync(path)) }]).flatMap((outcome) =>
    outcome.kind === 'draft' ? outcome.draft.invoices.map((invoice) => invoice.invoiceNumber) : [],
  );
}

describe('Excel bill import in Chromium', () => {
  it('imports an AT&T Premier summary and a TEM Desk charge-line bill saved as XLSX', async () => {
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    const att = fixture('att-premier-2026-10.xlsx');
    const lumen = fixture('lumen-2026-10.xlsx');
    const expected = [
      ...invoiceNumbersOf(att, 'att-premier-2026-10.xlsx'),
      ...invoiceNumbersOf(lumen, 'lumen-2026-10.xlsx'),
    ];
    expect(expected.length).toBeGreaterThanOrEqual(2);
    await pickBillFiles(page, [att, lumen]);

    const preview = page.getByRole('region', {
      name: 'Preview: nothing is saved until you import',
    });
    await preview.waitFor();
    await expect
      .poll(() => preview.getByRole('heading', { name: /AT&T Mobility/ }).count())
      .toBe(1);
    await expect
      .poll(() => preview.getByRole('heading', { name: /TEM Desk charge lines/ }).count())
      .toBe(1);
    await expect.poll(() => preview.getByText(/Excel sheet “/).count()).toBe(2);
    await session.screenshot('import-xlsx-preview');

    const count = expected.length;
    await preview
      .getByRole('button', { name: `Import ${count} invoice${count === 1 ? '' : 's'}` })
      .click();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: `Imported ${count} invoice` })
          .count(),
      )
      .toBe(1);
    await page.getByRole('button', { name: 'Close' }).click();

    const grid = page.getByRole('grid');
    for (const number of expected) {
      await expect
        .poll(() => grid.getByRole('gridcell', { name: number, exact: true }).count(), {
          message: number,
        })
        .toBe(1);
    }
    await session.screenshot('import-xlsx-bills-grid');
    expect(session.consoleErrors).toEqual([]);
  });

  it('asks which sheet to import when two sheets hold a bill, and imports the one chosen', async () => {
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    await pickWorkbook(page, 'lumen-two-months.xlsx', [
      { name: 'Cover', rows: [['Lumen'], ['Two months of charges']] },
      { name: 'September', rows: oneChargeSheet('LU-SEP', 100) },
      { name: 'October', rows: oneChargeSheet('LU-OCT', 250) },
      { name: 'Scratch', rows: oneChargeSheet('LU-OLD', 999), state: 'hidden' },
    ]);

    const question = page.getByRole('region', {
      name: 'Which sheet of lumen-two-months.xlsx is the bill?',
    });
    await question.waitFor();
    const choices = question.getByRole('group', { name: 'Sheet to import' });
    await expect.poll(() => choices.getByRole('radio').count()).toBe(2);
    await question.getByRole('button', { name: 'Show 1 hidden sheet' }).click();
    await expect.poll(() => choices.getByRole('radio').count()).toBe(3);
    await session.screenshot('import-xlsx-which-sheet');
    await choices.getByRole('radio', { name: 'October' }).check();
    await question.getByRole('button', { name: 'Continue' }).click();

    const preview = page.getByRole('region', {
      name: 'Preview: nothing is saved until you import',
    });
    await preview.waitFor();
    await expect
      .poll(() => preview.getByRole('cell', { name: 'LU-OCT', exact: true }).count())
      .toBe(1);
    expect(await preview.getByRole('cell', { name: 'LU-SEP', exact: true }).count()).toBe(0);
    await expect.poll(() => preview.getByText('Excel sheet “October”').count()).toBe(1);
    await preview.getByRole('button', { name: 'Import 1 invoice' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Imported 1 invoice' }).count())
      .toBe(1);
    expect(session.consoleErrors).toEqual([]);
  });

  it('says in the preview that a hidden sheet was not read, and reads it when asked', async () => {
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    await pickWorkbook(page, 'lumen-with-hidden.xlsx', [
      { name: 'October', rows: oneChargeSheet('LU-OCT', 250) },
      { name: 'Scratch', rows: oneChargeSheet('LU-OLD', 999), state: 'veryHidden' },
    ]);
    const preview = page.getByRole('region', {
      name: 'Preview: nothing is saved until you import',
    });
    await preview.waitFor();
    const warnings = preview.getByRole('list', { name: 'Warnings' });
    await expect.poll(() => warnings.textContent()).toContain('Hidden sheet "Scratch" not read');
    expect(await preview.getByRole('cell', { name: 'LU-OLD', exact: true }).count()).toBe(0);
    await session.screenshot('import-xlsx-hidden-sheet');
    // Offered only when asked for: the user reads the hidden sheet instead.
    await preview
      .getByRole('button', {
        name: 'Read hidden sheet “Scratch” of lumen-with-hidden.xlsx instead',
      })
      .click();
    await expect
      .poll(() => preview.getByRole('cell', { name: 'LU-OLD', exact: true }).count())
      .toBe(1);
    expect(await preview.getByRole('cell', { name: 'LU-OCT', exact: true }).count()).toBe(0);
    await expect.poll(() => preview.getByText('Excel sheet “Scratch”').count()).toBe(1);
    expect(session.consoleErrors).toEqual([]);
  });
});
