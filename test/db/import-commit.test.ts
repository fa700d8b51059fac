import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyApprovalPolicy, saveApprovalPolicy } from '../../renderer/db/approvals';
import { loadChargeLines } from '../../renderer/db/charges';
import { TemDeskDatabase } from '../../renderer/db/database';
import { findingsTable, type FindingRecord } from '../../renderer/db/findings';
import { loadInvoiceFindings, loadInvoiceRows } from '../../renderer/db/invoices';
import {
  commitImport,
  findImportConflicts,
  type ImportToCommit,
} from '../../renderer/db/import-commit';
import { DEFAULT_APPROVAL_POLICY } from '../../shared/billing/approval-policy';
import { cents } from '../../shared/money/cents';
import { isoDate, isoMonth } from '../../shared/dates';
import {
  draftWithPackedLines,
  packedLinesOf,
  packedUsageOf,
} from '../../shared/import/packed-drafts';
import { packDraftUsage } from '../../shared/import/packed-usage';
import { packDraftLines } from '../../shared/import/packed-lines';
import type { Invoice } from '../../shared/model';
import { findingRows } from '../../renderer/features/findings/rows';
import { makeDraft, makeDraftInvoice, makeDraftLine, textBytes } from '../helpers/drafts';
import { countInvoiceWrites, decisionsOf } from '../helpers/invoice-writes';

let db: TemDeskDatabase;
let counter = 0;
beforeEach(async () => {
  db = new TemDeskDatabase(`commit-test-${++counter}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

/** One uploaded file holding `invoiceNumbers`, each with a recurring line and an account-level tax. */
function upload(
  fileName: string,
  hash: string,
  invoiceNumbers: string[],
  amount = 100_00,
): ImportToCommit {
  const invoices = invoiceNumbers.map((invoiceNumber) =>
    makeDraftInvoice({ invoiceNumber, sourceFile: fileName, statedTotal: cents(amount + 5_25) }),
  );
  const lines = invoices.flatMap((invoice) => [
    makeDraftLine(invoice, 'recurring', amount),
    makeDraftLine(invoice, 'tax', 5_25, {
      serviceIdRaw: '',
      serviceKey: null,
      description: 'State 911',
    }),
  ]);
  return {
    uploads: [
      {
        fileName,
        bytes: textBytes(`${fileName} ${hash}`),
        fileHash: hash.padEnd(64, '0'),
        memberNames: [fileName],
      },
    ],
    drafts: [makeDraft(invoices, lines)],
  };
}

function together(...imports: ImportToCommit[]): ImportToCommit {
  return { uploads: imports.flatMap((i) => i.uploads), drafts: imports.flatMap((i) => i.drafts) };
}

async function counts() {
  return {
    batches: await db.importBatches.count(),
    files: await db.originalFiles.count(),
    invoices: await db.invoices.count(),
    blocks: await db.chargeBlocks.count(),
    usage: await db.usage.count(),
    serviceTotals: await db.serviceTotals.count(),
    carriers: await db.carriers.count(),
    accounts: await db.accounts.count(),
  };
}

describe('committing an import', () => {
  it('stores batch, original file, carrier, account, invoices with aggregates, lines and usage together', async () => {
    const outcome = await commitImport(db, upload('lumen-2026-09.csv', 'a1', ['INV-1', 'INV-2']));
    expect(outcome).toMatchObject({ ok: true, lines: 4, replacedInvoices: 0 });
    expect(await counts()).toEqual({
      batches: 1,
      files: 1,
      invoices: 2,
      blocks: 2,
      usage: 1,
      serviceTotals: 2,
      carriers: 1,
      accounts: 1,
    });

    const stored = (await db.invoices.toArray()).find((i) => i.invoiceNumber === 'INV-1');
    expect(stored).toMatchObject({
      linesTotal: 105_25,
      lineCount: 2,
      statedTotal: 105_25,
      status: 'received',
    });
    expect(stored?.categoryTotals).toEqual({ recurring: 100_00, tax: 5_25 });
    expect(stored?.history?.[0]).toMatchObject({
      status: 'received',
      note: 'Imported from lumen-2026-09.csv',
    });
    const lines = await loadChargeLines(db, stored?.id ?? '');
    expect(lines.map((line) => line.amount)).toEqual([100_00, 5_25]);
    const original = await db.originalFiles.toArray();
    expect(new TextDecoder().decode(original[0]?.bytes)).toBe('lumen-2026-09.csv a1');
    expect(original[0]?.mediaType).toBe('text/csv');
  });

  it('has the approval policy decide the new invoices in the same commit, and none turned off', async () => {
    const now = new Date('2026-12-02T10:00:00Z');
    await commitImport(db, upload('lumen-2026-09.csv', 'a1', ['INV-1']), { now });
    const [decided] = await db.invoices.toArray();
    await saveApprovalPolicy(db, { ...DEFAULT_APPROVAL_POLICY, enabled: false });
    await commitImport(db, upload('lumen-2026-10.csv', 'b2', ['INV-2']), { now });
    const left = (await db.invoices.toArray()).find((i) => i.invoiceNumber === 'INV-2');
    expect(decided?.approval).toMatchObject({ decidedBy: 'policy', outcome: 'review' });
    expect(left).toBeDefined();
    expect(left?.approval).toBeUndefined();
  });

  it('writes each new invoice once, decided, as the policy run after the import would decide it', async () => {
    const now = new Date('2026-12-02T10:00:00Z');
    // The id of every invoice written to the table, once per write IndexedDB is asked for.
    const counted = new TemDeskDatabase(`commit-test-counted-${++counter}`);
    const writes = countInvoiceWrites(counted);
    // The same imports decided the old way: stored undecided, then the policy run over them.
    const after = new TemDeskDatabase(`commit-test-after-${++counter}`);
    await Promise.all([counted.open(), after.open()]);
    try {
      const months: [string, string, string[], number][] = [
        ['lumen-2026-08.csv', 'c1', ['INV-8'], 100_00],
        ['lumen-2026-09.csv', 'c2', ['INV-9', 'INV-9B'], 100_00],
        ['lumen-2026-10.csv', 'c3', ['INV-10'], 180_00],
        ['lumen-2026-11.csv', 'c4', ['INV-11'], 101_00],
      ];
      for (const [fileName, hash, numbers, amount] of months) {
        writes.length = 0;
        const outcome = await commitImport(counted, upload(fileName, hash, numbers, amount), {
          now,
        });
        const added = outcome.ok ? outcome.invoiceIds : [];
        expect(added).toHaveLength(numbers.length);
        for (const id of added) expect(writes.filter((written) => written === id)).toHaveLength(1);
        await commitImport(after, upload(fileName, hash, numbers, amount), {
          now,
          approvalPolicy: false,
        });
        await applyApprovalPolicy(after, now);
      }
      const decided = await decisionsOf(counted);
      expect(decided).toEqual(await decisionsOf(after));
      // Decided, some one way and some the other: the comparison holds something.
      expect(decided.every((invoice) => invoice.approval?.decidedBy === 'policy')).toBe(true);
      expect(new Set(decided.map((invoice) => invoice.approval?.outcome)).size).toBe(2);
    } finally {
      await Promise.all([counted.delete(), after.delete()]);
    }
  });

  it('recognises the same file imported twice and refuses it, writing nothing', async () => {
    await commitImport(db, upload('lumen-2026-09.csv', 'a1', ['INV-1']));
    const before = await counts();
    const again = await commitImport(db, upload('copy of lumen.csv', 'a1', ['INV-1']));
    expect(again).toEqual({
      ok: false,
      conflicts: [
        expect.objectContaining({
          kind: 'file-already-imported',
          fileName: 'copy of lumen.csv',
          previousFileName: 'lumen-2026-09.csv',
        }),
      ],
    });
    expect(await counts()).toEqual(before);
  });

  it('recognises the same invoice arriving in another file, and replaces it only on purpose', async () => {
    await commitImport(db, upload('first.csv', 'a1', ['INV-1'], 100_00));
    const other = upload('second.csv', 'b2', ['INV-1'], 90_00);
    expect(await findImportConflicts(db, other)).toEqual([
      expect.objectContaining({
        kind: 'invoice-exists',
        invoiceNumber: 'INV-1',
        existingFileName: 'first.csv',
      }),
    ]);
    expect((await commitImport(db, other)).ok).toBe(false);

    const replaced = await commitImport(db, other, { replace: true });
    expect(replaced).toMatchObject({ ok: true, replacedInvoices: 1 });
    const invoices = await db.invoices.toArray();
    expect(invoices).toHaveLength(1);
    expect(invoices[0]?.linesTotal).toBe(95_25);
    expect(await db.chargeBlocks.count()).toBe(1);
    expect(await db.usage.count()).toBe(1);
  });

  it('refuses one invoice twice in the same import even with replace', async () => {
    const outcome = await commitImport(
      db,
      together(upload('a.csv', 'a1', ['INV-9']), upload('b.csv', 'b2', ['INV-9'])),
      { replace: true },
    );
    expect(outcome).toEqual({
      ok: false,
      conflicts: [expect.objectContaining({ kind: 'invoice-repeated', otherFileName: 'a.csv' })],
    });
    expect((await counts()).invoices).toBe(0);
  });

  it('leaves nothing behind when it fails midway', async () => {
    const good = upload('good.csv', 'a1', ['INV-1']);
    const bad = upload('bad.csv', 'b2', ['INV-2']);
    // A line whose category is not one we can store: packing throws after the first upload's writes.
    const broken: ImportToCommit = {
      uploads: bad.uploads,
      drafts: bad.drafts.map((draft) => ({
        ...draft,
        lines: draft.lines.map((line) => ({ ...line, category: 'bogus' as never })),
      })),
    };
    await expect(commitImport(db, together(good, broken))).rejects.toThrow(
      /Unknown charge category/,
    );
    expect(await counts()).toEqual({
      batches: 0,
      files: 0,
      invoices: 0,
      blocks: 0,
      usage: 0,
      serviceTotals: 0,
      carriers: 0,
      accounts: 0,
    });
  });
});

/** `invoices` invoices of `perInvoice` lines each: more blocks than one write holds. */
function large(invoices: number, perInvoice: number): ImportToCommit {
  const made = Array.from({ length: invoices }, (_, i) =>
    makeDraftInvoice({ invoiceNumber: `BIG-${i}`, sourceFile: 'big.csv', statedTotal: null }),
  );
  const lines = made.flatMap((invoice) =>
    Array.from({ length: perInvoice }, (_, row) =>
      makeDraftLine(invoice, 'recurring', 1_00 + row, { sourceRow: row + 2 }),
    ),
  );
  return {
    uploads: [
      {
        fileName: 'big.csv',
        bytes: textBytes('big'),
        fileHash: 'b'.repeat(64),
        memberNames: ['big.csv'],
      },
    ],
    drafts: [makeDraft(made, lines)],
  };
}

describe('a large import, written as it is packed', () => {
  it('stores every line of every invoice, in order', async () => {
    const input = large(60, 1_000);
    const outcome = await commitImport(db, input);
    if (!outcome.ok) throw new Error('refused');
    expect(outcome.lines).toBe(60_000);
    expect((await counts()).blocks).toBe(60);
    const last = outcome.invoiceIds.at(-1) ?? '';
    const stored = await loadChargeLines(db, last);
    expect(stored.map((line) => line.amount)).toEqual(
      input.drafts[0]?.lines.slice(59_000).map((line) => line.amount),
    );
  });

  it('leaves nothing behind when it fails after blocks were written', async () => {
    const broken = upload('bad.csv', 'b2', ['INV-2']);
    const input = together(large(60, 1_000), {
      uploads: broken.uploads,
      drafts: broken.drafts.map((draft) => ({
        ...draft,
        lines: draft.lines.map((line) => ({ ...line, category: 'bogus' as never })),
      })),
    });
    await expect(commitImport(db, input)).rejects.toThrow(/Unknown charge category/);
    expect(Object.values(await counts()).every((count) => count === 0)).toBe(true);
  });
});

describe('a draft whose lines came packed from the worker', () => {
  it('is checked and stored exactly as with line objects, without building them', async () => {
    const big = large(12, 1_500);
    const [first] = big.drafts;
    if (first === undefined) throw new Error('no draft');
    const draft = {
      ...first,
      usage: first.invoices.flatMap((invoice, i) =>
        Array.from({ length: 30 }, (_, k) => ({
          invoiceKey: invoice.key,
          serviceIdRaw: `555-010-${String(k).padStart(4, '0')}`,
          serviceKey: `+1555010${String(k).padStart(4, '0')}`,
          month: isoMonth(2026, 8),
          minutes: k * i,
          messages: k % 3 === 0 ? null : k,
          dataKb: 1_024 * k,
          sourceFile: 'big.csv',
          sourceRow: 2 + k,
        })),
      ),
    };
    const input = { ...big, drafts: [draft] };
    const { lines, usage, ...rest } = draft;
    const packed = draftWithPackedLines(rest, packDraftLines(lines), packDraftUsage(usage));
    expect(await findImportConflicts(db, { ...input, drafts: [packed] })).toEqual([]);
    const now = new Date('2026-12-02T10:00:00Z');
    const outcome = await commitImport(db, { ...input, drafts: [packed] }, { now });
    if (!outcome.ok) throw new Error('refused');
    expect(packedLinesOf(packed)).toBeDefined();
    expect(packedUsageOf(packed)).toBeDefined();
    expect(outcome.lines).toBe(18_000);

    const other = new TemDeskDatabase(`commit-test-objects-${counter}`);
    await other.open();
    try {
      const same = await commitImport(other, input, { now });
      if (!same.ok) throw new Error('refused');
      const strip = ({ id: _id, importBatchId: _b, carrierId: _c, parts, ...rest }: Invoice) => ({
        ...rest,
        parts: parts?.map(({ importBatchId: _p, ...part }) => part),
      });
      for (const [i, id] of outcome.invoiceIds.entries()) {
        const twin = same.invoiceIds[i] ?? '';
        const invoice = await db.invoices.get(id);
        const objects = await other.invoices.get(twin);
        if (invoice === undefined || objects === undefined) throw new Error('not stored');
        expect(strip(invoice)).toEqual(strip(objects));
        const a = (await loadChargeLines(db, id)).map(({ invoiceId: _i, ...line }) => line);
        const b = (await loadChargeLines(other, twin)).map(({ invoiceId: _i, ...line }) => line);
        expect(a).toEqual(b);
        const { invoiceId: _t, ...totals } = (await db.serviceTotals.get(id)) ?? {};
        const { invoiceId: _u, ...twinTotals } = (await other.serviceTotals.get(twin)) ?? {};
        expect(totals).toEqual(twinTotals);
        const { invoiceId: _v, records } = (await db.usage.get(id)) ?? { records: [] };
        expect(records).toHaveLength(30);
        expect(records.map(({ invoiceId: _r, ...record }) => record)).toEqual(
          ((await other.usage.get(twin))?.records ?? []).map(({ invoiceId: _r, ...r }) => r),
        );
      }
    } finally {
      await other.delete();
    }
  });
});

describe('invoice rows', () => {
  it('count the open and disputed findings of each invoice, not the dismissed ones', async () => {
    await commitImport(db, upload('lumen.csv', 'a1', ['INV-1', 'INV-2']));
    const [invoice] = await db.invoices.toArray();
    if (!invoice) throw new Error('no invoice');
    const finding = (
      id: string,
      status: 'open' | 'disputed' | 'dismissed',
      invoiceNumber = 'INV-1',
    ) => ({
      id,
      ruleId: 'late-fee',
      severity: 'warning' as const,
      subject: {
        carrierId: invoice.carrierId,
        accountNumber: invoice.accountNumber,
        invoiceNumber,
      },
      impact: cents(5_00),
      message: 'Late fee',
      status,
      statusHistory: [],
      firstSeenAt: '2026-10-01T00:00:00.000Z',
      lastSeenAt: '2026-10-01T00:00:00.000Z',
    });
    await db.findings.bulkAdd([
      finding('f1', 'open'),
      finding('f2', 'disputed'),
      finding('f3', 'dismissed'),
      finding('f4', 'open', 'INV-2'),
    ]);
    const rows = await loadInvoiceRows(db, new Date('2026-10-02T00:00:00Z'));
    expect(Object.fromEntries(rows.map((row) => [row.invoiceNumber, row.findings]))).toEqual({
      'INV-1': 2,
      'INV-2': 1,
    });
    expect(rows[0]?.carrier).toBe('Lumen');
  });

  it('count a finding over several months on every invoice it covers, and list it on each', async () => {
    await commitImport(db, upload('lumen.csv', 'a1', ['INV-1', 'INV-2', 'INV-3']));
    const invoices = await db.invoices.toArray();
    const [first] = invoices;
    if (!first) throw new Error('no invoice');
    await db.findings.add({
      id: 'rate|1',
      ruleId: 'rate-mismatch',
      severity: 'error',
      subject: {
        carrierId: first.carrierId,
        accountNumber: first.accountNumber,
        invoiceNumber: 'INV-1',
        invoiceNumbers: ['INV-1', 'INV-2'],
      },
      impact: cents(24_00),
      message: '$24.00 over on 2026-09 to 2026-10',
      status: 'open',
      statusHistory: [],
      firstSeenAt: '2026-10-01T00:00:00.000Z',
      lastSeenAt: '2026-10-01T00:00:00.000Z',
    });
    const rows = await loadInvoiceRows(db, new Date('2026-10-02T00:00:00Z'));
    expect(Object.fromEntries(rows.map((row) => [row.invoiceNumber, row.findings]))).toEqual({
      'INV-1': 1,
      'INV-2': 1,
      'INV-3': 0,
    });
    const second = invoices.find((invoice) => invoice.invoiceNumber === 'INV-2');
    if (!second) throw new Error('no INV-2');
    expect((await loadInvoiceFindings(db, second)).map((finding) => finding.id)).toEqual([
      'rate|1',
    ]);
  });

  it('count a finding about a service on the invoice it was found on, as the Findings page filters it', async () => {
    await commitImport(db, upload('lumen.csv', 'a1', ['INV-1', 'INV-2']));
    const invoices = await db.invoices.toArray();
    const second = invoices.find((invoice) => invoice.invoiceNumber === 'INV-2');
    if (!second) throw new Error('no INV-2');
    // An unused line: its subject is the service and its first month, no invoice; its evidence is
    // the latest invoice it was found on (as the audit stores it).
    const unused: FindingRecord = {
      id: 'zero|1',
      ruleId: 'zero-usage',
      severity: 'warning',
      subject: {
        carrierId: second.carrierId,
        accountNumber: second.accountNumber,
        serviceKey: '+15550100709',
        serviceIdRaw: '555-010-0709',
        period: isoMonth(2026, 9),
      },
      impact: cents(42_00),
      message: 'No usage for 2 months',
      status: 'open',
      statusHistory: [],
      firstSeenAt: '2026-10-01T00:00:00.000Z',
      lastSeenAt: '2026-10-01T00:00:00.000Z',
      evidence: { invoiceId: second.id },
    };
    await findingsTable(db).add(unused);
    const rows = await loadInvoiceRows(db, new Date('2026-10-02T00:00:00Z'));
    expect(Object.fromEntries(rows.map((row) => [row.invoiceNumber, row.findings]))).toEqual({
      'INV-1': 0,
      'INV-2': 1,
    });
    expect((await loadInvoiceFindings(db, second)).map((finding) => finding.id)).toEqual([
      'zero|1',
    ]);
    // The Findings page, filtered to each invoice, shows what the grid counts there.
    const [row] = findingRows(
      [unused],
      { carriers: [], services: [], sites: [], invoices },
      isoDate(2026, 10, 2),
    );
    for (const invoice of invoices)
      expect(row?.invoiceIds.includes(invoice.id) ? 1 : 0).toBe(
        rows.find((r) => r.id === invoice.id)?.findings,
      );
  });
});
