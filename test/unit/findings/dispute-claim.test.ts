import { describe, expect, it } from 'vitest';
import { claimParts, countOnce } from '../../../shared/audit/claims';
import {
  disputeChoice,
  disputeName,
  disputeNames,
  disputeRefusal,
  type DisputableFinding,
} from '../../../shared/audit/dispute-claim';
import { isoDate } from '../../../shared/dates';
import type { FindingStatus } from '../../../shared/model';
import { cents } from '../../../shared/money/cents';

/** A finding of account A-1 claiming `lines` ([invoice index, row, cents]) of invoices i-0, i-1. */
function finding(
  id: string,
  ruleId: string,
  impact: number,
  lines: [invoice: number, row: number, claim: number][] = [],
  extra: { status?: FindingStatus; disputeId?: string; accountNumber?: string } = {},
): DisputableFinding {
  return {
    id,
    ruleId,
    impact: cents(impact),
    status: extra.status ?? 'open',
    subject: { carrierId: 'comcast', accountNumber: extra.accountNumber ?? 'A-1' },
    ...(extra.disputeId === undefined ? {} : { disputeId: extra.disputeId }),
    evidence: {
      claims: {
        invoiceIds: ['i-0', 'i-1'],
        lines: lines.flatMap(([invoice, row, claim]) => [invoice, 0, row, claim]),
      },
    },
  };
}

describe('what a dispute claims', () => {
  // A closed store's circuit billed $100 on two bills after its contract expired: closed-site
  // claims both lines, out-of-contract $20 of each (already claimed), and $5 on a third line.
  const closed = finding('closed', 'closed-site', 200_00, [
    [0, 1, 100_00],
    [1, 1, 100_00],
  ]);
  const expired = finding('expired', 'out-of-contract', 45_00, [
    [0, 1, 20_00],
    [1, 1, 20_00],
    [1, 2, 5_00],
  ]);
  const all = [
    closed,
    expired,
    finding('gap', 'missing-cost-center', 822_00),
    finding('unknown', 'unknown-service', 136_98),
    finding('renegotiate', 'out-of-contract', 0),
    finding('dismissed', 'late-fee', 12_50, [], { status: 'dismissed' }),
    finding('taken', 'late-fee', 14_00, [], { disputeId: 'd-1' }),
  ];

  it('asks only for money at stake, each cent once, and says why the rest is left out', () => {
    const choice = disputeChoice(countOnce(all), all);
    expect(choice.claimed.map((c) => [c.finding.id, c.claim])).toEqual([
      ['closed', 200_00],
      ['expired', 5_00],
    ]);
    expect(choice.total).toBe(205_00);
    expect(choice.leftOut.map((l) => [l.finding.id, l.reason])).toEqual([
      ['gap', 'an internal allocation gap (no cost center), no money owed by the carrier'],
      [
        'unknown',
        'money at risk: a service missing from the inventory, to look into before disputing',
      ],
      ['renegotiate', 'no money to claim ($0.00)'],
      ['dismissed', 'dismissed'],
      ['taken', 'already in a dispute, which claims it'],
    ]);
    expect(choice.accounts).toEqual(['comcast|A-1']);
  });

  it('a finding whose lines another finding holds is left out, not claimed twice', () => {
    const overlapped = finding('overlapped', 'out-of-contract', 40_00, [
      [0, 1, 20_00],
      [1, 1, 20_00],
    ]);
    const choice = disputeChoice(countOnce([closed, overlapped]), [closed, overlapped]);
    expect(choice.total).toBe(200_00);
    expect(choice.leftOut.map((l) => l.reason)).toEqual([
      'its charge lines are already claimed by another finding',
    ]);
  });

  it('counts the accounts selected (a dispute covers one)', () => {
    const other = finding('verizon', 'late-fee', 225_64, [], { accountNumber: 'V-9' });
    expect(disputeChoice(countOnce([closed, other]), [closed, other]).accounts).toHaveLength(2);
  });
});

describe('a dispute refused for findings that ask for no money', () => {
  const fee = finding('fee', 'late-fee', 12_50, [[0, 3, 12_50]]);
  const renegotiate = finding('renegotiate', 'out-of-contract', 0);
  const gap = finding('gap', 'missing-cost-center', 822_00);

  it('opens when every finding claims money', () => {
    expect(disputeRefusal(disputeChoice(countOnce([fee]), [fee]))).toBeNull();
  });

  it('names each finding with no money at stake and why, beside one that has some', () => {
    const chosen = [fee, renegotiate, gap];
    expect(disputeRefusal(disputeChoice(countOnce(chosen), chosen))).toBe(
      'A dispute asks the carrier for money at stake; 2 of these 3 findings claim none, so leave them out: ' +
        'Billed after the contract ended, $0.00: no money to claim ($0.00); ' +
        'No cost center, $822.00: an internal allocation gap (no cost center), no money owed by the carrier.',
    );
  });

  it('says a finding already in a dispute claims nothing more, naming the dispute', () => {
    const taken = finding('taken', 'rate-mismatch', 55_00, [[0, 1, 55_00]], { disputeId: 'd-1' });
    const names = disputeNames([
      { id: 'd-1', carrierReference: 'LUM-88121', openedOn: isoDate(2026, 10, 5) },
    ]);
    expect(disputeRefusal(disputeChoice(countOnce([taken]), [taken], names))).toBe(
      'A dispute asks the carrier for money at stake; this finding is already in a dispute, so it claims nothing more: ' +
        'Billed above the contract rate, $55.00: already in the dispute with ticket LUM-88121, which claims it.',
    );
    const chosen = [fee, taken];
    expect(disputeRefusal(disputeChoice(countOnce(chosen), chosen, names))).toMatch(
      /^A dispute asks the carrier for money at stake; 1 of these 2 findings is already in a dispute and claims nothing more, so leave it out: /,
    );
    // A draft with no ticket yet is named by the day it was opened.
    expect(disputeName({ openedOn: isoDate(2026, 10, 5) })).toBe(
      'the dispute opened on 2026-10-05',
    );
  });

  it('says there is nothing to dispute when none of them claims money', () => {
    const chosen = [renegotiate, gap];
    expect(disputeRefusal(disputeChoice(countOnce(chosen), chosen))).toMatch(
      /^A dispute asks the carrier for money at stake; none of these 2 findings claims any, so there is nothing to dispute: /,
    );
  });
});

describe('a claim by charge line', () => {
  it('splits exactly by the lines the finding holds, with what is tied to no line apart', () => {
    const spike = finding('spike', 'spike', 30_00, [[0, 4, 10_00]]);
    const parts = claimParts(countOnce([spike]), spike);
    expect(parts).toEqual({
      held: [{ invoiceId: 'i-0', blockIndex: 0, row: 4, claim: 10_00 }],
      notOnLines: 20_00,
      exact: true,
    });
  });

  it('says when its line claims cannot tell which bill carries how much', () => {
    // A fee of $30 less a $10 credit on another bill: the lines claim $30, the finding $20.
    const netted = finding('netted', 'late-fee', 20_00, [[0, 1, 30_00]]);
    expect(claimParts(countOnce([netted]), netted).exact).toBe(false);
  });
});
