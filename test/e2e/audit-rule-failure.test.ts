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

    // A grace period past the end of the calendar makes the missing-invoice rule fail on its dates.
    await page.getByRole('tab', { name: 'Rules and thresholds' }).click();
    const grace = page.getByLabel(/Days after the bill date before it counts as missing/);
    await grace.fill('1000000000');
    await grace.blur();
    await page.getByRole('button', { name: 'Run checks now' }).click();

    await expect
      .poll(() => notice.textContent(), { timeout: 30_000 })
      .toMatch(/^1 check could not run: Invoice missing — .+ The other checks ran\.$/);
    expect(await lastRun()).toBeGreaterThanOrEqual(30);
    await session.screenshot('check-could-not-run');
  });
});
