import { lazy, Suspense, useEffect, useMemo, useState, type ComponentType } from 'react';
import { appDatabase } from '../db/database';
import { DEFAULT_SETTINGS, readSettings } from '../db/settings';
import { sweepUnclaimedBlocks } from '../db/staged-blocks';
import { sweepUnclaimedFiles } from '../db/staged-files';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { requestPersistentStorage } from '../platform/storage';
import { ImportProvider } from '../features/bills/import/ImportContext';
import { AppCommands } from './AppCommands';
import { DatabaseProvider } from '../db/DatabaseContext';
import { UndoProvider } from './UndoContext';
import { useChangeTracking } from '../db/changes';
import { Navigation } from './Navigation';
import { sectionFromHash, type SectionId } from './sections';
import { useLiveQuery } from './useLiveQuery';
import { RouteContext } from './RouteContext';
import { useRoute } from './useSection';
import { ResolvedThemeContext } from '../components/theme';
import { useTheme } from './useTheme';

/** A section's chunk, loaded by its first render or earlier by `start` (the same request). */
function sectionChunk(load: () => Promise<{ default: ComponentType }>) {
  let loading: Promise<{ default: ComponentType }> | undefined;
  const start = () => (loading ??= load());
  return { Page: lazy(start), start };
}

/**
 * The dashboard is in the first chunk (it is what opens); every other section is its own chunk,
 * loaded when first opened, so starting the app never loads or runs AG Grid, pdf.js or the import
 * screens (see README "Benchmarks").
 */
const CHUNKS: Record<Exclude<SectionId, 'dashboard'>, ReturnType<typeof sectionChunk>> = {
  bills: sectionChunk(() =>
    import('../features/bills/BillsPage').then((m) => ({ default: m.BillsPage })),
  ),
  inventory: sectionChunk(() =>
    import('../features/inventory/InventoryPage').then((m) => ({ default: m.InventoryPage })),
  ),
  contracts: sectionChunk(() =>
    import('../features/contracts/ContractsPage').then((m) => ({ default: m.ContractsPage })),
  ),
  findings: sectionChunk(() =>
    import('../features/findings/FindingsPage').then((m) => ({ default: m.FindingsPage })),
  ),
  chargeback: sectionChunk(() =>
    import('../features/chargeback/ChargebackPage').then((m) => ({ default: m.ChargebackPage })),
  ),
  budgets: sectionChunk(() =>
    import('../features/budgets/BudgetsPage').then((m) => ({ default: m.BudgetsPage })),
  ),
  settings: sectionChunk(() =>
    import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })),
  ),
};

const PAGES: Record<SectionId, ComponentType> = {
  dashboard: DashboardPage,
  bills: CHUNKS.bills.Page,
  inventory: CHUNKS.inventory.Page,
  contracts: CHUNKS.contracts.Page,
  findings: CHUNKS.findings.Page,
  chargeback: CHUNKS.chargeback.Page,
  budgets: CHUNKS.budgets.Page,
  settings: CHUNKS.settings.Page,
};

// The section the app opens on (a reload, a bookmark) starts loading now, while this chunk is still
// starting, not after React's first render asks for it.
if (typeof window !== 'undefined') {
  const opening = sectionFromHash(window.location.hash);
  if (opening !== 'dashboard') void CHUNKS[opening].start();
}

/** Background helpers, in their own chunks too: the audit engine and the backup writer. */
const AutoAudit = lazy(() =>
  import('../features/findings/useAutoAudit').then((m) => ({ default: m.AutoAudit })),
);
const AutoBackup = lazy(() =>
  import('../features/settings/AutoBackup').then((m) => ({ default: m.AutoBackup })),
);
const BackupReminder = lazy(() =>
  import('../features/settings/BackupReminder').then((m) => ({ default: m.BackupReminder })),
);

/**
 * The checks re-run in the background: started a moment after launch, so the first page reads and
 * draws without the audit's reads beside it (any change after that is still seen and checked).
 * The backup helpers wait as long: their chunk builds the backup format's schemas when it loads
 * (20–40 ms of the main thread, profiled in the middle of opening Inventory).
 */
const AUDIT_START_DELAY_MS = 1_500;

function useDelayed(delayMs: number): boolean {
  const [due, setDue] = useState(false);
  useEffect(() => {
    // clock: a timer, not a date
    const timer = window.setTimeout(() => setDue(true), delayMs);
    return () => window.clearTimeout(timer);
  }, [delayMs]);
  return due;
}

export function App() {
  const db = useMemo(() => appDatabase(), []);
  const [route, navigate] = useRoute();
  const { section } = route;
  const settings = useLiveQuery(() => readSettings(db), [db]);
  const theme = useTheme(
    settings.status === 'ready' ? settings.value.theme : DEFAULT_SETTINGS.theme,
  );
  const Page = PAGES[section];
  useChangeTracking(db);
  const auditDue = useDelayed(AUDIT_START_DELAY_MS);

  useEffect(() => {
    // Originals and blocks staged by a window closed before its import was committed (see
    // db/staged-files, db/staged-blocks).
    if (!auditDue) return;
    void sweepUnclaimedFiles(db).catch(() => undefined);
    void sweepUnclaimedBlocks(db).catch(() => undefined);
  }, [auditDue, db]);

  useEffect(() => {
    // Years of bills must not be evicted when the disk fills: ask once per start (Settings shows the answer).
    void requestPersistentStorage();
  }, []);

  return (
    <DatabaseProvider db={db}>
      <UndoProvider>
        <ResolvedThemeContext.Provider value={theme}>
          <RouteContext.Provider value={{ route, navigate }}>
            <ImportProvider>
              <AppCommands />
              <Suspense fallback={null}>
                {auditDue && <AutoAudit />}
                {auditDue && <AutoBackup />}
              </Suspense>
              <a className="skip-link" href="#main">
                Skip to content
              </a>
              <div className="app-shell">
                <aside className="app-sidebar">
                  <div className="app-brand" aria-hidden="true">
                    TEM Desk
                  </div>
                  <Navigation current={section} />
                </aside>
                <main id="main" className="app-main" tabIndex={-1}>
                  <Suspense fallback={null}>{auditDue && <BackupReminder />}</Suspense>
                  <Suspense fallback={<PageLoading />}>
                    <Page />
                  </Suspense>
                </main>
              </div>
            </ImportProvider>
          </RouteContext.Provider>
        </ResolvedThemeContext.Provider>
      </UndoProvider>
    </DatabaseProvider>
  );
}

/** Shown for the moment a section's code loads (the first time it opens). */
function PageLoading() {
  return (
    <p role="status" className="page-loading">
      Loading…
    </p>
  );
}
