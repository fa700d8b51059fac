/**
 * A minimal CLI workspace in a temp folder (one site, one line, one contract, a `bills/` folder)
 * and an audit run on it, for tests of how the CLI treats bill files.
 */
import { PINNED_TODAY } from './clock';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../electron/cli/main';
import { buildWorkspace, type Workspace } from '../../electron/cli/workspace';
import { readWorkspaceBackup } from '../../electron/cli/workspace-backup';
import { readTable, sniffTable } from '../../shared/import/table';

/** A workspace folder with `sites.csv`, `inventory.csv`, `contracts.csv` and an empty `bills/`. */
export async function makeCliWorkspace(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  await writeFile(join(dir, 'sites.csv'), 'Site Code,Site Name,Cost Center\nSTR-1,Store 1,4100\n');
  await writeFile(
    join(dir, 'inventory.csv'),
    'Site Code,Carrier,Account Number,Service Type,Service ID\nSTR-1,Lumen,5-KE4X-001,mobile,555-010-0001\n',
  );
  await writeFile(
    join(dir, 'contracts.csv'),
    'Contract ID,Carrier,Accounts,Start Date,Term Months\nLU-1,Lumen,5-KE4X-001,2024-01-01,36\n',
  );
  await mkdir(join(dir, 'bills'));
  return dir;
}

/** Runs the CLI with `argv`, capturing what it prints; today is 2026-11-20. */
export async function runCliCaptured(
  argv: readonly string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    now: () => new Date(2026, 10, 20),
  });
  return { code, stdout, stderr };
}

/** Runs `audit` on the workspace's bills into `out/`, with extra arguments. */
export async function auditWorkspace(
  dir: string,
  extra: readonly string[] = [],
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const files = ['sites', 'inventory', 'contracts'].flatMap((name) => [
    `--${name}`,
    join(dir, `${name}.csv`),
  ]);
  const code = await runCli(
    [
      'audit',
      ...files,
      ...['--bills', join(dir, 'bills'), '--out', join(dir, 'out'), '--as-of', '2026-11-20'],
      ...extra,
    ],
    { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) },
  );
  return { code, stdout, stderr };
}

/** The files the audit wrote (none when the folder was never created). */
export async function outputFiles(dir: string): Promise<string[]> {
  return readdir(join(dir, 'out')).catch(() => []);
}

/** The rows of one of the audit's output files (`out/<name>`), by header. */
export async function outputRows(dir: string, name: string): Promise<Record<string, string>[]> {
  const text = (await readFile(join(dir, 'out', name), 'utf8')).replace(/^\uFEFF/, '');
  const sniff = sniffTable(text);
  if (!sniff.ok) throw new Error(`${name} is not a table`);
  const table = readTable(text, sniff.value);
  return table.rows.map((row) =>
    Object.fromEntries(table.header.map((header, i) => [header, row.cells[i] ?? ''])),
  );
}

/**
 * `--workspace month-end.temdesk --bills <files>` as far as the workspace goes: the backup's
 * state, and the bill files (each at its `path`, named by its last segment) read over it.
 */
export function workspaceFromBackup(
  backup: Uint8Array,
  files: readonly { path: string; bytes: Uint8Array }[],
): Workspace {
  return buildWorkspace({
    today: PINNED_TODAY,
    backup: readWorkspaceBackup(backup, 'month-end.temdesk'),
    sites: null,
    inventory: null,
    contracts: null,
    rates: null,
    bills: {
      files: files.map((file) => ({
        path: file.path,
        name: file.path.split('/').pop() ?? file.path,
        bytes: file.bytes,
        hash: createHash('sha256').update(file.bytes).digest('hex'),
      })),
    },
  });
}
