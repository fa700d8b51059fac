/**
 * Random allocation inputs for property tests: four cost centers (some inactive), three sites (some
 * closed), two accounts, six services, split rules (some unusable) and up to five bills.
 */
import fc from 'fast-check';
import type { AccountAllocationPolicy, AllocationInput } from '../../../shared/allocation';
import { addDays, type IsoDate } from '../../../shared/dates/iso-date';
import { cents, splitLargestRemainder } from '../../../shared/money/cents';
import type { AllocationRule, ChargeCategory } from '../../../shared/model';
import { CHARGE_CATEGORIES } from '../../../shared/model';
import {
  account,
  bills,
  company,
  costCenter,
  line,
  month,
  service,
  site,
  type BillSpec,
} from './helpers';

export const COST_CENTERS = ['cc0', 'cc1', 'cc2', 'cc3'];
export const MONTHS = ['2026-08', '2026-09', '2026-10', '2026-11', '2026-12'].map(month);
const dayIn = (offset: number): IsoDate => addDays('2026-08-01' as IsoDate, offset);

const maybeCostCenter = fc.option(fc.constantFrom(...COST_CENTERS, 'missing'), { nil: undefined });
const period = fc
  .tuple(fc.integer({ min: 0, max: 140 }), fc.integer({ min: 0, max: 60 }))
  .map(([start, length]) => ({ start: dayIn(start), end: dayIn(Math.min(start + length, 150)) }));

const splits = fc
  .tuple(
    fc.array(
      fc.tuple(fc.constantFrom(...COST_CENTERS, 'missing'), fc.integer({ min: 0, max: 100 })),
      { minLength: 1, maxLength: 4 },
    ),
    fc.boolean(),
  )
  .map(([parts, valid]) => {
    const weights = parts.map(([, weight]) => weight);
    const basisPoints =
      valid && weights.some((weight) => weight > 0)
        ? splitLargestRemainder(cents(10_000), weights)
        : weights.map((weight) => weight * 10);
    return parts.map(([costCenterId], i): [string, number] => [costCenterId, basisPoints[i] ?? 0]);
  });

const ruleArb = fc
  .tuple(
    fc.oneof(
      fc.integer({ min: 0, max: 5 }).map((i) => ({ kind: 'service' as const, serviceId: `s${i}` })),
      fc.integer({ min: 0, max: 2 }).map((i) => ({ kind: 'site' as const, siteId: `site${i}` })),
      fc
        .integer({ min: 0, max: 1 })
        .map((i) => ({ kind: 'account' as const, accountId: `acct${i}` })),
    ),
    splits,
    fc.constantFrom(...MONTHS),
  )
  .map(([target, parts, from]): AllocationRule => ({
    id: `r-${JSON.stringify(target)}-${from}`,
    name: 'rule',
    target,
    splits: parts.map(([costCenterId, basisPoints]) => ({ costCenterId, basisPoints })),
    effectiveFrom: from,
  }));

const lineArb = fc
  .tuple(
    fc.constantFrom('s0', 's1', 's2', 's3', 's4', 's5', 'unknown', '', ''),
    fc.constantFrom<ChargeCategory>(...CHARGE_CATEGORIES),
    fc.integer({ min: -50_000, max: 200_000 }),
    fc.option(period, { nil: undefined }),
  )
  .map(([key, category, amount, own]) =>
    line(
      key,
      category,
      amount,
      own === undefined ? {} : { periodStart: own.start, periodEnd: own.end },
    ),
  );

const billArb = fc
  .tuple(
    fc.constantFrom('acct0-no', 'acct1-no', 'stranger'),
    fc.integer({ min: 0, max: 150 }),
    fc.option(period, { nil: undefined }),
    fc.array(lineArb, { minLength: 0, maxLength: 12 }),
  )
  .map(([accountNumber, date, invoicePeriod, lines]): Omit<BillSpec, 'id'> => ({
    accountNumber,
    invoiceDate: dayIn(date),
    periodStart: invoicePeriod?.start,
    periodEnd: invoicePeriod?.end,
    lines,
  }));

export const worldArb = fc.record({
  active: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  sites: fc.array(
    fc.record({
      cc: maybeCostCenter,
      closed: fc.boolean(),
      closedOn: fc.option(fc.integer({ min: 0, max: 150 }), { nil: undefined }),
    }),
    { minLength: 3, maxLength: 3 },
  ),
  accounts: fc.array(
    fc.record({
      cc: maybeCostCenter,
      site: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
      policy: fc.option(fc.constantFrom(...COST_CENTERS, 'missing'), { nil: undefined }),
    }),
    { minLength: 2, maxLength: 2 },
  ),
  services: fc.array(
    fc.record({
      cc: maybeCostCenter,
      site: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
      account: fc.integer({ min: 0, max: 1 }),
    }),
    { minLength: 6, maxLength: 6 },
  ),
  rules: fc.array(ruleArb, { maxLength: 4 }),
  bills: fc.array(billArb, { minLength: 1, maxLength: 5 }),
  markups: fc.array(fc.integer({ min: -2_000, max: 5_000 }), { minLength: 4, maxLength: 4 }),
});

export type World = typeof worldArb extends fc.Arbitrary<infer T> ? T : never;

export function inputFor(world: World): AllocationInput {
  const accountPolicies: Record<string, AccountAllocationPolicy> = {};
  world.accounts.forEach((spec, i) => {
    if (spec.policy !== undefined)
      accountPolicies[`acct${i}`] = { accountLevel: { costCenterId: spec.policy } };
  });
  return company({
    costCenters: COST_CENTERS.map((id, i) =>
      costCenter(id, { active: world.active[i] ?? true, glAccount: i === 0 ? '6400' : undefined }),
    ),
    sites: world.sites.map((spec, i) =>
      site(`site${i}`, {
        costCenterId: spec.cc,
        status: spec.closed ? 'closed' : 'active',
        closedOn: spec.closedOn === undefined ? undefined : dayIn(spec.closedOn),
      }),
    ),
    accounts: world.accounts.map((spec, i) =>
      account(`acct${i}`, {
        defaultCostCenterId: spec.cc,
        defaultSiteId: spec.site === undefined ? undefined : `site${spec.site}`,
      }),
    ),
    services: world.services.map((spec, i) =>
      service(`s${i}`, {
        costCenterId: spec.cc,
        siteId: spec.site === undefined ? undefined : `site${spec.site}`,
        accountId: `acct${spec.account}`,
      }),
    ),
    rules: world.rules,
    accountPolicies,
    glMapping: {
      byCategory: { tax: '6490' },
      byCategoryAndServiceType: { recurring: { 'mobile-line': '6410' } },
    },
    markups: Object.fromEntries(COST_CENTERS.map((id, i) => [id, world.markups[i] ?? 0])),
    ...bills(world.bills.map((spec, i) => ({ ...spec, id: `inv${i}` }))),
  });
}
