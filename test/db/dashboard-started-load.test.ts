import Dexie from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALL_MONTHS,
  startDashboardLoad,
  takeStartedLoad,
  watchDashboardData,
} from '../../renderer/db/dashboard';
import { TemDeskDatabase } from '../../renderer/db/database';
import { isoMonth } from '../../shared/dates';
import { loadSampleIntoDb } from '../helpers/sample-db';

let db: TemDeskDatabase;

beforeAll(async () => {
  db = new TemDeskDatabase('dashboard-started-load-test');
  await db.open();
  await loadSampleIntoDb(db, { months: 6, scale: 0.1, endMonth: isoMonth(2026, 10) });
});
afterAll(async () => {
  await db.delete();
});

/** Resolves once a commit has been reported to the dashboard's watchers. */
function nextChange(): Promise<void> {
  return new Promise((resolve) => {
    const stop = watchDashboardData(db, () => {
      stop();
      resolve();
    });
  });
}

describe('the dashboard read started as the app opens', () => {
  it('is handed to the page once, for its range', async () => {
    startDashboardLoad(db, ALL_MONTHS);
    const data = takeStartedLoad(db, ALL_MONTHS);
    expect(data).toBeDefined();
    expect((await data)?.invoices.length).toBeGreaterThan(0);
    expect(takeStartedLoad(db, ALL_MONTHS)).toBeUndefined();
  });

  it('is not used for another range', () => {
    startDashboardLoad(db, ALL_MONTHS);
    expect(takeStartedLoad(db, { from: isoMonth(2026, 9), to: '' })).toBeUndefined();
  });

  it('is not used once a store it reads has changed: the page reads again', async () => {
    startDashboardLoad(db, ALL_MONTHS);
    const changed = nextChange();
    const site = await db.sites.toCollection().first();
    if (!site) throw new Error('the sample has no site');
    await db.sites.put({ ...site, name: `${site.name} (moved)` });
    await changed;
    expect(takeStartedLoad(db, ALL_MONTHS)).toBeUndefined();
  });

  it('is still used after a write to a store it does not read', async () => {
    startDashboardLoad(db, ALL_MONTHS);
    const reported = new Promise<void>((resolve) => {
      const onMutated = () => {
        Dexie.on('storagemutated').unsubscribe(onMutated);
        resolve();
      };
      Dexie.on('storagemutated', onMutated);
    });
    await db.settings.put({ key: 'test:unrelated', value: 1 });
    await reported;
    expect(takeStartedLoad(db, ALL_MONTHS)).toBeDefined();
  });
});
