/**
 * One engine, started from a backup: the app imports bills (one file only a saved column mapping
 * can read), the user changes an audit threshold and files a dispute; then the app imports the
 * month's new bills. The CLI, started from a backup of the app as it was before those new bills
 * (made by the app's own backup writer) and given the same new bills, finds exactly what the app
 * finds; a bill already in the backup is recognised as a copy, not counted twice.
 */
import { PINNED_TODAY } from '../helpers/clock';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMonthInput } from '../../renderer/db/chargeback';
import { createBackup } from '../../renderer/db/backup';
import { readWithCompanions } from '../../renderer/db/companions';
import { TemDeskDatabase } from '../../renderer/db/database';
import { createDispute } from '../../renderer/db/disputes';
import {
  findingsTable,
  loadAuditSnapshot,
  runAndSaveAudit,
  writeAuditSetting,
} from '../../renderer/db/findings';
import { commitImport } from '../../renderer/db/import-commit';
import { addCostCenter } from '../../renderer/db/inventory';
import { commitSiteImport } from '../../renderer/db/inventory-import';
import { readSiteRows } from '../../shared/inventory/sites-file';
import { readTabularFile } from '../../shared/inventory/table-file';
import { auditSnapshot, repeatedInvoiceFindings } from '../../electron/cli/audit-command';
import { allocateWorkspace } from '../../electron/cli/chargeback-command';
import { CliError } from '../../electron/cli/inputs';
import { buildWorkspace, type Workspace } from '../../electron/cli/workspace';
import { readWorkspaceBackup } from '../../electron/cli/workspace-backup';
import { billFileNames } from '../../electron/cli/workspace-bills';
import { allocateMonth } from '../../shared/allocation/allocate';
import { optimisationReport } from '../../shared/audit/optimisation';
import { optimisationCsv } from '../../shared/audit/optimisation-export';
import { runAudit } from '../../shared/audit/run';
import { isoDate, isoMonth } from '../../shared/dates/iso-date';
import type { UploadedFile } from '../../shared/import/archive';
import { headerSignature, type ColumnMapping } from '../../shared/import/mapping';
import { readBills } from '../../shared/import/read-bill';
import { generateSampleCompany } from '../../shared/sample';
import { splitVerizonBillSet } from '../fixtures/generate/bill-sets';
import {
  answerOf,
  storedRecords,
  throughApp,
  uploadsFor,
  type BillSet,
  type DiskFile,
  type DoorAnswer,
} from '../helpers/doors';
import { runCliCaptured, workspaceFromBackup } from '../helpers/cli-workspace';

const END_MONTH = isoMonth(2026, 10);
const AS_OF = isoDate(2026, 11, 20);
const NOW = new Date(`${AS_OF}T12:00:00Z`);

/** A fiber carrier's own export: no built-in layout reads these columns. */
const ACME_HEADER = ['Acct Ref', 'Bill No', 'Bill Dt', 'Circuit Ref', 'Item', 'Charge'];

function acmeBill(path: string, invoice: string, date: string, amounts: string[]): DiskFile {
  const rows = amounts.map(
    (amount, i) =>
      `ACME-77,${invoice},${date},ACM/FIB/00${i + 1},Dedicated fiber ${i + 1},${amount}`,
  );
  return {
    path,
    bytes: new TextEncoder().encode(`${[ACME_HEADER.join(','), ...rows].join('\n')}\n`),
  };
}

const ACME_MAPPING: ColumnMapping = {
  id: 'mapping-acme',
  signature: headerSignature(ACME_HEADER),
  carrierName: 'Acme Fiber',
  columns: {
    'Acct Ref': 'accountNumber',
    'Bill No': 'invoiceNumber',
    'Bill Dt': 'invoiceDate',
    'Circuit Ref': 'serviceId',
    Item: 'description',
    Charge: 'amount',
  },
  dateOrder: 'MDY',
  decimal: '.',
  signConvention: 'as-is',
  defaultCategory: 'recurring',
};

let db: TemDeskDatabase;
let counter = 0;
beforeEach(async () => {
  db = new TemDeskDatabase(`parity-backup-${++counter}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** Imports files in the app as a user does: read with the saved mappings, then one commit. */
async function importInApp(files: readonly DiskFile[]): Promise<void> {
  // Named as the CLI names them (each file's name, unique among the run's files).
  const names = billFileNames(files);
  const picked: UploadedFile[] = files.map((file, i) => ({
    name: names[i] ?? file.path,
    bytes: file.bytes,
  }));
  const savedMappings = await db.columnMappings.toArray();
  const { outcomes } = await readWithCompanions(db, picked, async (all) =>
    readBills(all, { savedMappings }),
  );
  const drafts = outcomes.flatMap((o) => (o.kind === 'draft' ? [o.draft] : []));
  const problems = outcomes.filter((o) => o.kind !== 'draft');
  if (problems.length > 0) throw new Error(`bills not read: ${JSON.stringify(problems)}`);
  const outcome = await commitImport(
    db,
    { uploads: uploadsFor(picked, drafts), drafts },
    { now: NOW },
  );
  if (!outcome.ok) throw new Error(`import refused: ${JSON.stringify(outcome.conflicts)}`);
}

/** The app's answer now: its stored state audited as of {@link AS_OF}. */
async function appAnswer(): Promise<DoorAnswer> {
  const snapshot = await loadAuditSnapshot(db, AS_OF);
  return answerOf(
    await storedRecords(db),
    runAudit(snapshot).findings,
    allocateMonth(await loadMonthInput(db, END_MONTH)),
    [],
    optimisationCsv(optimisationReport(snapshot, AS_OF).lines),
  );
}

function tableOf(name: string, text: string) {
  const table = readTabularFile(name, new TextEncoder().encode(text));
  if (!table.ok) throw new Error(JSON.stringify(table.errors));
  return table.value;
}

/** The CLI's answer: `audit --workspace backup.temdesk --bills <files>`. */
function cliAnswer(workspace: Workspace): DoorAnswer & { workspace: Workspace } {
  const snapshot = auditSnapshot(workspace, AS_OF);
  const answer = answerOf(
    workspace,
    [...runAudit(snapshot).findings, ...repeatedInvoiceFindings(workspace)],
    allocateWorkspace(workspace, END_MONTH),
    [],
    optimisationCsv(optimisationReport(snapshot, AS_OF).lines),
  );
  return { ...answer, workspace };
}

function fromBackup(backup: Uint8Array, files: readonly DiskFile[]): Workspace {
  return workspaceFromBackup(backup, files);
}

describe('the CLI started from a backup of the app', () => {
  it('finds what the app finds on the same new bills, with its settings, disputes and saved mappings', async () => {
    const company = generateSampleCompany({ months: 6, scale: 0.1, endMonth: END_MONTH });
    const set = splitVerizonBillSet(company);
    const all = set.imports.flat();
    const isNew = (file: DiskFile) => file.path.includes(END_MONTH);
    const newBills = all.filter(isNew);
    const oldBills = all.filter((file) => !isNew(file));
    expect(newBills.length).toBeGreaterThan(0);
    expect(oldBills.length).toBeGreaterThan(newBills.length);

    // The organisation and the old bills, through the app's real door.
    const acmeOld = acmeBill('bills/acme/acme-2026-09.csv', 'AF-2609', '09/01/2026', [
      '400.00',
      '250.00',
    ]);
    // A third circuit on the new bill: a spike. (A circuit first billed at $400 on the account's
    // first bill and at $1,400 on the next reads as a prorated first month, not as a spike.)
    const acmeNew = acmeBill('bills/acme/acme-2026-10.csv', 'AF-2610', '10/01/2026', [
      '400.00',
      '250.00',
      '1000.00',
    ]);
    const oldSet: BillSet = { ...set, imports: [oldBills] };
    await throughApp(db, oldSet, AS_OF, END_MONTH, NOW);
    // A mapping the user saved in the wizard, then the carrier's first bill read with it.
    await db.columnMappings.put(ACME_MAPPING);
    await importInApp([acmeOld]);
    // A threshold changed from its default, and a dispute filed months ago.
    await writeAuditSetting(db, 'rate-mismatch', 'toleranceCents', 2_000);
    await writeAuditSetting(db, 'spike', 'percent', 10);
    await runAndSaveAudit(db, `${AS_OF}T08:00:00.000Z`);
    const stored = await findingsTable(db).toArray();
    const toDispute = stored.find((f) => f.subject.accountNumber !== undefined && f.impact > 0);
    expect(toDispute).toBeDefined();
    const dispute = await createDispute(
      db,
      {
        findingIds: [toDispute?.id ?? ''],
        submittedOn: isoDate(2026, 6, 15),
        carrierReference: 'TKT-1',
      },
      'dispute-1',
      `${AS_OF}T08:00:00.000Z`,
    );
    expect(dispute.ok).toBe(true);

    // The month-end backup, written by the app's own writer.
    const backup = await createBackup(db, { appVersion: '0.0.0-test', now: NOW });

    // The app imports the month's new bills (the Acme one only its saved mapping reads).
    await importInApp([...newBills, acmeNew]);
    const app = await appAnswer();

    // The CLI: the backup, the same new bills, and a bill the backup already holds.
    const cli = cliAnswer(fromBackup(backup, [...newBills, acmeNew, acmeOld]));

    expect(cli.invoices).toEqual(app.invoices);
    expect(cli.chargeback).toEqual(app.chargeback);
    expect(cli.optimisation).toBe(app.optimisation);
    // The bill already in the backup: counted once, one duplicate-invoice naming the backup.
    expect(cli.workspace.repeatedInvoices).toHaveLength(1);
    expect(cli.workspace.repeatedInvoices[0]?.firstFiles).toEqual([
      'the --workspace backup (acme-2026-09.csv)',
    ]);
    const repeat = cli.findings.filter((f) => String(f.message).includes('--workspace backup'));
    expect(repeat).toHaveLength(1);
    expect(cli.findings.filter((f) => !repeat.includes(f))).toEqual(app.findings);

    // The backup's state mattered: its settings, its dispute and its invoices changed findings.
    const rules = (answer: DoorAnswer) => answer.findings.map((f) => String(f.ruleId));
    expect(rules(app)).toContain('credit-not-applied');
    expect(
      app.findings.some((f) => String(f.id).includes('Acme Fiber') && f.ruleId === 'spike'),
    ).toBe(true);
    // The command line itself, from the backup file on disk: the same findings in its summary.
    const dir = await mkdtemp(join(tmpdir(), 'temdesk-parity-backup-'));
    try {
      const backupFile = join(dir, 'month-end.temdesk');
      await writeFile(backupFile, backup);
      for (const file of [...newBills, acmeNew, acmeOld]) {
        await mkdir(dirname(join(dir, file.path)), { recursive: true });
        await writeFile(join(dir, file.path), file.bytes);
      }
      const run = await runCliCaptured([
        'audit',
        ...['--workspace', backupFile, '--bills', join(dir, 'bills')],
        ...['--out', join(dir, 'out'), '--as-of', AS_OF],
      ]);
      expect(run.code).toBe(0);
      expect(run.stderr).toContain(`Notice: Starting from the backup "${backupFile}"`);
      expect(run.stdout).toContain(`\n${cli.findings.length} findings (`);
      const fromBackup = cli.workspace.backupInvoices ?? 0;
      expect(fromBackup).toBeGreaterThan(0);
      expect(run.stdout).toContain(
        `: ${cli.workspace.invoices.length} invoices (${fromBackup} from the --workspace backup), ${cli.workspace.lines.length} new charge lines,`,
      );
      const findingsCsv = await readFile(join(dir, 'out', 'findings.csv'), 'utf8');
      expect(findingsCsv).toContain('the --workspace backup (acme-2026-09.csv)');
      const chargeback = await runCliCaptured([
        'chargeback',
        ...['--workspace', backupFile, '--bills', join(dir, 'bills', 'acme', 'acme-2026-10.csv')],
        ...['--month', END_MONTH, '--out', join(dir, 'chargeback.csv')],
      ]);
      expect(chargeback.stderr).not.toContain('Error');
      expect(chargeback.code).toBe(0);
      expect(chargeback.stdout).toContain(
        'the split rules and Chargeback settings kept in the --workspace backup are not applied',
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }

    const withDefaults = cliAnswer({ ...fromBackup(backup, [...newBills, acmeNew]), settings: {} });
    expect(withDefaults.findings).not.toEqual(app.findings);
  });

  it('takes a bill the backup holds with another total for a corrected bill, never for a copy', async () => {
    await db.columnMappings.put(ACME_MAPPING);
    await importInApp([
      acmeBill('bills/acme/acme-2026-09.csv', 'AF-2609', '09/01/2026', ['400.00', '250.00']),
    ]);
    const backup = await createBackup(db, { appVersion: '0.0.0-test', now: NOW });
    const corrected = acmeBill('bills/acme/acme-2026-09-fixed.csv', 'AF-2609', '09/01/2026', [
      '400.00',
      '260.00',
    ]);
    const workspace = fromBackup(backup, [corrected]);
    expect(workspace.repeatedInvoices).toEqual([]);
    expect(workspace.unreadRows.map((row) => [row.file, row.message])).toEqual([
      [
        'acme-2026-09-fixed.csv',
        'Invoice AF-2609 (account ACME-77) is in the --workspace backup (acme-2026-09.csv) with another total: $650.00 there, $660.00 here. A corrected or reissued bill? The backup’s is kept and this file’s rows of the invoice are not read; replace it in the app (import it with Replace) and back up again to audit the new one.',
      ],
    ]);
    // The same bill again is a copy, counted once.
    const copy = fromBackup(backup, [
      acmeBill('bills/acme/acme-2026-09-again.csv', 'AF-2609', '09/01/2026', ['400.00', '250.00']),
    ]);
    expect(copy.unreadRows).toEqual([]);
    expect(copy.repeatedInvoices).toHaveLength(1);
  });

  it('refuses a damaged backup and one from a newer TEM Desk, with a sentence', async () => {
    await db.columnMappings.put(ACME_MAPPING);
    const backup = await createBackup(db, { appVersion: '0.0.0-test', now: NOW });
    const members = unzipSync(backup);
    const manifest = JSON.parse(strFromU8(members['manifest.json'] ?? new Uint8Array())) as {
      schemaVersion: number;
    };
    const mappingsTable = Object.keys(members).find((name) => name.includes('columnMappings'));
    expect(mappingsTable).toBeDefined();
    // A changed mapping: the table no longer matches its checksum.
    const changed = strFromU8(members[mappingsTable ?? ''] ?? new Uint8Array()).replace(
      'Acme Fiber',
      'Acme Fibre',
    );
    const damaged = zipSync({ ...members, [mappingsTable ?? '']: strToU8(changed) });
    expect(() => fromBackup(damaged, [])).toThrow(CliError);
    expect(() => fromBackup(damaged, [])).toThrow(
      /--workspace backup "month-end.temdesk" cannot be used; it has a problem:\n {2}- The backup's contents do not match its checksum \(the "columnMappings" table\)/,
    );
    const newer = zipSync({
      ...members,
      'manifest.json': strToU8(JSON.stringify({ ...manifest, schemaVersion: 99 })),
    });
    expect(() => fromBackup(newer, [])).toThrow(/made by a newer TEM Desk \(schema 99\)/);
    expect(() => fromBackup(backup, [])).not.toThrow();
    expect(() => fromBackup(new TextEncoder().encode('not a zip'), [])).toThrow(CliError);
  });

  it('imports a sites file given with the backup over its sites, as the app would, and says so', async () => {
    await addCostCenter(db, { id: 'cost-center-4100', code: '4100', name: '4100', active: true });
    const sites = readSiteRows(
      tableOf(
        'sites.csv',
        'Site Code,Site Name,Cost Center\nSTR-1,Store 1,4100\nSTR-2,Store 2,4100\n',
      ),
    );
    expect(await commitSiteImport(db, sites.drafts)).toMatchObject({ ok: true, added: 2 });
    const stored = await db.sites.toArray();
    const backup = await createBackup(db, { appVersion: '0.0.0-test', now: NOW });
    const file =
      'Site Code,Site Name,Cost Center\nSTR-2,Store Two (moved),4100\nSTR-3,Store 3,4100\n';
    const workspace = buildWorkspace({
      today: PINNED_TODAY,
      backup: readWorkspaceBackup(backup, 'month-end.temdesk'),
      sites: { name: 'sites.csv', bytes: new TextEncoder().encode(file) },
      inventory: null,
      contracts: null,
      rates: null,
      bills: { files: [] },
    });
    const idOf = (code: string) => stored.find((site) => site.code === code)?.id;
    expect(
      [...workspace.sites]
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((site) => [site.id === idOf(site.code), site.code, site.name]),
    ).toEqual([
      [true, 'STR-1', 'Store 1'],
      [true, 'STR-2', 'Store Two (moved)'],
      [false, 'STR-3', 'Store 3'],
    ]);
    expect(workspace.notices).toContain(
      'The sites file "sites.csv" is imported over the backup\'s sites, as the app would import it: its rows update the records with the same key and add new ones; the backup\'s other records stay.',
    );
  });
});
