import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countOnce, heldClaims } from '../../shared/audit/claims';
import { disputeChoice } from '../../shared/audit/dispute-claim';
import { isoDate } from '../../shared/dates';
import { sumCents } from '../../shared/money/cents';
import { TemDeskDatabase } from '../../renderer/db/database';
import { createDispute } from '../../renderer/db/disputes';
import { findingsTable, runAndSaveAudit, type FindingRecord } from '../../renderer/db/findings';
import {
  letterCsv,
  loadLetterItems,
  type LetterItem,
} from '../../renderer/features/findings/letter';
import { findingRows } from '../../renderer/features/findings/rows';
import { totalsOf } from '../../renderer/features/findings/totals';
import { loadSampleIntoDb } from '../helpers/sample-db';

/**
 * A dispute of the sample company's Comcast account: six findings, among them a missing cost
 * center (no money owed by the carrier) and an out-of-contract finding over 652 charge lines, some
 * of which a closed-site finding already claims. The claim, the letter and its CSV ask for what
 * the Findings page says is at stake, each cent once, and name every invoice of the big finding.
 */
const ACCOUNT = '8495 35 291 4115544';
const NOW = '2026-10-31T12:00:00.000Z';
let db: TemDeskDatabase;
let all: FindingRecord[];
let mine: FindingRecord[];

beforeAll(async () => {
  db = new TemDeskDatabase('dispute-claim-test');
  await db.open();
  await loadSampleIntoDb(db, {});
  await runAndSaveAudit(db, NOW);
  all = await findingsTable(db).toArray();
  mine = all.filter((f) => f.subject.accountNumber === ACCOUNT);
}, 240_000);
afterAll(async () => {
  await db.delete();
});

let disputed: Promise<{ claimed: number; items: LetterItem[]; csv: string }> | undefined;

/** Disputes every finding of the account the form would take (once for the file). */
function disputeAll() {
  disputed ??= openDispute();
  return disputed;
}

async function openDispute(): Promise<{ claimed: number; items: LetterItem[]; csv: string }> {
  const choice = disputeChoice(countOnce(all), mine);
  const created = await createDispute(
    db,
    { findingIds: choice.claimed.map((c) => c.finding.id) },
    'dispute-comcast',
    NOW,
  );
  if (!created.ok) throw new Error(created.errors.map((e) => e.message).join(' '));
  const items = await loadLetterItems(db, created.value);
  const csv = new TextDecoder().decode(letterCsv(created.value, 'Comcast Business', items));
  return { claimed: created.value.claimedAmount, items, csv };
}

describe('a dispute of the sample company Comcast account', () => {
  it('claims the money at stake the Findings page shows, each cent once; the letter and CSV add up to it', async () => {
    const lookups = {
      carriers: [],
      services: [],
      sites: [],
      invoices: await db.invoices.toArray(),
    };
    const atStake = totalsOf(findingRows(mine, lookups, isoDate(2026, 10, 31), countOnce(all)));
    expect(mine).toHaveLength(6);
    expect(atStake.total).toBe(5_461_27);

    const choice = disputeChoice(countOnce(all), mine);
    expect(choice.leftOut.map((l) => [l.finding.ruleId, l.reason])).toEqual([
      [
        'missing-cost-center',
        'an internal allocation gap (no cost center), no money owed by the carrier',
      ],
    ]);
    expect(choice.total).toBe(atStake.total);

    const { claimed, items, csv } = await disputeAll();
    expect(claimed).toBe(5_461_27);
    expect(sumCents(items.map((item) => item.difference))).toBe(5_461_27);
    expect(csv.trimEnd().split('\r\n').at(-1)).toMatch(/^Total,.*,5461\.27$/);
    for (const item of items)
      if (item.billed !== null) expect(item.expected).toBe(item.billed - item.difference);
  });

  it('names every invoice of the out-of-contract finding with what it claims on that invoice', async () => {
    const { items } = await disputeAll();
    const finding = mine.find((f) => f.ruleId === 'out-of-contract');
    if (finding === undefined) throw new Error('no out-of-contract finding');
    // What the finding holds on each invoice: all its lines, not only the 200 it shows.
    const numberOf = new Map((await db.invoices.toArray()).map((i) => [i.id, i.invoiceNumber]));
    const perInvoice = new Map<string, number>();
    for (const line of heldClaims(countOnce(all), finding)) {
      const number = numberOf.get(line.invoiceId) ?? '';
      perInvoice.set(number, (perInvoice.get(number) ?? 0) + line.claim);
    }
    expect(finding.evidence?.chargeRefs).toHaveLength(200);
    expect(perInvoice.size).toBe(7);
    const mineItems = items.filter((item) => item.findingId === finding.id);
    expect(new Map(mineItems.map((item) => [item.invoiceNumber, item.difference]))).toEqual(
      perInvoice,
    );
    expect(sumCents(mineItems.map((item) => item.difference))).toBe(4_344_55);
  });
});
