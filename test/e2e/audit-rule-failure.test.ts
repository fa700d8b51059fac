import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type AppSession, loadSampleCompany } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

describe('a check that could not run', () => {
  it('is named on the Findings page, and the other checks’ findings stay', async () => {
    session = await openApp({ hash: '#/findings' });
    const { page } = session;
    await loadSampleCompany(page);
    const lastRun = async () => {
      const text = await page.getByRole('status').filter({ hasText: 'Last run' }).textContent();
      return Number(/: (\d+) findings/.exec(text ?? '')?.[1] ?? 0);
    };
    await expect.poll(lastRun, { timeout: 30_000 }).toBeGreaterThanOrEqual(30);
    const notice = page.getByRole('alert', { name: 'Checks that could not run' });
    expect(await notice.count()).toBe(0);

    // A number of months past the end of the calendar makes billed-after-disconnect fail on its
    // dates (the missing-invoice grace period, which once did, now has a range).
    await page.getByRole('tab', { name: 'Rules and thresholds' }).click();
    const months = page.getByLabel(/Months after the disconnect that make it a long-running case/);
    await months.fill('1000000000');
    await months.blur();
    await page.getByRole('button', { name: 'Run checks now' }).click();

    await expect
      .poll(() => notice.textContent(), { timeout: 30_000 })
      .toMatch(/^1 check could not run: Billed after disconnect — .+ The other checks ran\.$/);
    expect(await lastRun()).toBeGreaterThanOrEqual(30);
    await session.screenshot('check-could-not-run');
  });
});
