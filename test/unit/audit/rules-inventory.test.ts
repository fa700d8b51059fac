import { describe, expect, it } from 'vitest';
import { checkCase, type Case } from './cases';
import { isoDate } from '../../../shared/dates';
import { cents } from '../../../shared/money/cents';
import { ALL_RULES } from '../../../shared/audit/rules';
import { runAudit } from '../../../shared/audit/run';
import {
  billed,
  line,
  makeAccount,
  makeContract,
  makeInvoice,
  makeService,
  makeSite,
  makeUsage,
  snapshotOf,
} from './helpers';

const may = makeInvoice({ month: '2026-05' });
const april = makeInvoice({ month: '2026-04' });
const other = { serviceIdRaw: '555-010-0002' };
/** Accounts A-1 (the line's, in the inventory) and A-2 of the carrier. */
const twoAccounts = [makeAccount(), makeAccount({ id: 'acct-2', accountNumber: 'A-2' })];

/** A bill of `accountNumber` for `month` charging the line its $45.00 plan. */
function lineBill(accountNumber: string, month: string) {
  const invoice = makeInvoice({ month, accountNumber, invoiceNumber: `${accountNumber}-${month}` });
  return billed(invoice, [line('recurring', 45_00)]);
}

/** Rules against the contract and the inventory. */
const cases: Case[] = [
  {
    name: 'recurring charge $40 above the plan rate',
    rule: 'rate-mismatch',
    snapshot: snapshotOf({ bills: [billed(may, [line('recurring', 85_00), line('tax', 3_00)])] }),
    expected: [
      {
        id: 'rate-mismatch|lumen|A-1|+15550100001|2026-05',
        impact: 40_00,
        message:
          'Line 555-010-0001 billed $85.00 recurring on invoice N-2026-05; contract rate $45.00 — $40.00 over.',
      },
    ],
  },
  {
    name: 'bills read newest first: the message gives the latest month’s figure',
    rule: 'rate-mismatch',
    snapshot: snapshotOf({
      bills: [
        billed(makeInvoice({ month: '2026-05' }), [line('recurring', 50_00)]),
        billed(makeInvoice({ month: '2026-04' }), [line('recurring', 60_00)]),
      ],
    }),
    expected: [
      {
        id: 'rate-mismatch|lumen|A-1|+15550100001|2026-04',
        impact: 20_00,
        message:
          'Line 555-010-0001 billed $50.00 recurring a month; contract rate $45.00 — $20.00 over on 2026-04 to 2026-05 (2 invoices).',
      },
    ],
  },
  {
    name: 'a quarterly bill at three times the monthly rate is at the rate; above it, the excess',
    rule: 'rate-mismatch',
    snapshot: snapshotOf({
      bills: [
        billed(
          makeInvoice({
            month: '2026-04',
            periodStart: isoDate(2026, 4, 1),
            periodEnd: isoDate(2026, 6, 30),
          }),
          [line('recurring', 135_00)],
        ),
        billed(
          makeInvoice({
            month: '2026-07',
            periodStart: isoDate(2026, 7, 1),
            periodEnd: isoDate(2026, 9, 30),
          }),
          [line('recurring', 150_00)],
        ),
      ],
    }),
    expected: [
      {
        id: 'rate-mismatch|lumen|A-1|+15550100001|2026-07',
        impact: 15_00,
        message:
          'Line 555-010-0001 billed $150.00 recurring on invoice N-2026-07; contract rate $135.00 — $15.00 over.',
      },
    ],
  },
  {
    name: 'within the $0.50 tolerance',
    rule: 'rate-mismatch',
    snapshot: snapshotOf({ bills: [billed(may, [line('recurring', 45_50)])] }),
    expected: [],
  },
  {
    name: 'a monthly term discount on the service nets the rate: $50 list less $5 every month is $45',
    rule: 'rate-mismatch',
    snapshot: snapshotOf({
      bills: ['2026-04', '2026-05'].map((month) =>
        billed(makeInvoice({ month }), [
          line('recurring', 50_00),
          line('credit', -5_00, { description: 'Volume Discount' }),
        ]),
      ),
    }),
    expected: [],
  },
  {
    name: 'a monthly promotional credit is a benefit on top of the rate, not part of it',
    rule: 'rate-mismatch',
    snapshot: snapshotOf({
      bills: [
        billed(may, [
          line('recurring', 50_00),
          line('credit', -10_00, { description: 'Promotional credit' }),
        ]),
      ],
    }),
    expected: [
      {
        id: 'rate-mismatch|lumen|A-1|+15550100001|2026-05',
        impact: 5_00,
        message:
          'Line 555-010-0001 billed $50.00 recurring on invoice N-2026-05; contract rate $45.00 — $5.00 over.',
      },
    ],
  },
  {
    name: 'a credit named a discount nets the rate from its first bill',
    rule: 'rate-mismatch',
    snapshot: snapshotOf({
      bills: [
        billed(may, [
          line('recurring', 50_00),
          line('credit', -5_00, { description: 'Term discount' }),
        ]),
      ],
    }),
    expected: [],
  },
  {
    name: 'a one-off credit does not hide an overcharge; what stays above the rate net of the monthly discount is found',
    rule: 'rate-mismatch',
    snapshot: snapshotOf({
      bills: [
        billed(may, [
          line('recurring', 60_00),
          line('credit', -5_00, { description: 'Term discount' }),
          line('credit', -10_00, { description: 'Outage credit' }),
        ]),
      ],
    }),
    expected: [
      {
        id: 'rate-mismatch|lumen|A-1|+15550100001|2026-05',
        impact: 10_00,
        message:
          'Line 555-010-0001 billed $55.00 net of its discounts on invoice N-2026-05; contract rate $45.00 — $10.00 over.',
      },
    ],
  },
  {
    name: 'out of contract, a monthly discount still nets the old rate',
    rule: 'out-of-contract',
    snapshot: snapshotOf({
      bills: [
        billed(may, [
          line('recurring', 50_00),
          line('credit', -5_00, { description: 'Term discount' }),
        ]),
      ],
      contracts: [makeContract({ endDate: isoDate(2026, 3, 31), status: 'expired' })],
    }),
    expected: [
      {
        id: 'out-of-contract|lumen|A-1|ctr-1|2026-05',
        impact: 0,
        message:
          'Contract Lumen MSA ended 2026-03-31, 2 months out of contract by 2026-05; 1 service billed $45.00 on invoice N-2026-05 (2026-05), not above the last contracted rates but with no price protection: renegotiate.',
      },
    ],
  },
  {
    name: 'a service-specific rate beats the plan rate',
    rule: 'rate-mismatch',
    snapshot: snapshotOf({
      bills: [billed(may, [line('recurring', 85_00)])],
      contracts: [
        makeContract({
          rateCard: [
            { planOrServiceType: 'Business Unlimited', monthlyRateCents: cents(45_00) },
            { serviceId: 'svc-1', monthlyRateCents: cents(85_00) },
          ],
        }),
      ],
    }),
    expected: [],
  },
  {
    name: 'no rate card entry: the expected monthly charge is the rate, times the billed seats',
    rule: 'rate-mismatch',
    snapshot: snapshotOf({
      bills: [billed(may, [line('recurring', 300_00, { quantity: 10 })])],
      services: [makeService({ plan: 'Other', expectedMonthlyCents: cents(25_00) })],
    }),
    expected: [
      {
        id: 'rate-mismatch|lumen|A-1|+15550100001|2026-05',
        impact: 50_00,
        message:
          'Line 555-010-0001 billed $300.00 recurring on invoice N-2026-05; expected $250.00 — $50.00 over.',
      },
    ],
  },
  {
    name: 'billed after the contract expired',
    rule: 'out-of-contract',
    snapshot: snapshotOf({
      bills: [billed(may, [line('recurring', 60_00)])],
      contracts: [makeContract({ endDate: isoDate(2026, 3, 31), status: 'expired' })],
    }),
    expected: [
      {
        id: 'out-of-contract|lumen|A-1|ctr-1|2026-05',
        impact: 15_00,
        message:
          'Contract Lumen MSA ended 2026-03-31, 2 months out of contract by 2026-05; 1 service billed $15.00 above their last contracted rates on invoice N-2026-05 (2026-05).',
      },
    ],
  },
  {
    name: 'a PRI six months past its term, still billed at the old rate: $0.00, the finding stands',
    rule: 'out-of-contract',
    snapshot: snapshotOf({
      bills: ['2026-03', '2026-04', '2026-05'].map((month) =>
        billed(makeInvoice({ month }), [line('recurring', 45_00)]),
      ),
      contracts: [makeContract({ endDate: isoDate(2025, 11, 30), status: 'expired' })],
    }),
    expected: [
      {
        id: 'out-of-contract|lumen|A-1|ctr-1|2026-03',
        impact: 0,
        message:
          'Contract Lumen MSA ended 2025-11-30, 6 months out of contract by 2026-05; 1 service billed $135.00 on 2026-03 to 2026-05 (3 invoices), not above the last contracted rates but with no price protection: renegotiate.',
      },
    ],
  },
  {
    name: 'billed below the old rate after expiry: $0.00, not a negative impact',
    rule: 'out-of-contract',
    snapshot: snapshotOf({
      bills: [billed(may, [line('recurring', 40_00)])],
      contracts: [makeContract({ endDate: isoDate(2026, 4, 30), status: 'expired' })],
    }),
    expected: [
      {
        id: 'out-of-contract|lumen|A-1|ctr-1|2026-05',
        impact: 0,
        message:
          'Contract Lumen MSA ended 2026-04-30, 1 month out of contract by 2026-05; 1 service billed $40.00 on invoice N-2026-05 (2026-05), not above the last contracted rates but with no price protection: renegotiate.',
      },
    ],
  },
  {
    name: 'no rate on the card for an expired contract’s service: $0.00, the finding stands',
    rule: 'out-of-contract',
    snapshot: snapshotOf({
      bills: [billed(may, [line('recurring', 300_00)])],
      services: [makeService({ plan: 'Unlisted' })],
      contracts: [makeContract({ endDate: isoDate(2026, 3, 31), status: 'expired' })],
    }),
    expected: [
      {
        id: 'out-of-contract|lumen|A-1|ctr-1|2026-05',
        impact: 0,
        message:
          'Contract Lumen MSA ended 2026-03-31, 2 months out of contract by 2026-05; 1 service billed $300.00 on invoice N-2026-05 (2026-05) with no contracted rate on the card to compare with, and no price protection: renegotiate.',
      },
    ],
  },
  {
    name: 'a contract found by the inventory’s Contract ID alone, its card silent on the service',
    rule: 'out-of-contract',
    snapshot: snapshotOf({
      bills: [billed(may, [line('recurring', 300_00)])],
      services: [makeService({ plan: 'Unlisted', contractId: 'ctr-2' })],
      contracts: [
        makeContract({
          id: 'ctr-2',
          name: 'Lumen Voice',
          accountIds: [],
          endDate: isoDate(2026, 4, 30),
          status: 'expired',
          rateCard: [],
        }),
      ],
    }),
    expected: [
      {
        id: 'out-of-contract|lumen|A-1|ctr-2|2026-05',
        impact: 0,
        message:
          'Contract Lumen Voice ended 2026-04-30, 1 month out of contract by 2026-05; 1 service billed $300.00 on invoice N-2026-05 (2026-05) with no contracted rate on the card to compare with, and no price protection: renegotiate.',
      },
    ],
  },
  {
    name: 'one service above its last rate, one with no rate: the money is the excess, both counted',
    rule: 'out-of-contract',
    snapshot: snapshotOf({
      bills: [billed(may, [line('recurring', 60_00), line('recurring', 300_00, other)])],
      services: [
        makeService(),
        makeService({
          id: 'svc-2',
          serviceIdRaw: '555-010-0002',
          serviceKey: '+15550100002',
          plan: 'Unlisted',
        }),
      ],
      contracts: [makeContract({ endDate: isoDate(2026, 3, 31), status: 'expired' })],
    }),
    expected: [
      {
        id: 'out-of-contract|lumen|A-1|ctr-1|2026-05',
        impact: 15_00,
        message:
          'Contract Lumen MSA ended 2026-03-31, 2 months out of contract by 2026-05; 2 services (1 with no contracted rate on the card) billed $15.00 above their last contracted rates on invoice N-2026-05 (2026-05).',
      },
    ],
  },
  {
    name: 'within the term: no finding',
    rule: 'out-of-contract',
    snapshot: snapshotOf({ bills: [billed(may, [line('recurring', 45_00)])] }),
    expected: [],
  },
  {
    name: 'an auto-renewing contract keeps its rates after the end date',
    rule: 'out-of-contract',
    snapshot: snapshotOf({
      bills: [billed(may, [line('recurring', 45_00)])],
      contracts: [
        makeContract({ endDate: isoDate(2026, 3, 31), autoRenew: true, renewalTermMonths: 12 }),
      ],
    }),
    expected: [],
  },
  {
    name: 'every charge after the disconnect date',
    rule: 'billed-after-disconnect',
    snapshot: snapshotOf({
      bills: [
        billed(april, [line('recurring', 45_00), line('tax', 3_00), line('tax', 1_00, other)]),
      ],
      services: [makeService({ status: 'disconnected', disconnectedOn: isoDate(2026, 3, 15) })],
    }),
    expected: [
      {
        id: 'billed-after-disconnect|lumen|A-1|+15550100001|2026-04',
        impact: 48_00,
        message:
          '555-010-0001 was disconnected on 2026-03-15 but billed $48.00 on invoice N-2026-04 (2026-04), less than 3 months after the disconnect.',
      },
    ],
  },
  {
    name: 'a charge after the disconnect credited in full, or a refund alone: no finding',
    rule: 'billed-after-disconnect',
    snapshot: snapshotOf({
      bills: [
        billed(april, [line('recurring', 45_00), line('credit', -45_00)]),
        billed(may, [line('credit', -10_00)]),
      ],
      services: [makeService({ status: 'disconnected', disconnectedOn: isoDate(2026, 3, 15) })],
    }),
    expected: [],
  },
  {
    name: 'a partial credit after the disconnect leaves the rest billed',
    rule: 'billed-after-disconnect',
    snapshot: snapshotOf({
      bills: [
        billed(april, [line('recurring', 45_00)]),
        billed(may, [line('recurring', 45_00), line('credit', -15_00)]),
      ],
      services: [makeService({ status: 'disconnected', disconnectedOn: isoDate(2026, 3, 15) })],
    }),
    expected: [
      {
        id: 'billed-after-disconnect|lumen|A-1|+15550100001|2026-04',
        impact: 75_00,
        message:
          '555-010-0001 was disconnected on 2026-03-15 but billed $75.00 on 2026-04 to 2026-05 (2 invoices), less than 3 months after the disconnect.',
      },
    ],
  },
  {
    name: 'months on both sides of 3 months after the disconnect: each bucket says its months',
    rule: 'billed-after-disconnect',
    snapshot: snapshotOf({
      bills: [
        billed(april, [line('recurring', 45_00)]),
        billed(may, [line('recurring', 45_00)]),
        billed(makeInvoice({ month: '2026-06' }), [line('recurring', 45_00)]),
      ],
      services: [makeService({ status: 'disconnected', disconnectedOn: isoDate(2026, 2, 15) })],
    }),
    expected: [
      {
        id: 'billed-after-disconnect|lumen|A-1|+15550100001|2026-04',
        impact: 135_00,
        message:
          '555-010-0001 was disconnected on 2026-02-15 but billed $135.00 on 2026-04 to 2026-06 (3 invoices): $90.00 on 2026-04 to 2026-05 (2 invoices), less than 3 months after the disconnect, and $45.00 on 2026-06, 3 months or more after.',
      },
    ],
  },
  {
    name: 'every month 3 months or more after the disconnect',
    rule: 'billed-after-disconnect',
    snapshot: snapshotOf({
      bills: [billed(april, [line('recurring', 45_00)]), billed(may, [line('recurring', 45_00)])],
      services: [makeService({ status: 'disconnected', disconnectedOn: isoDate(2025, 12, 31) })],
    }),
    expected: [
      {
        id: 'billed-after-disconnect|lumen|A-1|+15550100001|2026-04',
        impact: 90_00,
        message:
          '555-010-0001 was disconnected on 2025-12-31 but billed $90.00 on 2026-04 to 2026-05 (2 invoices), 3 months or more after the disconnect.',
      },
    ],
  },
  {
    name: 'disconnected during the billed period: not yet a finding',
    rule: 'billed-after-disconnect',
    snapshot: snapshotOf({
      bills: [billed(april, [line('recurring', 45_00)])],
      services: [makeService({ status: 'disconnected', disconnectedOn: isoDate(2026, 4, 10) })],
    }),
    expected: [],
  },
  {
    name: 'disconnected in the inventory with no date, billed: a warning asking for the date',
    rule: 'billed-after-disconnect',
    snapshot: snapshotOf({
      bills: [billed(april, [line('recurring', 45_00)]), billed(may, [line('recurring', 45_00)])],
      services: [makeService({ status: 'disconnected' })],
    }),
    expected: [
      {
        id: 'billed-after-disconnect|lumen|A-1|+15550100001|2026-04',
        impact: 0,
        message:
          '555-010-0001 is disconnected in the inventory, with no disconnect date, but billed $90.00 on 2026-04 to 2026-05 (2 invoices): add the date it was disconnected, so the charges after it are checked.',
      },
    ],
  },
  {
    name: 'disconnected with no date, its charges credited in full: no finding',
    rule: 'billed-after-disconnect',
    snapshot: snapshotOf({
      bills: [billed(april, [line('recurring', 45_00), line('credit', -45_00)])],
      services: [makeService({ status: 'disconnected' })],
    }),
    expected: [],
  },
  {
    name: 'charges after the site closed',
    rule: 'closed-site',
    snapshot: snapshotOf({
      bills: [billed(april, [line('recurring', 45_00)]), billed(may, [line('recurring', 45_00)])],
      services: [makeService({ siteId: 'site-1' })],
      sites: [makeSite({ status: 'closed', closedOn: isoDate(2026, 4, 20) })],
    }),
    expected: [
      {
        id: 'closed-site|lumen|A-1|+15550100001|2026-05',
        impact: 45_00,
        message:
          '555-010-0001 at STR-1 Store 1, closed on 2026-04-20, billed $45.00 on invoice N-2026-05 (2026-05).',
      },
    ],
  },
  {
    name: 'charges at a closed site credited back in full: no finding',
    rule: 'closed-site',
    snapshot: snapshotOf({
      bills: [billed(may, [line('recurring', 45_00), line('credit', -50_00)])],
      services: [makeService({ siteId: 'site-1' })],
      sites: [makeSite({ status: 'closed', closedOn: isoDate(2026, 4, 20) })],
    }),
    expected: [],
  },
  {
    name: 'a site marked closed with no closing day: one warning per site, no money claimed',
    rule: 'closed-site',
    snapshot: snapshotOf({
      bills: [
        billed(april, [line('recurring', 45_00), line('recurring', 30_00, other)]),
        billed(may, [line('recurring', 45_00), line('tax', 3_00)]),
      ],
      services: [
        makeService({ siteId: 'site-1' }),
        makeService({ id: 'svc-2', siteId: 'site-1', ...other, serviceKey: '+15550100002' }),
      ],
      sites: [makeSite({ status: 'closed' })],
    }),
    expected: [
      {
        id: 'closed-site|lumen|A-1|site:site-1|2026-04',
        impact: 0,
        message:
          'Site STR-1 Store 1 is marked closed with no closing day: its services were billed $123.00 on 2026-04 to 2026-05 (2 invoices). Which of it came after the site closed cannot be told: enter the day it closed in Inventory → Sites.',
      },
    ],
  },
  {
    name: 'an identifier in no inventory',
    rule: 'unknown-service',
    snapshot: snapshotOf({
      bills: [billed(may, [line('recurring', 45_00), line('recurring', 30_00, other)])],
    }),
    expected: [
      {
        id: 'unknown-service|lumen|A-1|+15550100002|2026-05',
        impact: 30_00,
        message:
          '555-010-0002 is billed $30.00 on invoice N-2026-05 (2026-05) but matches no service in the inventory: $30.00 at risk.',
      },
    ],
  },
  {
    name: 'a net credit to an identifier in no inventory puts nothing at risk',
    rule: 'unknown-service',
    snapshot: snapshotOf({
      bills: [billed(may, [line('recurring', 45_00), line('credit', -30_00, other)])],
    }),
    expected: [
      {
        id: 'unknown-service|lumen|A-1|+15550100002|2026-05',
        impact: 0,
        message:
          '555-010-0002 is credited $30.00 on invoice N-2026-05 (2026-05) but matches no service in the inventory: nothing at risk, but the credit belongs to a line the inventory lacks.',
      },
    ],
  },
  {
    name: 'an alias key matches',
    rule: 'unknown-service',
    snapshot: snapshotOf({
      bills: [billed(may, [line('recurring', 45_00, other)])],
      services: [makeService({ aliasKeys: ['+15550100002'] })],
    }),
    expected: [],
  },
  {
    name: 'an active service on no invoice of its account',
    rule: 'not-billed',
    snapshot: snapshotOf({ bills: [billed(may, [line('recurring', 45_00, other)])] }),
    expected: [
      {
        id: 'not-billed|lumen|A-1|+15550100001|2026-05',
        impact: 0,
        message:
          '555-010-0001 (Business Unlimited) is active in the inventory but on no invoice of account A-1 on 2026-05.',
      },
    ],
  },
  {
    name: 'a second bill of the month (a late fee alone) that names no service is no gap',
    rule: 'not-billed',
    snapshot: snapshotOf({
      bills: [
        billed(may, [line('recurring', 45_00), line('recurring', 30_00, other)]),
        billed(makeInvoice({ invoiceNumber: 'N-2026-05-FEE', invoiceDate: isoDate(2026, 5, 5) }), [
          line('late-fee', 25_50, { serviceIdRaw: '', description: 'Late fee' }),
        ]),
      ],
      services: [
        makeService(),
        makeService({ id: 'svc-2', serviceIdRaw: '555-010-0002', serviceKey: '+15550100002' }),
      ],
    }),
    expected: [],
  },
  {
    name: 'named only in the usage of an invoice of its account (calls that cost nothing)',
    rule: 'not-billed',
    snapshot: snapshotOf({
      bills: [billed(may, [line('recurring', 45_00, other)])],
      usage: [makeUsage('2026-05', 12, { invoiceId: may.id })],
    }),
    expected: [],
  },
  {
    name: 'activated after the billed period',
    rule: 'not-billed',
    snapshot: snapshotOf({
      bills: [billed(may, [line('recurring', 45_00, other)])],
      services: [makeService({ activatedOn: isoDate(2026, 6, 2) })],
    }),
    expected: [],
  },
  {
    // Installed on the 18th: the carrier bills the part month with the first full one, next bill.
    name: 'installed part-way through a month and first billed on the next bill',
    rule: 'not-billed',
    snapshot: snapshotOf({
      bills: [
        billed(may, [line('recurring', 30_00, other)]),
        billed(makeInvoice({ month: '2026-06' }), [
          line('recurring', 63_00),
          line('recurring', 30_00, other),
        ]),
      ],
      services: [makeService({ activatedOn: isoDate(2026, 5, 18) })],
    }),
    expected: [],
  },
  {
    name: 'installed part-way through the only month billed so far: wait for the next bill',
    rule: 'not-billed',
    snapshot: snapshotOf({
      bills: [billed(may, [line('recurring', 30_00, other)])],
      services: [makeService({ activatedOn: isoDate(2026, 5, 18) })],
    }),
    expected: [],
  },
  {
    name: 'installed part-way through a month and on no bill since: every month is a gap',
    rule: 'not-billed',
    snapshot: snapshotOf({
      bills: [
        billed(may, [line('recurring', 30_00, other)]),
        billed(makeInvoice({ month: '2026-06' }), [line('recurring', 30_00, other)]),
      ],
      services: [makeService({ activatedOn: isoDate(2026, 5, 18) })],
    }),
    expected: [
      {
        id: 'not-billed|lumen|A-1|+15550100001|2026-05',
        impact: 0,
        message:
          '555-010-0001 (Business Unlimited) is active in the inventory but on no invoice of account A-1 on 2026-05 to 2026-06 (2 invoices).',
      },
    ],
  },
  {
    // The next bill (June) should have carried the part month and left the line out too: May and
    // June are gaps, and July naming it excuses neither (the finding keeps May as its first month).
    name: 'installed part-way through a month, left out of the next bill too, billed later',
    rule: 'not-billed',
    snapshot: snapshotOf({
      bills: [
        billed(may, [line('recurring', 30_00, other)]),
        billed(makeInvoice({ month: '2026-06' }), [line('recurring', 30_00, other)]),
        billed(makeInvoice({ month: '2026-07' }), [
          line('recurring', 45_00),
          line('recurring', 30_00, other),
        ]),
      ],
      services: [makeService({ activatedOn: isoDate(2026, 5, 18) })],
    }),
    expected: [
      {
        id: 'not-billed|lumen|A-1|+15550100001|2026-05',
        impact: 0,
        message:
          '555-010-0001 (Business Unlimited) is active in the inventory but on no invoice of account A-1 on 2026-05 to 2026-06 (2 invoices).',
      },
    ],
  },
  {
    name: 'activated on the first day of the period: a full month, a gap when not billed',
    rule: 'not-billed',
    snapshot: snapshotOf({
      bills: [
        billed(may, [line('recurring', 30_00, other)]),
        billed(makeInvoice({ month: '2026-06' }), [
          line('recurring', 45_00),
          line('recurring', 30_00, other),
        ]),
      ],
      services: [makeService({ activatedOn: isoDate(2026, 5, 1) })],
    }),
    expected: [
      {
        id: 'not-billed|lumen|A-1|+15550100001|2026-05',
        impact: 0,
        message:
          '555-010-0001 (Business Unlimited) is active in the inventory but on no invoice of account A-1 on 2026-05.',
      },
    ],
  },
  {
    name: 'billed on another account of the carrier',
    rule: 'wrong-account',
    snapshot: snapshotOf({
      bills: [billed(makeInvoice({ accountNumber: 'A-2' }), [line('recurring', 45_00)])],
      accounts: [makeAccount(), makeAccount({ id: 'acct-2', accountNumber: 'A-2' })],
    }),
    expected: [
      {
        id: 'wrong-account|lumen|A-2|+15550100001|2026-05',
        impact: 0,
        message:
          '555-010-0001 belongs to account A-1 in the inventory but is billed on A-2: $45.00 on invoice N-2026-05 (2026-05).',
      },
    ],
  },
  {
    name: 'a line moved to its inventory account: its earlier bills on the old account were right then',
    rule: 'wrong-account',
    snapshot: snapshotOf({
      bills: [
        lineBill('A-2', '2026-02'),
        lineBill('A-2', '2026-03'),
        lineBill('A-1', '2026-04'),
        lineBill('A-1', '2026-05'),
      ],
      accounts: twoAccounts,
    }),
    expected: [],
  },
  {
    name: 'a line moved whose old account’s last bill runs into its first on the new one (a part month on each)',
    rule: 'wrong-account',
    snapshot: snapshotOf({
      bills: [
        lineBill('A-2', '2026-03'),
        lineBill('A-2', '2026-04'),
        billed(
          makeInvoice({
            month: '2026-04',
            invoiceNumber: 'A-1-2026-04',
            invoiceDate: isoDate(2026, 5, 15),
            periodStart: isoDate(2026, 4, 15),
            periodEnd: isoDate(2026, 5, 14),
          }),
          [line('recurring', 45_00)],
        ),
      ],
      accounts: twoAccounts,
    }),
    expected: [],
  },
  {
    name: 'billed on the old account again after its bills on its own began: no move, every bill there',
    rule: 'wrong-account',
    snapshot: snapshotOf({
      bills: [
        lineBill('A-2', '2026-02'),
        lineBill('A-2', '2026-03'),
        lineBill('A-1', '2026-04'),
        lineBill('A-2', '2026-05'),
        lineBill('A-1', '2026-05'),
      ],
      accounts: twoAccounts,
    }),
    expected: [
      {
        id: 'wrong-account|lumen|A-2|+15550100001|2026-02',
        impact: 0,
        message:
          '555-010-0001 belongs to account A-1 in the inventory but is billed on A-2: $135.00 on 2026-02 to 2026-05 (3 invoices).',
      },
    ],
  },
  {
    name: 'billed on another account alongside its own, from the same month: no move',
    rule: 'wrong-account',
    snapshot: snapshotOf({
      bills: [
        lineBill('A-2', '2026-04'),
        lineBill('A-1', '2026-04'),
        lineBill('A-2', '2026-05'),
        lineBill('A-1', '2026-05'),
      ],
      accounts: twoAccounts,
    }),
    expected: [
      {
        id: 'wrong-account|lumen|A-2|+15550100001|2026-04',
        impact: 0,
        message:
          '555-010-0001 belongs to account A-1 in the inventory but is billed on A-2: $90.00 on 2026-04 to 2026-05 (2 invoices).',
      },
    ],
  },
  {
    name: 'moved from one account, then billed on a third: the third account’s bill only',
    rule: 'wrong-account',
    snapshot: snapshotOf({
      bills: [lineBill('A-2', '2026-03'), lineBill('A-1', '2026-04'), lineBill('A-3', '2026-05')],
      accounts: [...twoAccounts, makeAccount({ id: 'acct-3', accountNumber: 'A-3' })],
    }),
    expected: [
      {
        id: 'wrong-account|lumen|A-3|+15550100001|2026-05',
        impact: 0,
        message:
          '555-010-0001 belongs to account A-1 in the inventory but is billed on A-3: $45.00 on invoice A-3-2026-05 (2026-05).',
      },
    ],
  },
  {
    name: 'a line billed on its own account written without the dashes is on its account',
    rule: 'wrong-account',
    snapshot: snapshotOf({
      bills: [
        billed(makeInvoice({ accountNumber: 'FAN-9' }), [
          line('recurring', 45_00, { accountNumber: 'A1' }),
        ]),
      ],
    }),
    expected: [],
  },
  {
    name: 'the service names a retired cost center: the site’s does not stand in (the chargeback leaves it unallocated)',
    rule: 'missing-cost-center',
    snapshot: {
      ...snapshotOf({
        bills: [billed(may, [line('recurring', 45_00)])],
        services: [makeService({ siteId: 'site-1', costCenterId: 'cc-old' })],
        sites: [makeSite({ costCenterId: 'cc-store' })],
      }),
      costCenters: [
        { id: 'cc-old', code: '4900', name: 'Retired', active: false },
        { id: 'cc-store', code: '4100', name: 'Stores', active: true },
      ],
    },
    expected: [
      {
        id: 'missing-cost-center|lumen|A-1|+15550100001|2026-05',
        impact: 45_00,
        message:
          '555-010-0001 (STR-1) is charged by the service to cost center 4900 (Retired), which is inactive: $45.00 unallocated on invoice N-2026-05 (2026-05).',
      },
    ],
  },
  {
    name: 'a service with no site takes its account’s default site’s cost center, as the chargeback does',
    rule: 'missing-cost-center',
    snapshot: {
      ...snapshotOf({
        bills: [billed(may, [line('recurring', 45_00)])],
        accounts: [makeAccount({ defaultSiteId: 'site-1' })],
        sites: [makeSite({ costCenterId: 'cc-store' })],
      }),
      costCenters: [{ id: 'cc-store', code: '4100', name: 'Stores', active: true }],
    },
    expected: [],
  },
  {
    name: 'a service whose charges net to a credit leaves nothing unallocated',
    rule: 'missing-cost-center',
    snapshot: snapshotOf({ bills: [billed(may, [line('credit', -10_00)])] }),
    expected: [],
  },
  {
    name: 'no cost center on the service, its site or its account',
    rule: 'missing-cost-center',
    snapshot: snapshotOf({ bills: [billed(may, [line('recurring', 45_00), line('tax', 2_00)])] }),
    expected: [
      {
        id: 'missing-cost-center|lumen|A-1|+15550100001|2026-05',
        impact: 47_00,
        message:
          '555-010-0001 (no site) has no cost center on the service, its site or its account: $47.00 unallocated on invoice N-2026-05 (2026-05).',
      },
    ],
  },
];

describe('audit rules: contract and inventory', () => {
  it.each(cases)('$rule: $name', checkCase);

  it('closed-site: a closed site with no closing day is a warning, not an error', () => {
    const { findings } = runAudit(
      snapshotOf({
        bills: [billed(may, [line('recurring', 45_00)])],
        services: [makeService({ siteId: 'site-1' })],
        sites: [makeSite({ status: 'closed' })],
      }),
      ALL_RULES.filter((rule) => rule.id === 'closed-site'),
    );
    expect(findings.map((finding) => finding.severity)).toEqual(['warning']);
  });

  it('billed-after-disconnect: disconnected with no date is a warning, with no money claimed', () => {
    const { findings } = runAudit(
      snapshotOf({
        bills: [billed(may, [line('recurring', 45_00)])],
        services: [makeService({ status: 'disconnected' })],
      }),
      ALL_RULES.filter((rule) => rule.id === 'billed-after-disconnect'),
    );
    expect(findings.map((finding) => [finding.severity, finding.impact])).toEqual([['warning', 0]]);
  });

  it('every catalogue rule required for this release is registered once', () => {
    const ids = ALL_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [
      'rate-mismatch',
      'out-of-contract',
      'billed-after-disconnect',
      'closed-site',
      'unknown-service',
      'not-billed',
      'duplicate-invoice',
      'duplicate-charge',
      'period-overlap',
      'invoice-math',
      'late-fee',
      'third-party',
      'spike',
      'missing-invoice',
      'zero-usage',
      'renewal-due',
    ]) {
      expect(ids).toContain(id);
    }
  });
});
