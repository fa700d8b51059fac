import type { ImportLimits } from '../../shared/import/limits';
import type { TemDeskDatabase } from './database';

export type ThemePreference = 'system' | 'light' | 'dark';

/** Every stored setting with its type and default. Add a key here, never a bare string elsewhere. */
export interface Settings {
  theme: ThemePreference;
  /** The company name shown in exports and reports. */
  organizationName: string;
  /**
   * Import limits the user changed (Settings → Import limits), sizes in bytes; a limit not set
   * takes its default (`DEFAULT_IMPORT_LIMITS`), so better defaults in a later version apply.
   */
  importLimits: Partial<ImportLimits>;
}

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  organizationName: '',
  importLimits: {},
};

export async function readSettings(db: TemDeskDatabase): Promise<Settings> {
  const records = await db.settings.bulkGet(Object.keys(DEFAULT_SETTINGS));
  const settings: Settings = { ...DEFAULT_SETTINGS };
  for (const record of records) {
    if (record && record.key in settings) {
      Object.assign(settings, { [record.key]: record.value });
    }
  }
  return settings;
}

export async function writeSetting<K extends keyof Settings>(
  db: TemDeskDatabase,
  key: K,
  value: Settings[K],
): Promise<void> {
  await db.settings.put({ key, value });
}
