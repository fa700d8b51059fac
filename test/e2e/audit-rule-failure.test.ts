import { afterEach, describe, expect, it } from 'vitest';
import { tableCopyKey } from '../../renderer/db/table-copies';
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

    // A damaged stored record makes billed-after-disconnect fail on its dates: a disconnect date
    // with no month, written straight into the database (no screen takes one, and its thresholds
    // have ranges now). As every write to services through the app does, this one under it drops
    // the services' packed copy in the same transaction (renderer/db/table-copies.ts), so the
    // damaged records are what the app reads.
    const damaged = await page.evaluate(
      (copyKey) =>
        new Promise<number>((resolve, reject) => {
          const opening = indexedDB.open('tem-desk');
          opening.onerror = () => reject(new Error('cannot open the database'));
          opening.onsuccess = () => {
            const transaction = opening.result.transaction(['services', 'settings'], 'readwrite');
            transaction.objectStore('settings').delete(copyKey);
            let count = 0;
            transaction.objectStore('services').openCursor().onsuccess = (event) => {
              const cursor = (event.target as IDBRequest<IDBCursorWithValue | null>).result;
              if (cursor === null) return;
              const service = cursor.value as { disconnectedOn?: string };
              if (service.disconnectedOn !== undefined) {
                cursor.update({ ...service, disconnectedOn: '2000-00-30' });
                count += 1;
              }
              cursor.continue();
            };
            transaction.oncomplete = () => {
              opening.result.close();
              resolve(count);
            };
          };
        }),
      tableCopyKey('services'),
    );
    expect(damaged).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Run checks now' }).click();

    await expect
      .poll(() => notice.textContent(), { timeout: 30_000 })
      .toMatch(/^1 check could not run: Billed after disconnect — .+ The other checks ran\.$/);
    expect(await lastRun()).toBeGreaterThanOrEqual(30);
    await session.screenshot('check-could-not-run');
  });
});
