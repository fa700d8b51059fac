/** "Save as PDF" on the monthly report: through the desktop bridge, and the browser's print dialog. */
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type AppSession, loadSampleCompany } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

/** Opens the report page and waits for it; returns the month shown. */
async function openReport(current: AppSession): Promise<string> {
  const { page } = current;
  await page.goto(new URL('#/dashboard/report', current.baseUrl).toString());
  await page.getByRole('heading', { level: 1, name: /^Telecom spend report — / }).waitFor();
  const month = await page.getByRole('combobox', { name: 'Month' }).inputValue();
  expect(month).toMatch(/^\d{4}-\d{2}$/);
  return month;
}

describe('monthly report as PDF in the desktop app', () => {
  it('saves through the bridge, says where, and says nothing on cancel; a failure is an alert', async () => {
    session = await openApp({ hash: '#/dashboard', bridge: { fileName: 'unused.csv', text: '' } });
    const { page } = session;
    await loadSampleCompany(session.page);
    const month = await openReport(session);
    const save = page.getByRole('button', { name: 'Save as PDF' });
    expect(await page.getByRole('button', { name: 'Print', exact: true }).count()).toBe(1);

    await save.click();
    const saved = page.getByRole('status').filter({ hasText: /^Saved to / });
    await expect
      .poll(() => saved.textContent())
      .toBe(`Saved to /home/user/Documents/TEM Desk report ${month}.pdf`);
    expect(await page.evaluate(() => window.__pdfSaves)).toStrictEqual([
      { suggestedName: `TEM Desk report ${month}.pdf` },
    ]);
    await session.screenshot('report-pdf-saved');

    // Cancelled: nothing to say, not even the earlier "Saved to".
    await page.evaluate(() => (window.__pdfNext = 'cancel'));
    await save.click();
    await expect.poll(() => page.evaluate(() => window.__pdfSaves?.length)).toBe(2);
    await expect.poll(() => saved.count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);

    // Failed: the reason, without Electron's wrapper.
    await page.evaluate(() => (window.__pdfNext = 'fail'));
    await save.click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Could not save the PDF: ENOSPC: no space left on device');
    expect(await saved.count()).toBe(0);
    expect(session.consoleErrors).toEqual([]);
  });

  it('prints the report without its buttons, messages or navigation, and keeps its title', async () => {
    session = await openApp({ hash: '#/dashboard', bridge: { fileName: 'unused.csv', text: '' } });
    const { page } = session;
    await loadSampleCompany(session.page);
    // On screen in the dark theme: the PDF must still be dark text on white paper.
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('radio', { name: 'Dark' }).check();
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.theme))
      .toBe('dark');
    await openReport(session);
    await page.getByRole('button', { name: 'Save as PDF' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Saved to / })
      .waitFor();

    // printToPDF lays the page out for print, as this does.
    await page.emulateMedia({ media: 'print' });
    const title = page.getByRole('heading', { level: 1, name: /^Telecom spend report — / });
    expect(await title.isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Save as PDF' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print', exact: true }).isVisible()).toBe(false);
    expect(await page.getByRole('combobox', { name: 'Month' }).isVisible()).toBe(false);
    expect(await page.getByText(/^Saved to /).isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: 'Dashboard', exact: true }).isVisible()).toBe(
      false,
    );
    expect(
      await page.getByRole('heading', { name: 'Biggest changes since last month' }).isVisible(),
    ).toBe(true);
    const colors = await page.evaluate(() => ({
      page: getComputedStyle(document.body).backgroundColor,
      text: getComputedStyle(document.querySelector('h1') ?? document.body).color,
    }));
    expect(colors).toStrictEqual({ page: 'rgb(255, 255, 255)', text: 'rgb(27, 35, 48)' });
    await session.screenshot('report-pdf-print-layout');
  });
});

describe('monthly report as PDF in a browser', () => {
  it('opens the print dialog, with a hint to choose "Save as PDF" there', async () => {
    session = await openApp({ hash: '#/dashboard' });
    const { page } = session;
    await loadSampleCompany(session.page);
    await openReport(session);
    // Record instead of opening the (blocking) print dialog; also note whether the hint was
    // already on screen when it opened.
    await page.evaluate(() => {
      const calls: boolean[] = [];
      Reflect.set(window, '__printCalls', calls);
      window.print = () => {
        calls.push(document.body.textContent?.includes('choose “Save as PDF”') ?? false);
      };
    });

    await page.getByRole('button', { name: 'Save as PDF' }).click();
    await expect
      .poll(() => page.evaluate(() => Reflect.get(window, '__printCalls')))
      .toStrictEqual([true]);
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: 'choose “Save as PDF” as the destination' })
        .count(),
    ).toBe(1);
    expect(await page.evaluate(() => window.__pdfSaves)).toBeUndefined();
    await session.screenshot('report-pdf-browser-hint');

    // "Print" still prints, and says nothing.
    await page.getByRole('button', { name: 'Print', exact: true }).click();
    await expect
      .poll(() => page.evaluate(() => Reflect.get(window, '__printCalls')))
      .toStrictEqual([true, true]);
    expect(session.consoleErrors).toEqual([]);
  });
});
