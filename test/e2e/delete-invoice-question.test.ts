/**
 * The question Delete invoice… asks, in Chromium: it follows the findings the checks save while it
 * is open (they run in the background after an import), and Escape cancels it, the focus back on
 * the button. The checks are held back until the question is open, so what it says first and what
 * it says once they ran are known, not raced.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { focused, openApp, pickBillFiles, type AppSession } from './harness';

let session: AppSession | undefined;
/** The folder of the bill a test wrote, removed after it. */
let billDir: string | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
  if (billDir !== undefined) rmSync(billDir, { recursive: true, force: true });
  billDir = undefined;
});

/** One invoice with a late fee: the checks find it, and the service is in no inventory. */
const LATE_FEE_BILL = [
  'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Description,Category,Amount,Invoice Total',
  'Windstream,WS-100,W-2026-09,2026-09-01,DHEC.554433..WIN,100M DIA,Recurring,850.00,875.00',
  'Windstream,WS-100,W-2026-09,2026-09-01,DHEC.554433..WIN,Late Payment Charge,Late Fee,25.00,875.00',
].join('\r\n');

declare global {
  interface Window {
    /** Test hook: lets the validation checks' worker have the runs asked of it so far. */
    __releaseChecks?: () => void;
    /** Test hook: how many runs the checks' worker was asked for while held. */
    __heldChecks?: () => number;
  }
}

/** Holds every request to the checks' worker until `window.__releaseChecks()` (run before the app). */
function holdChecks(): void {
  const Real = window.Worker;
  let held: (() => void)[] | undefined = [];
  window.__heldChecks = () => held?.length ?? 0;
  window.__releaseChecks = () => {
    const waiting = held ?? [];
    held = undefined;
    waiting.forEach((send) => send());
  };
  window.Worker = class extends Real {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      if (!String(url).includes('audit.worker')) return;
      const send = this.postMessage.bind(this) as (message: unknown) => void;
      this.postMessage = (message: unknown) => {
        if (held === undefined) send(message);
        else held.push(() => send(message));
      };
    }
  };
}

function questionOf(page: Page) {
  return page.getByRole('group', { name: 'Delete this invoice?' });
}

/** The late-fee bill and the month before it, on the same account. */
const TWO_MONTHS_BILL = [
  LATE_FEE_BILL,
  'Windstream,WS-100,W-2026-08,2026-08-01,DHEC.554433..WIN,100M DIA,Recurring,850.00,850.00',
].join('\r\n');

/** Imports `bill` (`invoices` in it) with the checks held, and opens invoice `open`. */
async function openHeldInvoice(bill = LATE_FEE_BILL, invoices = 1, open = 'W-2026-09') {
  session = await openApp({ hash: '#/bills' });
  const { page, context } = session;
  await context.addInitScript(holdChecks);
  await page.reload();
  await page.getByRole('heading', { name: 'No bills imported yet' }).waitFor();
  billDir = mkdtempSync(join(tmpdir(), 'temdesk-delete-question-e2e-'));
  const file = join(billDir, 'ws.csv');
  writeFileSync(file, bill);
  await pickBillFiles(page, [file]);
  const preview = page.getByRole('region', { name: 'Preview: nothing is saved until you import' });
  const imported = invoices === 1 ? '1 invoice' : `${invoices} invoices`;
  await preview.getByRole('button', { name: `Import ${imported}` }).click();
  await expect
    .poll(() =>
      page
        .getByRole('status')
        .filter({ hasText: `Imported ${imported}` })
        .count(),
    )
    .toBe(1);
  await page.getByRole('button', { name: 'Close' }).click();
  await openInvoice(page, open);
  return page;
}

async function openInvoice(page: Page, invoiceNumber: string): Promise<void> {
  await page.getByRole('grid').getByRole('gridcell', { name: invoiceNumber, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: `Invoice ${invoiceNumber}` }).waitFor();
}

describe('the question Delete invoice… asks', () => {
  it('names the findings the checks save while it is open, as the page counts them', async () => {
    const page = await openHeldInvoice();
    const findingsHeading = page.getByRole('heading', { name: /^Findings on this invoice/ });
    expect(await findingsHeading.textContent()).toBe('Findings on this invoice (0)');

    await page.getByRole('button', { name: 'Delete invoice…' }).click();
    const question = questionOf(page);
    await question.getByText('No finding names it.', { exact: true }).waitFor();

    // The checks run now, the question still open: it says what they found, without reopening.
    // The import asked for a run and it is held (else this test would race the checks).
    await expect.poll(() => page.evaluate(() => window.__heldChecks?.() ?? 0)).toBeGreaterThan(0);
    await page.evaluate(() => window.__releaseChecks?.());
    const counts = async () => {
      const shown = Number(/\((\d+)\)/.exec((await findingsHeading.textContent()) ?? '')?.[1]);
      const named = /(\d+) findings? names? it:/.exec((await question.textContent()) ?? '')?.[1];
      return { shown, named: Number(named ?? 0) };
    };
    await expect
      .poll(async () => {
        const { shown, named } = await counts();
        return shown > 0 && named === shown;
      })
      .toBe(true);
    expect(await question.getByText('No finding names it.').count()).toBe(0);
    expect(await question.textContent()).toMatch(
      /\d+ open ones? the next check finds no more on other bills (is|are) marked resolved/,
    );
    expect(session?.consoleErrors).toEqual([]);
  });

  it('closes on Escape, the focus back on the button that opened it', async () => {
    const page = await openHeldInvoice();
    const opener = page.getByRole('button', { name: 'Delete invoice…' });
    await opener.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('p Delete invoice W-2026-09 ($875.00)?');
    expect(await opener.getAttribute('aria-expanded')).toBe('true');

    await page.keyboard.press('Escape');
    await expect.poll(() => questionOf(page).count()).toBe(0);
    expect(await focused(page)).toBe('button Delete invoice…');
    expect(await opener.getAttribute('aria-expanded')).toBe('false');

    // From one of its buttons too; nothing is deleted.
    await page.keyboard.press('Enter');
    await questionOf(page).getByRole('button', { name: 'Keep this invoice' }).focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => questionOf(page).count()).toBe(0);
    expect(await focused(page)).toBe('button Delete invoice…');
    await page.getByRole('heading', { level: 1, name: 'Invoice W-2026-09' }).waitFor();
    expect(session?.consoleErrors).toEqual([]);
  });

  it('asks about the invoice it was opened on only, not another one opened after it', async () => {
    const page = await openHeldInvoice(TWO_MONTHS_BILL, 2, 'W-2026-08');
    const august = page.url();
    await page.getByRole('link', { name: '← All invoices' }).click();
    await openInvoice(page, 'W-2026-09');
    await page.getByRole('button', { name: 'Delete invoice…' }).click();
    await questionOf(page).getByText('Delete invoice W-2026-09 ($875.00)?').waitFor();

    // Back to August's invoice in the same page (the history's Back): nobody asked to delete it.
    await page.evaluate((url) => (window.location.hash = new URL(url).hash), august);
    await page.getByRole('heading', { level: 1, name: 'Invoice W-2026-08' }).waitFor();
    await page.getByRole('heading', { name: /^Findings on this invoice/ }).waitFor();
    // A question carried over would show once its facts are read, a few milliseconds on.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await questionOf(page).count()).toBe(0);
    const opener = page.getByRole('button', { name: 'Delete invoice…' });
    expect(await opener.getAttribute('aria-expanded')).toBe('false');
    await opener.click();
    await questionOf(page).getByText('Delete invoice W-2026-08 ($850.00)?').waitFor();
    expect(session?.consoleErrors).toEqual([]);
  });
});
