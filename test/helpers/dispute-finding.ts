import type { FindingRecord } from '../../renderer/db/findings';
import { isoMonth } from '../../shared/dates';
import { cents } from '../../shared/money/cents';

/** When the audit found {@link LUMEN_FINDING}: the dispute tests' first moment. */
export const FOUND_AT = '2026-10-05T09:00:00.000Z';

/** One open $49.99 rate-mismatch finding of Lumen account 100-200, for the dispute tests. */
export const LUMEN_FINDING: FindingRecord = {
  id: 'finding-a',
  ruleId: 'rate-mismatch',
  severity: 'error',
  subject: { carrierId: 'lumen', accountNumber: '100-200', period: isoMonth(2026, 9) },
  impact: cents(49_99),
  message: 'Billed $94.99 for a $45.00 plan.',
  status: 'open',
  statusHistory: [],
  firstSeenAt: FOUND_AT,
  lastSeenAt: FOUND_AT,
};
