import { afterEach, describe, expect, it } from 'vitest';
import { loadSampleCompany, openApp, type AppSession } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

describe('dashboard "Billed by category"', () => {
  it('does not offer a category as a link to the unfiltered invoice list', async () => {
    session = await openApp({ hash: '#/dashboard' });
    const { page } = session;
    await loadSampleCompany(page);
    const table = page.getByRole('table', { name: 'Billed by category' });
    await table.getByRole('rowheader', { name: 'Recurring', exact: true }).waitFor();
    const row = table.getByRole('row').filter({ hasText: /^Recurring/ });
    expect(await row.textContent()).toMatch(/^Recurring\$[\d,]+\.\d\d\d+\.\d %$/);
    // Bills lists invoices, not charge lines by category: a link would open every invoice.
    expect(await table.getByRole('link').count()).toBe(0);
    await session.screenshot('dashboard-category');
  });
});
