import { useDatabase } from '../../db/DatabaseContext';
import { useLiveQuery } from '../../app/useLiveQuery';
import { PageHeader } from '../../components/PageHeader';
import { readSettings } from '../../db/settings';
import { ImportLimitsPanel } from '../bills/import/ImportLimitsPanel';
import { AboutPanel } from './AboutPanel';
import { ActionLogPanel } from './ActionLogPanel';
import { BackupPanel } from './BackupPanel';
import { ColumnMappingsPanel } from './ColumnMappingsPanel';
import { OrganizationPanel } from './OrganizationPanel';
import { StoragePanel } from './StoragePanel';
import { ThemePanel } from './ThemePanel';

export function SettingsPage() {
  const db = useDatabase();
  const settings = useLiveQuery(() => readSettings(db), [db]);

  return (
    <>
      <PageHeader title="Settings" />
      {settings.status === 'ready' && (
        <div className="settings">
          <ThemePanel initialTheme={settings.value.theme} />
          <OrganizationPanel initialName={settings.value.organizationName} />
          <ImportLimitsPanel initial={settings.value.importLimits} />
          <StoragePanel />
          <BackupPanel />
          <ColumnMappingsPanel />
          <ActionLogPanel />
          <AboutPanel />
        </div>
      )}
    </>
  );
}
