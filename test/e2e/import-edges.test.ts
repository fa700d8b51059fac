import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chargeLineCsv } from '../fixtures/generate/charge-line-csv';
import { openApp, type AppSession } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

const SMALL_CSV = [
  'Carrier,Account Number,Invoice Number,Invoice Date,Due Date,Period Start,Period End,Service ID,Description,Category,Quantity,Amount,Invoice Total',
  'Windstream,WS-100,W-2026-10,2026-10-01,2026-10-25,2026-09-01,2026-09-30,DHEC.554433..WIN,100M DIA,Recurring,1,850.00,912.34',
  'Windstream,WS-100,W-2026-10,2026-10-01,2026-10-25,2026-09-01,2026-09-30,,Federal Universal Service Fund,Surcharge,1,62.34,912.34',
  'Windstream,WS-100,W-2026-10,2026-10-01,2026-10-25,2026-09-01,2026-09-30,,Total,,,912.34,',
].join('\r\n');

describe('import edges in Chromium', () => {
  it('shows progress while reading a large file and cancels without saving anything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'temdesk-cancel-'));
    const path = join(dir, 'big-bill.csv');
    writeFileSync(path, chargeLineCsv(200_000));
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import bills…' }).first().click();
    await (await chooser).setFiles(path);

    const progress = page.getByRole('progressbar', { name: /Reading files/ });
    await progress.waitFor();
    await session.screenshot('import-reading-progress');
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect.poll(() => progress.count()).toBe(0);
    await expect
      .poll(() => page.getByRole('heading', { name: 'No bills imported yet' }).isVisible())
      .toBe(true);
    await page.reload();
    await page.getByRole('heading', { name: 'No bills imported yet' }).waitFor();
    expect(session.consoleErrors).toEqual([]);
  });

  it('imports a file dropped on the window, skipping its total row', async () => {
    session = await openApp({ hash: '#/dashboard' });
    const { page } = session;
    await page.evaluate((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'windstream-2026-10.csv', { type: 'text/csv' }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        document.body.dispatchEvent(
          new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
      }
    }, SMALL_CSV);

    const preview = page.getByRole('region', {
      name: 'Preview: nothing is saved until you import',
    });
    await preview.waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Bills');
    await expect
      .poll(() => preview.getByRole('status').first().textContent())
      .toContain('1 summary, total or repeated row skipped');
    await preview.getByRole('button', { name: 'Import 1 invoice' }).click();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: 'Imported 1 invoice with 2 charge lines' })
          .count(),
      )
      .toBe(1);
    expect(session.consoleErrors).toEqual([]);
  });

  it('reads a first row of text as a charge and rounds fractions of a cent to the bill’s total', async () => {
    const row = (description: string, category: string, amount: string) =>
      `Lumen,5-ACME-001,INV-610,"Oct 05, 2026",DHEC.554433..WIN,${description},${category},${amount},838.00`;
    const csv = [
      'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Description,Category,Amount,Invoice Total',
      row('Service credit', 'Credit', '$12.00 CR'),
      row('call 1', 'Usage', '0.333'),
      row('call 2', 'Usage', '0.333'),
      row('call 3', 'Usage', '0.334'),
      row('100M DIA', 'MRC', '849.00'),
    ].join('\r\n');
    const dir = mkdtempSync(join(tmpdir(), 'temdesk-subcent-'));
    const path = join(dir, 'lumen-2026-10.csv');
    writeFileSync(path, csv);
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import bills…' }).first().click();
    await (await chooser).setFiles(path);
    const preview = page.getByRole('region', {
      name: 'Preview: nothing is saved until you import',
    });
    await preview.waitFor();
    const warnings = preview.getByRole('list', { name: 'Warnings' });
    await expect
      .poll(() => warnings.textContent())
      .toContain('3 amounts have fractions of a cent (row 3: "0.333")');
    // The lines make the stated $838.00: no "states a total of … but its lines add up to".
    expect(await warnings.textContent()).not.toContain('states a total');
    const invoices = preview.getByRole('table', { name: 'Invoices found' });
    await expect
      .poll(() => invoices.getByRole('cell', { name: '$838.00', exact: true }).count())
      .toBeGreaterThan(0);
    await session.screenshot('import-sub-cent-preview');
    await preview.getByRole('button', { name: 'Import 1 invoice' }).click();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: 'Imported 1 invoice with 5 charge lines' })
          .count(),
      )
      .toBe(1);
    expect(session.consoleErrors).toEqual([]);
  });

  it('never counts one bill twice: two layouts of one invoice block the import, a second version is a row error', async () => {
    const header =
      'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Category,Amount,Invoice Total';
    const portal = [
      header,
      'Lumen,5-KE4X-001,LUM-2609-001,2026-09-01,BBEC.556677..LUMN,Recurring,1118.42,1118.42',
    ].join('\r\n');
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    let chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import bills…' }).first().click();
    await (
      await chooser
    ).setFiles([
      {
        name: 'lumen-2026-09.811',
        mimeType: 'application/edi-x12',
        buffer: readFileSync(new URL('../fixtures/edi/lumen-2026-09.811', import.meta.url)),
      },
      { name: 'portal.csv', mimeType: 'text/csv', buffer: Buffer.from(portal) },
    ]);
    const preview = page.getByRole('region', {
      name: 'Preview: nothing is saved until you import',
    });
    await preview.waitFor();
    await expect
      .poll(() => preview.getByRole('alert').allTextContents())
      .toContainEqual(
        expect.stringContaining(
          'Invoice LUM-2609-001 is in both lumen-2026-09.811 and portal.csv, read as two different layouts: taking both would count its charges twice. Import one of them.',
        ),
      );
    expect(await preview.getByRole('button', { name: /^Import \d+ invoices?$/ }).isDisabled()).toBe(
      true,
    );
    expect(await preview.getByRole('alert').first().textContent()).toContain(
      'The same invoice twice',
    );
    // Each layout's table shows its own sum of lines, not the two added together.
    expect(await preview.getByRole('cell', { name: '$2,236.84' }).count()).toBe(0);
    await session.screenshot('import-two-layouts-of-one-invoice');
    await preview.getByRole('button', { name: 'Cancel import' }).click();

    const reissued = portal.replace(/1118\.42/g, '1098.42');
    chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import bills…' }).first().click();
    await (
      await chooser
    ).setFiles([
      { name: 'portal.csv', mimeType: 'text/csv', buffer: Buffer.from(portal) },
      { name: 'portal-reissued.csv', mimeType: 'text/csv', buffer: Buffer.from(reissued) },
    ]);
    await preview.waitFor();
    await expect
      .poll(() => preview.textContent())
      .toContain(
        'Invoice LUM-2609-001 (account 5-KE4X-001) is also in portal.csv, with another total: $1,118.42 there, $1,098.42 here. A corrected or reissued bill?',
      );
    await session.screenshot('import-reissued-bill');
    expect(session.consoleErrors).toEqual([]);
  });

  it('joins a bill exported per department into one invoice, and reads a department saved twice once', async () => {
    const header =
      '"Foundation account","Account number","Wireless number","User name","Market cycle end date","Invoice date","Rate plan name","Total current charges","Total monthly charges","Total activity since last bill","Total taxes","Total company fees and surcharges","Total FAN level charges","Total adjustments"';
    const sales = `${header}\r\n"F900","287099000001","555-030-0001","Ana Ruiz","03/02/2026","03/09/2026","BUS UNL 5GB","$58.42","$45.00","$5.00","$5.12","$3.30","$0.00","$0.00"`;
    const operations = `${header}\r\n"F900","287099000001","555-030-0002","Ben Okafor","03/02/2026","03/09/2026","BUS UNL 5GB","$50.12","$45.00","$0.00","$3.12","$2.00","$0.00","$0.00"`;
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import bills…' }).first().click();
    await (
      await chooser
    ).setFiles([
      { name: 'sales.csv', mimeType: 'text/csv', buffer: Buffer.from(sales) },
      { name: 'operations.csv', mimeType: 'text/csv', buffer: Buffer.from(operations) },
      { name: 'operations (1).csv', mimeType: 'text/csv', buffer: Buffer.from(operations) },
    ]);
    const preview = page.getByRole('region', {
      name: 'Preview: nothing is saved until you import',
    });
    await preview.waitFor();
    const invoices = preview.getByRole('table', { name: 'Invoices found' });
    // $58.42 + $50.12: both departments, the copy once.
    await expect
      .poll(() => invoices.getByRole('cell', { name: '$108.54', exact: true }).count())
      .toBe(1);
    await expect
      .poll(() => preview.getByRole('list', { name: 'Warnings' }).textContent())
      .toContain(
        'which bills other lines of it (an export in parts, by department or page): the two are joined into one invoice.',
      );
    await expect
      .poll(() => preview.getByRole('alert', { name: 'Copies not imported' }).textContent())
      .toContain('operations (1).csv');
    await session.screenshot('import-bill-in-parts');
    await preview.getByRole('button', { name: 'Import 1 invoice' }).click();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: 'Imported 1 invoice with 7 charge lines' })
          .count(),
      )
      .toBe(1);
    await page.getByRole('button', { name: 'Close' }).click();
    // Both departments' files are the invoice's originals; the copy is not kept.
    await page
      .getByRole('grid')
      .getByRole('gridcell', { name: '287099000001-20260309', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Invoice 287099000001-20260309' }).waitFor();
    await expect
      .poll(async () =>
        (
          await page.getByRole('button', { name: /^Download original file/ }).allTextContents()
        ).sort(),
      )
      .toEqual(['Download original file (operations.csv)', 'Download original file (sales.csv)']);
    expect(session.consoleErrors).toEqual([]);
  });

  it('says which column it read when a file names the amount several ways', async () => {
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    const csv = [
      'Carrier,Account Number,Invoice Number,Invoice Date,Category,Cost,Amount,Charge',
      'Windstream,WS-100,W-2026-10,2026-10-01,Recurring,1.00,850.00,2.00',
    ].join('\r\n');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import bills…' }).first().click();
    await (
      await chooser
    ).setFiles({ name: 'aliases.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const preview = page.getByRole('region', {
      name: 'Preview: nothing is saved until you import',
    });
    await preview.waitFor();
    expect(
      await preview
        .getByRole('list', { name: 'Columns read' })
        .getByRole('listitem')
        .allTextContents(),
    ).toEqual(['Amount read from “Amount”; “Charge”, “Cost” not used.']);
    expect(session.consoleErrors).toEqual([]);
  });

  it('in the desktop app, File → Import bills… uses the native dialog and Download uses the native save dialog', async () => {
    session = await openApp({
      hash: '#/bills',
      bridge: { fileName: 'windstream-2026-10.csv', text: SMALL_CSV },
    });
    const { page } = session;
    await page.evaluate(() => window.__menu?.('import-bills'));
    const preview = page.getByRole('region', {
      name: 'Preview: nothing is saved until you import',
    });
    await preview.waitFor();
    await preview.getByRole('button', { name: 'Import 1 invoice' }).click();
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('gridcell', { name: 'W-2026-10', exact: true }).click();
    await page.getByRole('button', { name: /Download original file/ }).click();
    await expect
      .poll(() => page.evaluate(() => window.__saved))
      .toEqual({ suggestedName: 'windstream-2026-10.csv', length: SMALL_CSV.length });

    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await expect.poll(() => page.getByText('Desktop app on linux').count()).toBe(1);
    expect(session.consoleErrors).toEqual([]);
  });
});
