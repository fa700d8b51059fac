import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TemDeskDatabase } from '../../renderer/db/database';
import { createDispute, recordCredit } from '../../renderer/db/disputes';
import {
  disputesTable,
  findingsTable,
  readAuditSettings,
  readLastRun,
  runAndSaveAudit,
  setFindingStatus,
  writeAuditSetting,
} from '../../renderer/db/findings';
import { commitImport } from '../../renderer/db/import-commit';
import {
  letterClaim,
  letterCsv,
  loadLetterItems,
  splitExplanation,
} from '../../renderer/features/findings/letter';
import { savingsByMonth, savingsEntries } from '../../shared/audit/savings';
import { isoDate } from '../../shared/dates';
import { cents } from '../../shared/money/cents';
import { makeDraft, makeDraftInvoice, makeDraftLine, textBytes } from '../helpers/drafts';

let db: TemDeskDatabase;
let counter = 0;
const T1 = '2026-10-05T09:00:00.000Z';
const T2 = '2026-11-02T09:00:00.000Z';

/** Two Lumen invoices of one account, each with a late fee on line 3. */
async function importLateFees(): Promise<void> {
  for (const [number, month] of [
    ['INV-9', 9],
    ['INV-10', 10],
  ] as const) {
    const invoice = makeDraftInvoice({
      invoiceNumber: number,
      invoiceDate: isoDate(2026, month, 1),
      // Each bills its own month (the same period and total twice would be a re-sent copy).
      periodStart: isoDate(2026, month - 1, 1),
      periodEnd: isoDate(2026, month - 1, month - 1 === 8 ? 31 : 30),
      sourceFile: `${number}.csv`,
    });
    const lines = [
      makeDraftLine(invoice, 'recurring', 45_00),
      makeDraftLine(invoice, 'late-fee', 12_50, {
        serviceIdRaw: '',
        serviceKey: '',
        description: 'Late Payment Charge',
        sourceRow: 3,
      }),
    ];
    await commitImport(db, {
      uploads: [
        {
          fileName: `${number}.csv`,
          bytes: textBytes(number),
          fileHash: number.padEnd(64, '0'),
          memberNames: [`${number}.csv`],
        },
      ],
      drafts: [makeDraft([invoice], lines)],
    });
  }
}

async function lateFeeIds(): Promise<string[]> {
  const findings = await findingsTable(db).where('ruleId').equals('late-fee').toArray();
  return findings.map((f) => f.id).sort();
}

beforeEach(async () => {
  db = new TemDeskDatabase(`findings-test-${++counter}`);
  await db.open();
  await importLateFees();
});
afterEach(async () => {
  await db.delete();
});

describe('audit runs', () => {
  it('saves the findings with their evidence and a run summary, and never duplicates them', async () => {
    const first = await runAndSaveAudit(db, T1);
    expect(first.byRule['late-fee']?.count).toBe(2);
    const ids = await lateFeeIds();
    expect(ids).toHaveLength(2);
    const stored = await findingsTable(db).get(ids[0] ?? '');
    expect(stored).toMatchObject({ status: 'open', impact: 12_50, firstSeenAt: T1 });
    expect(stored?.evidence?.chargeRefs).toHaveLength(1);
    expect(stored?.evidence?.invoiceId).toBeDefined();
    const total = await findingsTable(db).count();
    await runAndSaveAudit(db, T2);
    expect(await findingsTable(db).count()).toBe(total);
    expect((await readLastRun(db))?.at).toBe(T2);
  });

  it('keeps a dismissed finding dismissed on the next run, with its dated note', async () => {
    await runAndSaveAudit(db, T1);
    const [id = ''] = await lateFeeIds();
    expect(await setFindingStatus(db, [id], 'dismissed', T1, '  Waived by the carrier ')).toBe(1);
    await runAndSaveAudit(db, T2);
    const finding = await findingsTable(db).get(id);
    expect(finding?.status).toBe('dismissed');
    expect(finding?.statusHistory.at(-1)).toEqual({
      status: 'dismissed',
      at: T1,
      note: 'Waived by the carrier',
    });
  });

  it('stores only the thresholds the user changed, and resets one to its default', async () => {
    await writeAuditSetting(db, 'spike', 'percent', 25);
    await writeAuditSetting(db, 'spike', 'minimumCents', 100_00);
    await writeAuditSetting(db, 'spike', 'percent', undefined);
    expect(await readAuditSettings(db)).toEqual({ spike: { minimumCents: 100_00 } });
  });
});

describe('disputes and credits', () => {
  it('groups findings of one account into a dispute, records credits and moves the savings tracker', async () => {
    await runAndSaveAudit(db, T1);
    const ids = await lateFeeIds();
    const created = await createDispute(
      db,
      {
        findingIds: ids,
        carrierReference: 'TKT-77',
        submittedOn: isoDate(2026, 10, 6),
        contact: 'Ann',
      },
      'dispute-1',
      T1,
    );
    expect(created).toMatchObject({
      ok: true,
      value: { claimedAmount: 25_00, status: 'submitted', accountNumber: '5-ACME-001' },
    });
    const disputed = await findingsTable(db).bulkGet(ids);
    expect(disputed.map((f) => [f?.status, f?.disputeId])).toEqual([
      ['disputed', 'dispute-1'],
      ['disputed', 'dispute-1'],
    ]);
    // A finding already in a dispute cannot be claimed twice.
    expect(await createDispute(db, { findingIds: ids }, 'dispute-2', T1)).toMatchObject({
      ok: false,
    });

    if (!created.ok) throw new Error('not created');
    const letter = await loadLetterItems(db, created.value);
    expect(
      letter.map((item) => [item.invoiceNumber, item.lines, item.billed, item.difference]),
    ).toEqual([
      ['INV-9', '3', 12_50, 12_50],
      ['INV-10', '3', 12_50, 12_50],
    ]);

    const partial = await recordCredit(
      db,
      'dispute-1',
      { on: isoDate(2026, 11, 2), amount: cents(10_00) },
      T2,
    );
    expect(partial).toMatchObject({
      ok: true,
      value: { status: 'partially-credited', creditedAmount: 10_00 },
    });
    const full = await recordCredit(
      db,
      'dispute-1',
      { on: isoDate(2026, 11, 20), amount: cents(15_00) },
      T2,
    );
    expect(full).toMatchObject({ ok: true, value: { status: 'credited', creditedAmount: 25_00 } });
    expect((await findingsTable(db).bulkGet(ids)).map((f) => f?.status)).toEqual([
      'credited',
      'credited',
    ]);

    const findings = await findingsTable(db).toArray();
    const savings = savingsByMonth(savingsEntries(findings, await disputesTable(db).toArray()));
    expect(savings.find((m) => m.month === '2026-10')).toMatchObject({
      disputed: 25_00,
      recovered: 0,
    });
    expect(savings.find((m) => m.month === '2026-11')).toMatchObject({ recovered: 25_00 });
  });

  it('refuses a dispute across accounts and a credit that is not positive', async () => {
    await runAndSaveAudit(db, T1);
    const [id = ''] = await lateFeeIds();
    await findingsTable(db).update(id, { subject: { carrierId: 'other', accountNumber: 'X' } });
    expect(await createDispute(db, { findingIds: await lateFeeIds() }, 'd', T1)).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringContaining('one carrier account') }],
    });
    expect(
      await recordCredit(db, 'd', { on: isoDate(2026, 11, 2), amount: cents(0) }, T2),
    ).toMatchObject({ ok: false });
  });

  it('refuses a dispute of a finding with no money at stake, naming it, and changes nothing', async () => {
    await runAndSaveAudit(db, T1);
    const [feeId = ''] = await lateFeeIds();
    const fee = await findingsTable(db).get(feeId);
    if (fee === undefined) throw new Error('no late fee');
    // An informational finding of the same account: it asks the carrier for nothing.
    const { evidence: _evidence, ...plain } = fee;
    await findingsTable(db).put({
      ...plain,
      id: 'renewal-1',
      ruleId: 'renewal-due',
      severity: 'info',
      impact: cents(0),
      subject: { ...fee.subject, serviceIdRaw: 'CIRCUIT-9' },
    });

    const alone = await createDispute(db, { findingIds: ['renewal-1'] }, 'dispute-0', T1);
    expect(alone).toMatchObject({
      ok: false,
      errors: [
        {
          message:
            'A dispute asks the carrier for money at stake; this finding claims none, so it cannot be disputed: Renewal notice due (CIRCUIT-9), $0.00: no money to claim ($0.00).',
        },
      ],
    });
    // With a finding that has money: still refused, naming only the one with none.
    const mixed = await createDispute(db, { findingIds: [feeId, 'renewal-1'] }, 'dispute-1', T1);
    expect(mixed).toMatchObject({
      ok: false,
      errors: [
        {
          message:
            'A dispute asks the carrier for money at stake; 1 of these 2 findings claims none, so leave it out: Renewal notice due (CIRCUIT-9), $0.00: no money to claim ($0.00).',
        },
      ],
    });
    expect(await disputesTable(db).count()).toBe(0);
    expect((await findingsTable(db).bulkGet([feeId, 'renewal-1'])).map((f) => f?.status)).toEqual([
      'open',
      'open',
    ]);
    // A dismissed finding asks for nothing either.
    expect(await setFindingStatus(db, [feeId], 'dismissed', T1, 'Waived')).toBe(1);
    expect(await createDispute(db, { findingIds: [feeId] }, 'dispute-2', T1)).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringContaining('Late fee, $12.50: dismissed.') }],
    });
  });

  it('exports the claim as CSV with exact decimal amounts and a total', async () => {
    await runAndSaveAudit(db, T1);
    const created = await createDispute(db, { findingIds: await lateFeeIds() }, 'dispute-1', T1);
    if (!created.ok) throw new Error('not created');
    const text = new TextDecoder().decode(
      letterCsv(created.value, 'Lumen', await loadLetterItems(db, created.value)),
    );
    expect(text).toContain('Invoice,Invoice date,Lines');
    expect(text).toContain('INV-9,2026-09-01,3');
    expect(text.trim().split('\r\n').at(-1)).toBe('Total,,,,,,,,,,,25.00');
  });

  it('after a partial credit, claims only what is still due, in the letter and its CSV', async () => {
    await runAndSaveAudit(db, T1);
    const created = await createDispute(db, { findingIds: await lateFeeIds() }, 'dispute-1', T1);
    if (!created.ok) throw new Error('not created');
    const credited = await recordCredit(
      db,
      'dispute-1',
      { on: isoDate(2026, 11, 2), amount: cents(10_00) },
      T2,
    );
    if (!credited.ok) throw new Error('not credited');
    const items = await loadLetterItems(db, credited.value);
    expect(letterClaim(credited.value, items)).toEqual({
      claimed: 25_00,
      credited: 10_00,
      stillDue: 15_00,
      beyondClaim: 0,
    });
    const rows = new TextDecoder()
      .decode(letterCsv(credited.value, 'Lumen', items))
      .trim()
      .split('\r\n')
      .slice(-3);
    expect(rows).toEqual([
      'Total disputed,,,,,,,,,,,25.00',
      'Credits received,,,,,,,,,,,-10.00',
      'Still requested,,,,,,,,,,,15.00',
    ]);
  });
});

describe('a finding split over several invoices in the letter', () => {
  it('states the whole amount once; the other rows say they are its shares', () => {
    const message = 'Billed $660.00 over the contract rate (12 invoices).';
    expect(splitExplanation(message, 0, 1)).toBe(message);
    expect(splitExplanation(message, 0, 12)).toBe(
      `${message} Split below by invoice (12 invoices).`,
    );
    expect(splitExplanation(message, 3, 12)).toBe(
      'Share of the item above on this invoice (4 of 12).',
    );
  });
});
