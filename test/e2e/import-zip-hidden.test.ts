/**
 * A ZIP of bills holding a hidden member (`.bill.csv`, saved so by a Mac or Linux tool): the
 * preview names it as not imported, with what to do, and imports the rest. Before, the app passed
 * over it without a word (the CLI already named it).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { importPreview, importPreviewed, openApp, pickBillFiles, type AppSession } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

const BILL =
  'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Category,Amount\r\nLumen,5-KE4X-001,754240482,2026-10-01,555-010-0001,MRC,850.00\r\n';

describe('a ZIP with a hidden bill file', () => {
  it('names the hidden member as not imported and imports the rest', async () => {
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    const dir = mkdtempSync(join(tmpdir(), 'temdesk-zip-hidden-'));
    const zip = join(dir, 'bills.zip');
    writeFileSync(
      zip,
      zipSync({
        'october.csv': strToU8(BILL),
        '.november.csv': strToU8(BILL.replace('754240482', '754240999')),
        '.DS_Store': strToU8('Bud1'),
      }),
    );
    await pickBillFiles(page, [zip]);
    const preview = importPreview(page);
    const alert = preview.getByRole('alert').filter({ hasText: '.november.csv' });
    await expect
      .poll(() => alert.textContent())
      .toBe(
        'bills.zip › .november.csv cannot be imported: left out, as hidden (its name, or a folder of it, starts with a dot). If it is a bill, rename it without the dot and import it again.',
      );
    // The system's own file is not named.
    expect(await preview.getByRole('alert').filter({ hasText: 'DS_Store' }).count()).toBe(0);
    await session.screenshot('import-zip-hidden');
    await importPreviewed(page, 1);
    expect(session.consoleErrors).toEqual([]);
  });
});
