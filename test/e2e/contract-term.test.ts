import { afterEach, describe, expect, it } from 'vitest';
import { loadSampleCompany, openApp, sampleCompanyOf, type AppSession } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

describe('a contract’s current term in Chromium', () => {
  it('shows an auto-renewed contract past its initial term in its renewal term, not the initial one', async () => {
    session = await openApp({ hash: '#/contracts' });
    const { page } = session;
    await loadSampleCompany(page);
    const renewed = sampleCompanyOf(session).contracts.find((c) => c.status === 'auto-renewed');
    if (!renewed) throw new Error('the sample company has no auto-renewed contract');

    await page.getByRole('link', { name: renewed.name, exact: true }).first().click();
    await page.getByRole('heading', { name: renewed.name, level: 2 }).waitFor();
    const current = page.locator('.facts__row', { hasText: 'Current term' }).locator('dd');
    await expect
      .poll(() => current.innerText())
      .toMatch(
        new RegExp(`^Renewal term 1, \\d{4}-\\d{2}-\\d{2} – ${renewed.endDate}; notice by `),
      );
    expect(session.consoleErrors).toEqual([]);
  });
});
