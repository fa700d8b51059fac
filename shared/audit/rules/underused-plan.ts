import { contractedRate } from '../../contracts/rates';
import type { ContractRate } from '../../model';
import { cents } from '../../money/cents';
import { money } from '../findings';
import {
  findingId,
  resolveSettings,
  type AuditRule,
  type FindingDraft,
  type SettingSpec,
} from '../rule';
import {
  DIMENSIONS,
  cheapestCovering,
  latestRun,
  mobileUsageByMonth,
  peakOf,
  usageSubject,
  type Dimension,
  type MonthUse,
  type Use,
} from '../plans';
import { idleRun } from './zero-usage';

/** The share and the window; the optimisation view reads the same `months`. */
export const UNDERUSED_SETTINGS = [
  {
    key: 'percent',
    label: 'Usage below this share of the plan’s allowance',
    unit: 'percent',
    default: 25,
  },
  {
    key: 'months',
    label: 'For this many consecutive months',
    unit: 'months',
    default: 3,
    // Zero would judge no month (and the optimisation view would read every month); two years at most.
    range: { min: 1, max: 24, whole: true },
  },
] as const satisfies readonly SettingSpec[];

/**
 * A mobile line whose usage stayed below a share of its plan's allowance for N consecutive months
 * (the latest months with figures), where a cheaper plan of its contract's rate card would have
 * covered the highest use of those months. Missing usage is not zero usage: a month with no usage
 * figures ends the run. A month counts as under-used when each allowance of the plan that is a
 * number is used below the share (unlimited and not-known allowances set no bound; a plan with no
 * allowance as a number has no share to fall below and is not judged). A cheaper plan covers when
 * each allowance is unlimited or at least the highest use; a not-known allowance covers only a
 * use of zero. A run of months without any use, and a line `zero-usage` reports idle in its
 * latest months, are left to it (cancel, not downgrade).
 * Impact: (plan rate − cheaper plan rate) × the months of the run.
 */
export const underusedPlanRule: AuditRule = {
  id: 'underused-plan',
  title: 'Plan bigger than the line needs',
  description:
    'A mobile line whose usage stayed below 25 % of its plan’s allowance for 3 consecutive months, where a cheaper plan of the same contract’s rate card would have covered its highest month. Months without usage figures end the run; they are never read as no use. Impact: (plan rate − cheaper plan rate) per month, over the months seen.',
  severity: 'info',
  settings: UNDERUSED_SETTINGS,
  check(context) {
    const settings = resolveSettings(context.settings, this.id, UNDERUSED_SETTINGS);
    const byService = mobileUsageByMonth(context);

    const findings: FindingDraft[] = [];
    for (const [service, months] of byService) {
      const contract = context.contractOf(service);
      const plan = contract === undefined ? undefined : contractedRate(contract, service);
      if (contract === undefined || plan === undefined) continue;
      const measured = DIMENSIONS.filter(({ field }) => typeof plan[field] === 'number');
      if (measured.length === 0) continue;
      // An idle line is zero-usage's (cancel it, saving all of its charge), not a cheaper plan's:
      // both would claim its idle months.
      if (idleRun(context, service, months) !== undefined) continue;
      // A figure not known is not a use below the share: that month ends the run.
      const under = (use: MonthUse) =>
        measured.every(({ dimension, field }) => {
          const amount = use.amounts[dimension];
          return amount !== null && amount * 100 < settings.percent * Number(plan[field]);
        });
      const run = latestRun(months.values(), under);
      if (run.length < settings.months) continue;
      if (run.every((use) => DIMENSIONS.every(({ dimension }) => use.amounts[dimension] === 0)))
        continue;
      const peak = peakOf(run);
      const cheaper = cheapestCovering(contract.rateCard ?? [], plan.monthlyRateCents, peak);
      if (cheaper === undefined) continue;

      const first = run[0];
      const latest = run[run.length - 1];
      if (first === undefined || latest === undefined) continue;
      const saving = plan.monthlyRateCents - cheaper.monthlyRateCents;
      const { facts, accountNumber, serviceKey: key } = usageSubject(context, service, latest);
      const planName = plan.planOrServiceType ?? service.plan ?? 'its plan';
      const uses = measured
        .map(
          ({ dimension, unit }) =>
            `${run.map((use) => amountText(use.amounts[dimension], dimension)).join(', ')} ${unit === 'GB' ? 'GB of data' : unit}`,
        )
        .join('; ');
      findings.push({
        id: findingId(this.id, service.carrierId, accountNumber, key, first.month),
        ruleId: this.id,
        severity: this.severity,
        subject: {
          carrierId: service.carrierId,
          accountNumber,
          serviceKey: key,
          serviceIdRaw: latest.serviceIdRaw,
          period: first.month,
        },
        impact: cents(saving * run.length),
        message:
          `${latest.serviceIdRaw} used under ${settings.percent}% of its ${planName} plan (${money(plan.monthlyRateCents)} a month; ${allowancesText(plan)}) for ${run.length} months, ${first.month} to ${latest.month} (${uses}). ` +
          `${cheaper.planOrServiceType ?? ''} (${allowancesText(cheaper)}) at ${money(cheaper.monthlyRateCents)} a month covers its highest use (${peakText(peak)}): ${money(saving)} a month less, ${money(saving * run.length)} over the ${run.length} months.`,
        evidence: {
          serviceId: service.id,
          ...(facts === undefined ? {} : { invoiceId: facts.invoice.id }),
        },
      });
    }
    return findings;
  },
};

function amountText(amount: number | null, dimension: Dimension): string {
  if (amount === null) return 'not known';
  return dimension === 'data' ? amount.toFixed(2) : String(Number(amount.toFixed(1)));
}

/** `10 GB data, 1000 minutes, unlimited messages` (not-known allowances left out). */
function allowancesText(rate: ContractRate): string {
  const parts: string[] = [];
  for (const { field, unit } of DIMENSIONS) {
    const allowance = rate[field];
    if (allowance === undefined) continue;
    const amount = allowance === 'unlimited' ? 'unlimited' : String(allowance);
    parts.push(
      unit === 'GB' ? `${amount}${amount === 'unlimited' ? '' : ' GB'} data` : `${amount} ${unit}`,
    );
  }
  return parts.join(', ');
}

function peakText(peak: Use): string {
  return `${amountText(peak.data, 'data')} GB, ${amountText(peak.voice, 'voice')} minutes, ${amountText(peak.messages, 'messages')} messages`;
}
