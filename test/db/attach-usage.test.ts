/**
 * A usage-only file imported after its bill, through the app's path (read with the stored
 * invoices' keys, commit, audit): its usage is added to the stored invoice, the usage rules see
 * it, a second import of the same file is refused as already stored, and the attach can be undone.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import {
  attachStoredUsage,
  settleStoredUsage,
  storedInvoiceRefs,
  undoAttachedUsage,
} from '../../renderer/db/attach-usage';
import { TemDeskDatabase } from '../../renderer/db/database';
import { createBackup } from '../../renderer/db/backup';
import { loadAuditSnapshot, runAndSaveAudit, writeAuditSetting } from '../../renderer/db/findings';
import { auditSnapshot } from '../../electron/cli/audit-command';
import { workspaceFromBackup } from '../helpers/cli-workspace';
import { runAudit } from '../../shared/audit/run';
import { isoDate } from '../../shared/dates/iso-date';
import { commitImport } from '../../renderer/db/import-commit';
import type { UploadedFile } from '../../shared/import/archive';
import type { BillDraft } from '../../shared/import/draft';
import type { UsageRecord } from '../../shared/model';
import { readBills, type ReadOutcome } from '../../shared/import/read-bill';
import { uploadsFor } from '../helpers/doors';
import { usageImportUndo } from '../../renderer/db/undo-usage-import';
import { auditInputs } from '../../renderer/features/findings/useAutoAudit';
import { makeService } from '../helpers/inventory';

const NOW = '2026-03-20T12:00:00.000Z';
let db: TemDeskDatabase;
let counter = 0;
beforeEach(async () => {
  db = new TemDeskDatabase(`attach-usage-${++counter}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

function carrierFile(name: string): UploadedFile {
  const url = new URL(`../fixtures/carriers/${name}`, import.meta.url);
  return { name, bytes: new Uint8Array(readFileSync(url)) };
}

const DETAIL_HEADER =
  'Foundation account,Account number,Wireless number,Market cycle end date,Date,Time,Charge description,Minutes usage,KB usage,Total number of events,Total charges,Source';
/** AT&T usage detail of the summary fixture's cycle: line 0001 used, line 0002 idle all month. */
const detail: UploadedFile = {
  name: 'att-usage-detail-march.csv',
  bytes: new TextEncoder().encode(
    [
      DETAIL_HEADER,
      'F900,287099000001,5550300001,03/02/2026,02/03/2026,08:15,SPRINGFIELD,3,0,0,$0.00,Voice',
      'F900,287099000001,5550300001,03/02/2026,02/05/2026,00:04,KB,0,"2,393",0,$0.00,Data',
      'F900,287099000001,5550300002,03/02/2026,02/06/2026,09:00,SPRINGFIELD,0,0,0,$0.00,Voice',
      'F900,287099000001,5550300002,03/02/2026,02/06/2026,09:00,TEXT,0,0,0,$0.00,Messaging',
    ].join('\r\n'),
  ),
};

async function read(files: UploadedFile[]): Promise<ReadOutcome[]> {
  // As the import page does: read with the stored invoices' keys, then settle the stored usage.
  return settleStoredUsage(db, readBills(files, { storedInvoices: await storedInvoiceRefs(db) }));
}

async function commit(files: UploadedFile[], outcomes: readonly ReadOutcome[]) {
  const drafts = outcomes.flatMap((o): BillDraft[] => (o.kind === 'draft' ? [o.draft] : []));
  const outcome = await commitImport(
    db,
    { uploads: uploadsFor(files, drafts), drafts },
    { now: new Date(NOW) },
  );
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.conflicts));
  return outcome;
}

async function zeroUsageFindings() {
  await runAndSaveAudit(db, NOW);
  return (await db.findings.toArray()).filter((f) => f.ruleId === 'zero-usage');
}

describe('AT&T usage detail imported after its Premier billing summary', () => {
  beforeEach(async () => {
    const summary = carrierFile('att-premier-billing.synthetic.csv');
    await commit([summary], await read([summary]));
    const [account] = await db.accounts.toArray();
    await db.services.add(
      makeService({
        carrierId: account?.carrierId,
        accountId: account?.id,
        serviceIdRaw: '555-030-0002',
        serviceKey: '+15550300002',
      }),
    );
    await writeAuditSetting(db, 'zero-usage', 'months', 1);
  });

  it('adds its usage to the stored invoice in the same import, and the usage rules see it', async () => {
    expect(await zeroUsageFindings()).toEqual([]);
    const [invoice] = await db.invoices.toArray();
    expect(await db.usage.get(invoice?.id ?? '')).toBeUndefined();

    const outcomes = await read([detail]);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ kind: 'draft', draft: { invoices: [] } });
    const done = await commit([detail], outcomes);
    expect(done).toMatchObject({ invoiceIds: [], attachedUsage: 2 });

    expect(await db.invoices.count()).toBe(1);
    const usage = await db.usage.get(invoice?.id ?? '');
    expect(usage?.records.map((r) => [r.serviceKey, r.minutes, r.dataKb, r.messages])).toEqual([
      ['+15550300001', 3, 2393, 0],
      ['+15550300002', 0, 0, 0],
    ]);
    const batch = (await db.importBatches.toArray()).find((b) => b.fileName === detail.name);
    expect(batch?.counts.usageRecords).toBe(2);
    expect(await db.originalFiles.get(batch?.id ?? '')).toBeDefined();

    const findings = await zeroUsageFindings();
    expect(findings.map((f) => f.subject.serviceKey)).toEqual(['+15550300002']);
  });

  it('a second import of the same file is recognised: its usage is already stored', async () => {
    await commit([detail], await read([detail]));
    const again = await read([detail]);
    expect(again).toEqual([
      expect.objectContaining({
        kind: 'unreadable',
        message: expect.stringContaining('is already stored: it was imported earlier') as string,
      }),
    ]);
  });

  it('the attach is undone exactly', async () => {
    const [outcome] = await read([detail]);
    if (outcome?.kind !== 'draft') throw new Error('expected a draft');
    const attached = await db.transaction('rw', db.usage, db.invoices, db.carriers, () =>
      attachStoredUsage(db, [outcome.draft]),
    );
    expect(attached.records).toBe(2);
    expect(await db.usage.count()).toBe(1);
    await db.transaction('rw', db.usage, () => undoAttachedUsage(db, attached));
    expect(await db.usage.count()).toBe(0);
  });

  it('undone through its Undo, the usage rules no longer see that usage', async () => {
    const done = await commit([detail], await read([detail]));
    expect((await zeroUsageFindings()).map((f) => f.subject.serviceKey)).toEqual(['+15550300002']);
    await usageImportUndo(db, done)?.();
    expect(await db.usage.count()).toBe(0);
    // The finding the usage brought is no longer found (kept, resolved, as after any change).
    const after = await zeroUsageFindings();
    expect(after.map((f) => [f.subject.serviceKey, f.status])).toEqual([
      ['+15550300002', 'resolved'],
    ]);
  });

  it('the checks run again after the usage import and after its Undo (their inputs changed)', async () => {
    const start = await auditInputs(db);
    const done = await commit([detail], await read([detail]));
    const imported = await auditInputs(db);
    expect(imported).not.toBe(start);
    await usageImportUndo(db, done)?.();
    expect(await auditInputs(db)).not.toBe(imported);
  });

  it('with no stored bill of that account, the file is still refused naming the bill', async () => {
    await db.invoices.clear();
    const outcomes = await read([detail]);
    expect(outcomes).toEqual([
      expect.objectContaining({
        kind: 'unreadable',
        message: expect.stringContaining('import it together with the AT&T Premier') as string,
      }),
    ]);
  });
});

describe('the CLI from a backup holding the bill, given the usage file alone', () => {
  it("adds the usage to the backup's invoice and finds what the app finds", async () => {
    const summary = carrierFile('att-premier-billing.synthetic.csv');
    await commit([summary], await read([summary]));
    const [account] = await db.accounts.toArray();
    await db.services.add(
      makeService({
        carrierId: account?.carrierId,
        accountId: account?.id,
        serviceIdRaw: '555-030-0002',
        serviceKey: '+15550300002',
      }),
    );
    await writeAuditSetting(db, 'zero-usage', 'months', 1);
    const backup = await createBackup(db, { appVersion: '0.0.0-test', now: new Date(NOW) });

    // The app imports the usage file after the bill.
    await commit([detail], await read([detail]));
    const today = isoDate(2026, 3, 20);
    const appFindings = runAudit(await loadAuditSnapshot(db, today)).findings;

    // The CLI starts from the backup (the bill, no usage) and is given the usage file alone.
    const workspace = workspaceFromBackup(backup, [{ path: detail.name, bytes: detail.bytes }]);
    expect(workspace.invoices).toHaveLength(1);
    expect(workspace.usage.map((r) => [r.serviceKey, r.minutes, r.dataKb, r.messages])).toEqual([
      ['+15550300001', 3, 2393, 0],
      ['+15550300002', 0, 0, 0],
    ]);
    const cliFindings = runAudit(auditSnapshot(workspace, today)).findings;
    const ids = (findings: readonly { id: string }[]) => findings.map((f) => f.id).sort();
    expect(ids(cliFindings)).toEqual(ids(appFindings));
    expect(cliFindings.map((f) => f.ruleId)).toContain('zero-usage');
  });
});

describe('Undo of a Rogers usage archive imported after its bill and an earlier archive', () => {
  const archive = (name: string, members: string[]): UploadedFile => ({
    name,
    bytes: zipSync(
      Object.fromEntries(
        members.map((member) => [member, carrierFile(`rogers/${member}`).bytes] as const),
      ),
    ),
  });
  const sms = archive('Rogers SMS March.zip', ['Header-SMS.txt', 'ALL_CALLS-SMS.txt']);
  const voice = archive('Rogers Voice March.zip', [
    'Header-Voice.txt',
    'ALL_CALLS-Voice.txt',
    'ALL_CALLS-Voice-2.txt',
  ]);
  const figures = async () =>
    (await db.usage.toArray()).map((entry) => ({
      invoiceId: entry.invoiceId,
      records: [...entry.records].sort((a, b) => a.serviceKey.localeCompare(b.serviceKey)),
    }));

  it('takes back exactly the figures it added, with its batch and file; earlier figures stay', async () => {
    const bill = carrierFile('rogers-bill.temdesk.csv');
    await commit([bill], await read([bill]));
    await commit([sms], await read([sms]));
    const before = await figures();
    const batchesBefore = (await db.importBatches.toArray()).map((b) => b.id).sort();
    expect(before[0]?.records.some((r) => r.messages !== null && r.minutes === null)).toBe(true);

    const done = await commit([voice], await read([voice]));
    const undo = usageImportUndo(db, done);
    if (undo === null) throw new Error('expected an Undo');
    const after = await figures();
    expect(after).not.toEqual(before);
    // The voice archive both filled the minutes of lines the SMS archive had and added new lines.
    expect(done.addedUsage.some((entry) => entry.created)).toBe(true);
    expect(done.addedUsage.some((entry) => !entry.created)).toBe(true);

    await undo();
    expect(await figures()).toEqual(before);
    expect((await db.importBatches.toArray()).map((b) => b.id).sort()).toEqual(batchesBefore);
    expect(await db.originalFiles.count()).toBe(batchesBefore.length);
    // Undone, the archive is new again: its minutes can be imported once more.
    const again = await read([voice]);
    expect(again[0]?.kind).toBe('draft');
  });

  it('leaves the figures another import added since (not a snapshot put back)', async () => {
    const bill = carrierFile('rogers-bill.temdesk.csv');
    const gprs = archive('Rogers data March.zip', ['Header-GPRS.txt', 'ALL_CALLS-GPRS.txt']);
    await commit([bill], await read([bill]));
    await commit([sms], await read([sms]));
    const before = await figures();
    const undo = usageImportUndo(db, await commit([voice], await read([voice])));
    // Data of the same lines arrives after the voice archive: one of them a line only it had.
    await commit([gprs], await read([gprs]));
    const withData = await figures();
    await undo?.();
    const row = (r: UsageRecord) => [r.serviceKey, r.minutes, r.messages, r.dataKb];
    const messagesBefore = new Map(before[0]?.records.map((r) => [r.serviceKey, r.messages]));
    expect((await figures())[0]?.records.map(row)).toEqual(
      withData[0]?.records.map((r) => [
        r.serviceKey,
        null,
        messagesBefore.get(r.serviceKey) ?? null,
        r.dataKb,
      ]),
    );
    expect(withData[0]?.records.map((r) => r.serviceKey)).toEqual([
      '+14165550101',
      '+14165550102',
      '+16475550103',
    ]);
  });

  it('is offered only for an import that added usage alone', async () => {
    const bill = carrierFile('rogers-bill.temdesk.csv');
    const done = await commit([bill], await read([bill]));
    expect(usageImportUndo(db, done)).toBeNull();
  });
});
