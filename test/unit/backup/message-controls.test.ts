/**
 * A backup message that sends the user to a control names one the app has: the not-a-backup
 * refusal once said "Back up workspace", a button no screen shows.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BACKUP_MESSAGES } from '../../../shared/backup/messages';

const SETTINGS_SCREENS = ['BackupPanel.tsx', 'DesktopBackups.tsx'].map((file) =>
  readFileSync(new URL(`../../../renderer/features/settings/${file}`, import.meta.url), 'utf8'),
);

describe('the not-a-backup refusal', () => {
  it('names the Settings button that makes a backup', () => {
    expect(BACKUP_MESSAGES.notBackup).toBe(
      'This file is not a TEM Desk backup (a .temdesk file made with "Download backup" in Settings); nothing was changed.',
    );
    const named = [...BACKUP_MESSAGES.notBackup.matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(named.length).toBeGreaterThan(0);
    for (const name of named) {
      // The button's text stands alone on its line in the JSX.
      const shown = SETTINGS_SCREENS.some((source) =>
        source.split('\n').some((line) => line.trim() === name),
      );
      expect(shown, `no Settings button reads "${name}"`).toBe(true);
    }
  });
});
