import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TemDeskDatabase } from '../../renderer/db/database';
import { findingsTable, type FindingRecord } from '../../renderer/db/findings';
import { commitImport } from '../../renderer/db/import-commit';
import { loadReport } from '../../renderer/features/dashboard/reportData';
import { RESOLVED_BY_AUDIT_NOTE } from '../../shared/audit/run';
import { isoDate, isoMonth, type IsoMonth } from '../../shared/dates';
import { cents } from '../../shared/money/cents';
import { makeDraft, makeDraftInvoice, makeDraftLine, oneFileUpload } from '../helpers/drafts';

const OCT = isoMonth(2026, 10);
const NOV = isoMonth(2026, 11);
let db: TemDeskDatabase;
let counter = 0;

beforeEach(async () => {
  db = new TemDeskDatabase(`monthly-report-findings-${++counter}`);
  await db.open();
  for (const [number, month] of [
    ['INV-OCT', 10],
    ['INV-NOV', 11],
  ] as const) {
    const invoice = makeDraftInvoice({
      invoiceNumber: number,
      invoiceDate: isoDate(2026, month, 1),
      periodStart: isoDate(2026, month - 1, 1),
      periodEnd: isoDate(2026, month - 1, 30),
      sourceFile: `${number}.csv`,
    });
    await commitImport(db, {
      uploads: [oneFileUpload(number)],
      drafts: [makeDraft([invoice], [makeDraftLine(invoice, 'recurring', 100_00)])],
    });
  }
});
afterEach(async () => {
  await db.delete();
});

function finding(
  id: string,
  ruleId: string,
  impact: number,
  period: IsoMonth,
  patch: Partial<FindingRecord> = {},
): FindingRecord {
  return {
    id,
    ruleId,
    severity: 'warning',
    subject: { carrierId: 'lumen', accountNumber: '5-ACME-001', period },
    impact: cents(impact),
    message: id,
    status: 'open',
    statusHistory: [],
    firstSeenAt: '2026-11-02T00:00:00.000Z',
    lastSeenAt: '2026-11-02T00:00:00.000Z',
    ...patch,
  };
}

describe("the monthly report's findings found this month", () => {
  it('counts the findings billed in the month that still stand (open, disputed, credited), each with its share of it', async () => {
    const invoices = await db.invoices.toArray();
    const idOf = (n: string) => invoices.find((i) => i.invoiceNumber === n)?.id ?? '';
    const claims = (lines: number[]) => ({
      claims: { invoiceIds: [idOf('INV-OCT'), idOf('INV-NOV')], lines },
    });
    const closed: Partial<FindingRecord> = {
      status: 'resolved',
      statusHistory: [
        { status: 'resolved', at: '2026-11-02T00:00:00.000Z', note: RESOLVED_BY_AUDIT_NOTE },
      ],
    };
    await findingsTable(db).bulkPut([
      // $55 too much on October's bill and on November's.
      finding('rate', 'rate-mismatch', 110_00, OCT, {
        evidence: claims([0, 0, 0, 55_00, 1, 0, 0, 55_00]),
      }),
      finding('fee', 'late-fee', 25_00, NOV, { evidence: claims([1, 0, 1, 25_00]) }),
      // Closed by themselves when the bills arrived: not found this month.
      finding('missing-1', 'missing-invoice', 0, NOV, closed),
      finding('missing-2', 'missing-invoice', 0, NOV, closed),
      finding('missing-3', 'missing-invoice', 0, NOV, closed),
      finding('dismissed', 'late-fee', 9_00, NOV, { status: 'dismissed' }),
      // A finding dated by its first month (October) whose money is all on November's bill:
      // found in November, not in October.
      finding('rate|more-2', 'rate-mismatch', 7_00, OCT, { evidence: claims([1, 0, 3, 7_00]) }),
      // Found in November and credited since: November's report, read again, still counts it.
      finding('credited', 'late-fee', 12_00, NOV, {
        status: 'credited',
        evidence: claims([1, 0, 2, 12_00]),
      }),
    ]);

    const nov = await loadReport(db, NOV);
    expect(nov).toMatchObject({ foundCount: 4, foundImpact: 99_00, openCount: 3, atStake: 142_00 });
    const oct = await loadReport(db, OCT);
    expect(oct).toMatchObject({ foundCount: 1, foundImpact: 55_00 });
    // The months add up to what they found (at stake now, plus what was credited since).
    expect((nov?.foundImpact ?? 0) + (oct?.foundImpact ?? 0)).toBe((nov?.atStake ?? 0) + 12_00);
  });
});
