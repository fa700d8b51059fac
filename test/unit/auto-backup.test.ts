import { describe, expect, it } from 'vitest';
import { dailyBackupDue } from '../../renderer/features/settings/autoBackup';

describe('daily automatic backup', () => {
  const now = new Date('2026-11-26T12:00:00Z');
  it.each([
    [null, true, true],
    [null, false, false],
    ['2026-11-25T11:59:00Z', true, true],
    ['2026-11-25T12:01:00Z', true, false],
    ['2026-11-26T08:00:00Z', true, false],
  ] as const)('last backup %s, data %s → due %s', (last, hasData, due) => {
    expect(dailyBackupDue(last, hasData, now)).toBe(due);
  });
});
