/**
 * "Already imported" names the file as the user knows it: a file the app told apart from another
 * of the same name (`bill.csv (2)`) is not named by that `(2)` when picked again alone.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importBills, importPreview, openApp, pickBillFiles, type AppSession } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

const HEADER =
  'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Description,Category,Amount,Invoice Total';

/** `bill.csv` in a month folder, as a carrier download names every month's file alike. */
function monthBill(dir: string, month: string): string {
  mkdirSync(join(dir, month), { recursive: true });
  const path = join(dir, month, 'bill.csv');
  const row = `Windstream,WS-100,W-${month},${month}-01,DHEC.554433..WIN,100M DIA,Recurring,850.00,850.00`;
  writeFileSync(path, `${HEADER}\r\n${row}\r\n`);
  return path;
}

describe('already imported, named as the user knows the file', () => {
  it('does not name a file by the (2) it was told apart with', async () => {
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    const dir = mkdtempSync(join(tmpdir(), 'temdesk-same-name-'));
    const september = monthBill(dir, '2026-09');
    const october = monthBill(dir, '2026-10');
    await importBills(page, [september, october], 2);

    await pickBillFiles(page, [october]);
    const alert = importPreview(page).getByRole('alert');
    await expect
      .poll(() => alert.textContent())
      .toMatch(/bill\.csv was already imported on \d{4}-\d\d-\d\d\./);
    expect(await alert.textContent()).not.toContain('(2)');
    await session.screenshot('already-imported-name');
    expect(session.consoleErrors).toEqual([]);
  });
});
