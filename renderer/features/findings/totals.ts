/**
 * The money totals of a set of findings rows, as the Findings tab's tiles show them. Pure.
 */
import { impactKindOf, isOutstanding, zeroByStatus } from '../../../shared/model';
import { cents, type Cents } from '../../../shared/money/cents';
import type { FindingRow } from './rows';

/**
 * Money at stake in a set of rows, by status, each dollar once; money at risk (unknown services)
 * apart. `total`, `gross` and `atRisk` count the outstanding rows only (open or disputed:
 * `isOutstanding`, as the dashboard and the monthly report count them): a finding the audit no
 * longer finds, credited or dismissed is neither at stake nor at risk.
 */
export interface FindingTotals {
  count: number;
  /** Money at stake of the outstanding rows, each dollar once. */
  total: Cents;
  /** The impacts as each outstanding finding states them: `total` plus what overlaps. */
  gross: Cents;
  /** Money at risk of the outstanding rows: never inside `total` or the status figures. */
  atRisk: Cents;
  open: Cents;
  /**
   * What the disputes claim of the disputed rows, as filed (`FindingRow.claimed`): not their
   * money at stake now, which may have grown or shrunk since.
   */
  disputed: Cents;
  /** Money at stake now of the disputed rows in filed disputes, each dollar once: differs from
   * `disputed` when a finding was found again with other money after its dispute was filed. */
  disputedNow: Cents;
  /**
   * Money at stake of the disputed rows whose dispute is a draft (`FindingRow.drafted`), not yet
   * filed with the carrier: in `total`, in neither `disputed` nor `disputedNow`. So
   * `open + disputedNow + inDraft` is the outstanding part of `total`.
   */
  inDraft: Cents;
  /**
   * What the carrier credited of the rows (`FindingRow.recovered`): the credits received, partial
   * ones included, not the findings' money at stake.
   */
  recovered: Cents;
}

export function totalsOf(rows: readonly FindingRow[]): FindingTotals {
  let total = 0;
  let gross = 0;
  let atRisk = 0;
  const byStatus = zeroByStatus();
  let claimed = 0;
  let drafted = 0;
  let recovered = 0;
  for (const row of rows) {
    const kind = impactKindOf(row.ruleId);
    if (kind === 'at-risk') {
      if (isOutstanding(row)) atRisk += row.impact;
      continue;
    }
    // An allocation gap (a service with no cost center) is no money claimed from the carrier.
    if (kind === 'unallocated') continue;
    if (isOutstanding(row)) {
      total += row.counted;
      gross += row.impact;
    }
    // A draft dispute's findings are not claimed yet: apart from what the disputes claim.
    if (row.drafted > 0) drafted += row.drafted;
    else byStatus[row.status] += row.counted;
    claimed += row.claimed;
    recovered += row.recovered;
  }
  return {
    count: rows.length,
    total: cents(total),
    gross: cents(gross),
    atRisk: cents(atRisk),
    open: cents(byStatus.open),
    disputed: cents(claimed),
    disputedNow: cents(byStatus.disputed),
    inDraft: cents(drafted),
    recovered: cents(recovered),
  };
}
