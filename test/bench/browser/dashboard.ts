/**
 * Dashboard benchmark pages, run in Chromium (driven by test/bench/dashboard.bench.ts): fills the
 * app's own IndexedDB database with the sample company exactly as the app's one-click button does
 * (test/helpers/sample-db.ts), and times the raw limit of the dashboard: reading every record of
 * the aggregates it is built from ('invoices' and 'serviceTotals') straight from IndexedDB.
 */
import { loadSampleBudget } from '../../../renderer/db/budgets';
import { TemDeskDatabase } from '../../../renderer/db/database';
import { DATABASE_NAME } from '../../../renderer/db/schema';
import type { SampleOptions } from '../../../shared/sample';
import { loadSampleIntoDb } from '../../helpers/sample-db';

/** What {@link seedSampleCompany} stored; times in milliseconds. */
export interface DashboardSeed {
  options: SampleOptions;
  lines: number;
  invoices: number;
  services: number;
  sites: number;
  /** The site with the most services, for the filtered view. */
  biggestSiteId: string;
  biggestSiteServices: number;
  /** Generate the company, read its bill files and commit them, as the app's sample button. */
  seedMs: number;
}

/** What one {@link rawRead} call read; times in milliseconds. */
export interface RawRead {
  ms: number;
  /** Records read per store. */
  records: Record<string, number>;
}

/** Replaces the app's database with the sample company of `options`, then closes it. */
async function seedSampleCompany(options: SampleOptions): Promise<DashboardSeed> {
  const db = new TemDeskDatabase();
  if (db.name !== DATABASE_NAME) throw new Error(`unexpected database name ${db.name}`);
  await db.delete();
  await db.open();
  try {
    const start = performance.now();
    await loadSampleIntoDb(db, options);
    // As the app's sample button: the sample company comes with a budget, so the dashboard shows
    // its budget tile and chart (actual vs budget, year to date).
    await loadSampleBudget(db);
    const seedMs = performance.now() - start;
    // The packed copy of the services the app builds once idle after an import (table-copies.ts).
    await db.rebuildTableCopies();

    let lines = 0;
    await db.invoices.each((invoice) => {
      lines += invoice.lineCount;
    });
    const sites = await db.sites.toArray();
    let biggestSiteId = '';
    let biggestSiteServices = -1;
    for (const site of sites) {
      const count = await db.services.where('siteId').equals(site.id).count();
      if (count > biggestSiteServices) {
        biggestSiteId = site.id;
        biggestSiteServices = count;
      }
    }
    if (!biggestSiteId) throw new Error('the sample company has no site');
    return {
      options,
      lines,
      invoices: await db.invoices.count(),
      services: await db.services.count(),
      sites: sites.length,
      biggestSiteId,
      biggestSiteServices,
      seedMs,
    };
  } finally {
    db.close();
  }
}

function requestToPromise<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * The dashboard's raw limit: open the app's database and read every record of `stores` in one
 * transaction with plain IndexedDB (no Dexie, no React), timed from before the open.
 */
async function rawRead(stores: readonly string[]): Promise<RawRead> {
  const start = performance.now();
  const db = await requestToPromise(indexedDB.open(DATABASE_NAME));
  try {
    const transaction = db.transaction([...stores], 'readonly');
    const all = await Promise.all(
      stores.map((store) => requestToPromise(transaction.objectStore(store).getAll())),
    );
    const ms = performance.now() - start;
    return {
      ms,
      records: Object.fromEntries(stores.map((store, i) => [store, all[i]?.length ?? 0])),
    };
  } finally {
    db.close();
  }
}

declare global {
  interface Window {
    seedSampleCompany: typeof seedSampleCompany;
    rawRead: typeof rawRead;
    /** Set in the app's page by dashboard.bench.ts: when the dashboard was ready, then painted. */
    dashboardTimes?: {
      shellMs: number;
      dataMs: number;
      readyMs: number;
      paintedMs: number;
      charts: number;
      longestTaskMs: number;
    };
  }
}

window.seedSampleCompany = seedSampleCompany;
window.rawRead = rawRead;
document.getElementById('status')?.replaceChildren('Ready');
