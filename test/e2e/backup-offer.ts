import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { writeBackup } from '../../shared/backup/format';
import { makeConsistentWorkspace, META } from '../unit/backup/workspace';

/** A sound backup of a small workspace, written to `acme.temdesk` in a new temporary folder. */
export function acmeBackupFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'temdesk-acme-')), 'acme.temdesk');
  writeFileSync(file, writeBackup(makeConsistentWorkspace(), META));
  return file;
}

/**
 * Picks `file` with Settings → Restore from backup… (`open` presses the button: a click, or Enter
 * from the keyboard) and returns the summary it offers once the backup checks out.
 */
export async function offerBackup(
  page: Page,
  file: string,
  open: (button: Locator) => Promise<void> = (button) => button.click(),
): Promise<Locator> {
  const chooser = page.waitForEvent('filechooser');
  await open(page.getByRole('button', { name: 'Restore from backup…' }));
  await (await chooser).setFiles(file);
  const summary = page.getByRole('group', { name: 'Backup to restore' });
  await summary.waitFor();
  return summary;
}
