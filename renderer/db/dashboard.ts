import Dexie from 'dexie';
import {
  billedMonths,
  monthsOf,
  NO_DASHBOARD_FILTER,
  type DashboardFilter,
} from '../../shared/billing/dashboard-view';
import { monthBeforeOneMonth } from '../../shared/billing/month-changes';
import { latestContractSpend, spendInvoicesOf } from '../../shared/contracts/spend';
import type {
  Account,
  Carrier,
  Contract,
  CostCenter,
  Dispute,
  Finding,
  Invoice,
  Service,
  Site,
} from '../../shared/model';
import type { Cents } from '../../shared/money/cents';
import type { ServiceTotals } from '../../shared/storage/service-totals';
import type { TemDeskDatabase } from './database';

/** The months whose per-service totals a dashboard needs: its From and To (`''`: the default). */
export type DashboardRange = Pick<DashboardFilter, 'from' | 'to'>;

/** The whole history: every invoice's totals. */
export const ALL_MONTHS: DashboardRange = { from: '', to: '' };

/** What the dashboard reads: aggregates and the inventory, never a charge line. */
export interface DashboardData {
  /**
   * The range this was loaded for: `serviceTotals` holds every invoice of its months (and of the
   * month before a one-month range, see `monthBeforeOneMonth`).
   */
  range: DashboardRange | 'all';
  invoices: Invoice[];
  /**
   * Per-service totals of the invoices in `range` (all invoices for `'all'`), plus those the
   * contract spend read; an invoice outside them is simply not here.
   */
  serviceTotals: Map<string, ServiceTotals>;
  /** Each contract's spend in its latest billed month (what renewals put at stake). */
  contractSpend: Map<string, Cents>;
  carriers: Carrier[];
  accounts: Account[];
  services: Service[];
  sites: Site[];
  costCenters: CostCenter[];
  findings: Finding[];
  disputes: Dispute[];
  contracts: Contract[];
}

/** The stores {@link loadDashboardData} reads. */
export const DASHBOARD_TABLES = [
  'invoices',
  'serviceTotals',
  'carriers',
  'accounts',
  'services',
  'sites',
  'costCenters',
  'findings',
  'disputes',
  'contracts',
] as const;

/**
 * Calls `onChange` whenever a write to any store the dashboard reads commits (in this tab or
 * another); returns the unsubscribe.
 */
export function watchDashboardData(db: TemDeskDatabase, onChange: () => void): () => void {
  const prefixes = DASHBOARD_TABLES.map((table) => `idb://${db.name}/${table}/`);
  const onMutated = (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((key) => prefixes.some((prefix) => key.startsWith(prefix))))
      onChange();
  };
  Dexie.on('storagemutated', onMutated);
  return () => Dexie.on('storagemutated').unsubscribe(onMutated);
}

/** A read started before the page asked for it, and whether the data changed since it began. */
interface StartedLoad {
  db: TemDeskDatabase;
  range: DashboardRange;
  data: Promise<DashboardData>;
  changed: boolean;
  stop: () => void;
}

let started: StartedLoad | undefined;

/**
 * Starts reading the dashboard's data now, before the page is on screen (the app calls this as it
 * starts, when it opens on the dashboard): the read runs while React mounts the shell.
 */
export function startDashboardLoad(db: TemDeskDatabase, range: DashboardRange): void {
  started?.stop();
  const load: StartedLoad = {
    db,
    range,
    data: loadDashboardData(db, range),
    changed: false,
    stop: () => undefined,
  };
  load.stop = watchDashboardData(db, () => {
    load.changed = true;
  });
  // An unused read's failure is the page's to report, when it reads again.
  load.data.catch(() => undefined);
  started = load;
}

/**
 * The read {@link startDashboardLoad} began for this database and range, once, if nothing it
 * reads has changed since (else undefined: read again).
 */
export function takeStartedLoad(
  db: TemDeskDatabase,
  range: DashboardRange,
): Promise<DashboardData> | undefined {
  const load = started;
  if (!load) return undefined;
  started = undefined;
  load.stop();
  const same = load.db === db && load.range.from === range.from && load.range.to === range.to;
  return same && !load.changed ? load.data : undefined;
}

/**
 * Reads what the dashboard shows for `range` in one transaction. Only the per-service totals of the
 * invoices in the range's months are read (a year of three, by default), and those of the latest
 * months the contract spend needs: at a million charge lines those totals are most of the bytes.
 * Without a range, every invoice's totals are read.
 */
export async function loadDashboardData(
  db: TemDeskDatabase,
  range: DashboardRange | 'all' = 'all',
): Promise<DashboardData> {
  const tables = [
    db.invoices,
    db.serviceTotals,
    db.carriers,
    db.accounts,
    db.services,
    db.sites,
    db.costCenters,
    db.findings,
    db.disputes,
    db.contracts,
  ];
  return db.transaction('r', tables, async () => {
    const serviceTotals = new Map<string, ServiceTotals>();
    const addTotals = (records: readonly (ServiceTotals | undefined)[]) => {
      for (const record of records) if (record) serviceTotals.set(record.invoiceId, record);
    };
    const read = new Set<string>();
    const readTotals = async (ids: readonly string[]) => {
      const fresh = ids.filter((id) => !read.has(id));
      for (const id of fresh) read.add(id);
      if (fresh.length > 0) addTotals(await db.serviceTotals.bulkGet(fresh));
    };
    const invoicesRead = db.invoices.toArray();
    const [
      invoices,
      carriers,
      accounts,
      services,
      sites,
      costCenters,
      findings,
      disputes,
      contracts,
      allTotals,
    ] = await Promise.all([
      invoicesRead,
      db.carriers.toArray(),
      db.accounts.toArray(),
      db.services.toArray(),
      db.sites.toArray(),
      db.costCenters.toArray(),
      db.findings.toArray(),
      db.disputes.toArray(),
      db.contracts.toArray(),
      range === 'all'
        ? db.serviceTotals.toArray()
        : // The range's totals are asked for as soon as the invoices (which say what the range
          // holds) are in, while the inventory is still being read, not after it.
          invoicesRead.then(async (invoices) => {
            await readTotals(invoicesInRange(invoices, range));
            return undefined;
          }),
    ]);
    if (allTotals) {
      addTotals(allTotals);
      for (const invoice of invoices) read.add(invoice.id);
    }
    const contractSpend = await contractSpendOf(contracts, services, invoices, accounts, {
      totalsOf: (id) => serviceTotals.get(id),
      isRead: (id) => read.has(id),
      readTotals,
    });
    return {
      range,
      invoices,
      serviceTotals,
      contractSpend,
      carriers,
      accounts,
      services,
      sites,
      costCenters,
      findings,
      disputes,
      contracts,
    };
  });
}

/**
 * The ids of the invoices billed in `range`'s months, and in the month before a one-month range
 * (its change chart compares the two).
 */
function invoicesInRange(invoices: readonly Invoice[], range: DashboardRange): string[] {
  const inRange = monthsOf({ ...NO_DASHBOARD_FILTER, ...range }, billedMonths(invoices));
  const months = new Set<string>(inRange);
  const before = monthBeforeOneMonth(inRange);
  if (before !== undefined) months.add(before);
  return invoices
    .filter((invoice) => months.has(invoice.invoiceDate.slice(0, 7)))
    .map((invoice) => invoice.id);
}

/**
 * The latest month of each contract's spend, reading the totals it asks for: it reads months newest
 * first, so it asks only for the latest ones. Run again until it asks for nothing unread, it is
 * exactly the figure computed with every invoice's totals at hand.
 */
async function contractSpendOf(
  contracts: readonly Contract[],
  services: readonly Service[],
  invoices: readonly Invoice[],
  accounts: readonly Account[],
  totals: {
    totalsOf: (invoiceId: string) => ServiceTotals | undefined;
    isRead: (invoiceId: string) => boolean;
    readTotals: (invoiceIds: readonly string[]) => Promise<void>;
  },
): Promise<Map<string, Cents>> {
  const spendInvoices = spendInvoicesOf(invoices, accounts);
  for (;;) {
    const missing: string[] = [];
    const spend = latestContractSpend(contracts, services, accounts, spendInvoices, (id) => {
      if (!totals.isRead(id)) missing.push(id);
      return totals.totalsOf(id);
    });
    if (missing.length === 0) return spend;
    await totals.readTotals(missing);
  }
}
