import { foundIn, recoveriesIn } from '../../../shared/audit/dashboard-findings';
import { invoiceMonthsOf } from '../../../shared/audit/savings';
import { countedImpact, countOnce } from '../../../shared/audit/claims';
import { allocateMonth } from '../../../shared/allocation';
import {
  monthlyReport,
  reportMonths,
  spendByCarrier,
  spendByCostCenter,
} from '../../../shared/billing/report';
import { renewalRows } from '../../../shared/contracts/renewals';
import { isIsoMonth, todayIso, type IsoMonth } from '../../../shared/dates';
import { impactKindOf, isOutstanding } from '../../../shared/model';
import { cents, sumCents } from '../../../shared/money/cents';
import { loadMonthInput } from '../../db/chargeback';
import type { TemDeskDatabase } from '../../db/database';
import type { DisputeRecord } from '../../db/findings';
import { readSettings } from '../../db/settings';

/**
 * Everything one month's report shows, from the stored records: spend and how it moved, spend by
 * carrier and by cost center (the chargeback's own allocation of the month, so both screens agree),
 * billing errors, recoveries and renewals. Null when there is no invoice yet.
 */
export async function loadReport(db: TemDeskDatabase, requested: string | undefined) {
  const [invoices, carriers, findings, contracts, disputes, settings] = await Promise.all([
    db.invoices.toArray(),
    db.carriers.toArray(),
    db.findings.toArray(),
    db.contracts.toArray(),
    db.disputes.toArray() as Promise<DisputeRecord[]>,
    readSettings(db),
  ]);
  const months = reportMonths(invoices);
  const month: IsoMonth | undefined =
    requested && isIsoMonth(requested) ? requested : months.at(-1);
  if (!month) return null;
  const once = countOnce(findings);
  const open = findings.filter(isOutstanding);
  const found = foundIn(findings, month, invoiceMonthsOf(invoices), once);
  const today = todayIso(new Date());
  const carrierNames = new Map(carriers.map((c) => [c.id, c.name]));
  const renewals = renewalRows(contracts, new Map(), today, undefined, carrierNames).filter(
    (r) => r.daysToNotice >= 0 && r.daysToNotice <= 120,
  );
  const allocationInput = await loadMonthInput(db, month);
  const allocation = allocateMonth(allocationInput);
  return {
    month,
    months,
    report: monthlyReport(invoices, month),
    carrierNames,
    byCarrier: spendByCarrier(invoices, month, carrierNames),
    byCostCenter: spendByCostCenter(allocation, allocationInput.costCenters),
    organization: settings.organizationName,
    openCount: open.length,
    atStake: sumCents(open.map((f) => countedImpact(once, f))),
    atRisk: cents(
      open.reduce((s, f) => s + (impactKindOf(f.ruleId) === 'at-risk' ? f.impact : 0), 0),
    ),
    foundCount: found.count,
    foundImpact: found.atStake,
    renewals,
    recoveries: recoveriesIn(disputes, month, today),
    today,
  };
}
