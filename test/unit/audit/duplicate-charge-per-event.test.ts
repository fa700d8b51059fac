/**
 * Usage lines (each call, message or data session its own line) and taxes or surcharges worked
 * out per charge repeat on a correct bill with the same words and amount: three $1.20 calls to
 * Mexico are three calls, not a charge billed three times. They are copies only when the
 * service's whole group of lines is billed again (a summary row printed twice repeats the plan,
 * its usage and its taxes). A whole bill sent twice is `duplicate-invoice`'s finding.
 */
import { expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { isoDate } from '../../../shared/dates';
import { cents } from '../../../shared/money/cents';
import { billed, line, makeInvoice, snapshotOf } from './helpers';

const rules = ALL_RULES.filter((rule) => rule.id === 'duplicate-charge');
const plan = line('recurring', 45_00, { description: 'Biz plan' });
const call = line('usage', 1_20, { description: 'Intl call - Mexico' });
const usf = line('surcharge', 85, { description: 'Federal Universal Service Fund' });
const tax = line('tax', 2_10, { description: 'State sales tax' });

function found(...bills: ReturnType<typeof billed>[]) {
  return runAudit(snapshotOf({ bills }), rules).findings.map((f) => [f.impact, f.message]);
}

const may = (lines: ReturnType<typeof line>[]) => billed(makeInvoice(), lines);

it('three identical calls and two identical surcharges beside a plan billed once: no finding', () => {
  expect(found(may([plan, call, call, call, usf, usf]))).toEqual([]);
});

it('a service whose bill is calls alone, many of them alike: no finding', () => {
  expect(found(may(Array.from({ length: 40 }, () => call)))).toEqual([]);
});

it('the plan billed twice beside three calls: only the plan is the extra copy', () => {
  expect(found(may([plan, plan, call, call, call, usf]))).toEqual([
    [
      45_00,
      '555-010-0001: 1 charge line billed a second time on invoice N-2026-05 (2026-05) — $45.00 extra.',
    ],
  ]);
});

it('a summary row printed twice: the plan, its usage and its taxes are all billed again', () => {
  expect(found(may([plan, call, usf, tax, plan, call, usf, tax]))).toEqual([
    [
      49_15,
      '555-010-0001: 4 charge lines billed a second time on invoice N-2026-05 (2026-05) — $49.15 extra.',
    ],
  ]);
});

it('a usage line and a one-time charge of the same words and amount are two charges', () => {
  const oneTime = line('one-time', 1_20, { description: 'Intl call - Mexico' });
  expect(found(may([plan, call, oneTime]))).toEqual([]);
});

it('calls stating their own period, on two bills: no month billed again', () => {
  const april = { periodStart: isoDate(2026, 4, 1), periodEnd: isoDate(2026, 4, 30) };
  const aprilCall = line('usage', 1_20, { description: 'Intl call - Mexico', ...april });
  expect(
    found(
      billed(makeInvoice({ month: '2026-05' }), [plan, aprilCall]),
      billed(makeInvoice({ month: '2026-06' }), [plan, aprilCall]),
    ),
  ).toEqual([]);
});

it('a whole bill sent again under a new number is still found, as a duplicate invoice', () => {
  const lines = [plan, call, call, call, usf, usf];
  const total = cents(45_00 + 3 * 1_20 + 2 * 85);
  const both = runAudit(
    snapshotOf({
      bills: [
        billed(makeInvoice({ statedTotal: total }), lines),
        billed(makeInvoice({ invoiceNumber: 'N-COPY', statedTotal: total }), lines),
      ],
    }),
    ALL_RULES.filter((rule) => rule.id === 'duplicate-invoice' || rule.id === 'duplicate-charge'),
  ).findings;
  expect(both.map((f) => [f.ruleId, f.impact])).toEqual([['duplicate-invoice', total]]);
});
