/**
 * A backup whose audit settings hold a grace period outside its range (saved by an older version):
 * the CLI started from it says so and the check runs with the default.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../renderer/db/backup';
import { TemDeskDatabase } from '../../renderer/db/database';
import { writeAuditSetting } from '../../renderer/db/findings';
import { workspaceFromBackup } from '../helpers/cli-workspace';
import { resolveSettings } from '../../shared/audit/rule';
import { ALL_RULES } from '../../shared/audit/rules';

let db: TemDeskDatabase;
let counter = 0;

beforeEach(() => {
  db = new TemDeskDatabase(`audit-settings-backup-${++counter}`);
});

afterEach(async () => {
  db.close();
  await db.delete();
});

async function workspaceFrom(graceDays: number) {
  await writeAuditSetting(db, 'missing-invoice', 'graceDays', graceDays);
  const backup = await createBackup(db, {
    appVersion: '0.0.0-test',
    now: new Date('2026-11-30T12:00:00Z'),
  });
  return workspaceFromBackup(backup, []);
}

describe('the CLI started from a backup with an out-of-range grace period', () => {
  it('says which threshold it cannot use, and the check runs with the default', async () => {
    const workspace = await workspaceFrom(400);
    expect(workspace.notices).toContain(
      "The backup's audit settings hold a threshold the checks cannot use: Invoice missing (missing-invoice): Days after the bill date before it counts as missing must be a whole number from 0 to 90 days; 400 is not. The check uses its default, 10 days.",
    );
    const rule = ALL_RULES.find((candidate) => candidate.id === 'missing-invoice');
    expect(
      resolveSettings(workspace.settings ?? {}, 'missing-invoice', rule?.settings ?? []),
    ).toEqual({ graceDays: 10 });
  });

  it('says nothing of a grace period within the range, and uses it', async () => {
    const workspace = await workspaceFrom(30);
    expect(workspace.notices.filter((notice) => notice.includes('threshold'))).toEqual([]);
    expect(workspace.settings?.['missing-invoice']).toEqual({ graceDays: 30 });
  });
});
