/**
 * A bills folder as Windows and Office leave it: Excel's lock file `~$Bill.xlsx` beside a workbook
 * open in Excel, Explorer's `Thumbs.db` and `desktop.ini`. They are no one's bill and are left
 * out, as dotfiles are; read as bills, each stopped the run as a file that cannot be read.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it, onTestFinished } from 'vitest';
import { auditWorkspace, makeCliWorkspace } from '../helpers/cli-workspace';

/** What Excel writes in `~$Bill.xlsx`: the user's name, padded, in one byte set then in UTF-16. */
function excelLockFile(user: string): Uint8Array {
  const bytes = new Uint8Array(165);
  bytes[0] = user.length;
  bytes.set(new TextEncoder().encode(user), 1);
  bytes.fill(0x20, 1 + user.length, 55);
  for (let i = 0; i < user.length; i += 1) bytes[56 + i * 2] = user.charCodeAt(i);
  return bytes;
}

/** The first bytes of `Thumbs.db`: a compound file, as an old Excel workbook is. */
const THUMBS_DB = Uint8Array.of(
  0xd0,
  0xcf,
  0x11,
  0xe0,
  0xa1,
  0xb1,
  0x1a,
  0xe1,
  ...new Array<number>(504).fill(0),
);

it('reads the bills of a folder and leaves out the files Windows and Excel keep beside them', async () => {
  const dir = await makeCliWorkspace('temdesk-cli-housekeeping-');
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  const bills = join(dir, 'bills');
  await writeFile(
    join(bills, 'Lumen October.csv'),
    'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Category,Amount\nLumen,5-KE4X-001,754240482,2026-10-01,555-010-0001,MRC,850.00\n',
  );
  await writeFile(join(bills, '~$Lumen November.xlsx'), excelLockFile('Dana Finance'));
  await writeFile(join(bills, 'Thumbs.db'), THUMBS_DB);
  await mkdir(join(bills, '2026-11'));
  await writeFile(
    join(bills, '2026-11', 'desktop.ini'),
    '[.ShellClassInfo]\r\nIconResource=C:\\Windows\\System32\\imageres.dll,-184\r\n',
  );
  const run = await auditWorkspace(dir);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('$850.00 billed');
});

it('reads a bill whose name starts with ~$ like a lock file, never leaving it out unread', async () => {
  const dir = await makeCliWorkspace('temdesk-cli-housekeeping-');
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  await writeFile(
    join(dir, 'bills', '~$Lumen October.csv'),
    'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Category,Amount\nLumen,5-KE4X-001,754240482,2026-10-01,555-010-0001,MRC,850.00\n',
  );
  await writeFile(join(dir, 'bills', '~$Lumen November.xlsx'), excelLockFile('Dana Finance'));
  const run = await auditWorkspace(dir);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('$850.00 billed');
});
