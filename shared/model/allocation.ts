/**
 * Cost allocation: how a service's or account's charges are split across cost centers for the
 * chargeback. Percentages are basis points (1 bp = 0.01%, 10,000 = 100%) so they stay integers,
 * and amounts are split with largest remainder so parts always sum to the whole.
 */
import type { IsoMonth } from '../dates/iso-date';

/** One cost center's share of a rule. */
export interface AllocationSplit {
  costCenterId: string;
  /** Share in basis points; the splits of one rule sum to 10,000. */
  basisPoints: number;
}

/** What an allocation rule applies to; the most specific rule wins (service, then site, then account). */
export type AllocationTarget =
  | { kind: 'service'; serviceId: string }
  | { kind: 'site'; siteId: string }
  | { kind: 'account'; accountId: string };

/** A rule splitting charges between cost centers. */
export interface AllocationRule {
  id: string;
  name: string;
  target: AllocationTarget;
  splits: AllocationSplit[];
  /** First month the rule applies (inclusive). */
  effectiveFrom: IsoMonth;
  /** Last month the rule applies (inclusive); absent while it is current. */
  effectiveTo?: IsoMonth;
}
