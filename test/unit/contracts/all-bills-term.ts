import { isoDate } from '../../../shared/dates';

/**
 * A contract term covering every bill of the spend tests: which contracts hold a bill by its date
 * is tested on its own (test/unit/audit/successor-contract.test.ts).
 */
export const TERM = {
  startDate: isoDate(2024, 1, 1),
  endDate: isoDate(2028, 12, 31),
  autoRenew: false,
  renewalTermMonths: 0,
  status: 'active',
} as const;
