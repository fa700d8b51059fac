import { useEffect, useMemo, type ReactElement } from 'react';
import { appDatabase } from '../db/database';
import { DEFAULT_SETTINGS, readSettings } from '../db/settings';
import { BillsPage } from '../features/bills/BillsPage';
import { BudgetsPage } from '../features/budgets/BudgetsPage';
import { ChargebackPage } from '../features/chargeback/ChargebackPage';
import { ContractsPage } from '../features/contracts/ContractsPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { FindingsPage } from '../features/findings/FindingsPage';
import { InventoryPage } from '../features/inventory/InventoryPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { requestPersistentStorage } from '../platform/storage';
import { ImportProvider } from '../features/bills/import/ImportContext';
import { AutoAudit } from '../features/findings/useAutoAudit';
import { AutoBackup } from '../features/settings/AutoBackup';
import { AppCommands } from './AppCommands';
import { DatabaseProvider } from '../db/DatabaseContext';
import { UndoProvider } from './UndoContext';
import { BackupReminder } from '../features/settings/BackupReminder';
import { useChangeTracking } from '../db/changes';
import { Navigation } from './Navigation';
import type { SectionId } from './sections';
import { useLiveQuery } from './useLiveQuery';
import { RouteContext } from './RouteContext';
import { useRoute } from './useSection';
import { ResolvedThemeContext } from '../components/theme';
import { useTheme } from './useTheme';

const PAGES: Record<SectionId, () => ReactElement> = {
  dashboard: DashboardPage,
  bills: BillsPage,
  inventory: InventoryPage,
  contracts: ContractsPage,
  findings: FindingsPage,
  chargeback: ChargebackPage,
  budgets: BudgetsPage,
  settings: SettingsPage,
};

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
              <AutoAudit />
              <AutoBackup />
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
                  <BackupReminder />
                  <Page />
                </main>
              </div>
            </ImportProvider>
          </RouteContext.Provider>
        </ResolvedThemeContext.Provider>
      </UndoProvider>
    </DatabaseProvider>
  );
}
