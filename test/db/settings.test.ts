import { afterEach, describe, expect, it } from 'vitest';
import { TemDeskDatabase } from '../../renderer/db/database';
import { DEFAULT_SETTINGS, readSettings, writeSetting } from '../../renderer/db/settings';

const db = new TemDeskDatabase('settings-test');
afterEach(async () => {
  await db.settings.clear();
});

describe('settings', () => {
  it('reads defaults when nothing is stored', async () => {
    expect(await readSettings(db)).toEqual(DEFAULT_SETTINGS);
  });

  it('stores each setting under its key and ignores keys it does not know', async () => {
    await writeSetting(db, 'theme', 'dark');
    await db.settings.put({ key: 'someRetiredSetting', value: 1 });
    expect(await readSettings(db)).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
  });
});
