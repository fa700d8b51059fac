import { contractedRate } from '../../contracts/rates';
import { addMonthsToMonth, type IsoMonth } from '../../dates/iso-date';
import { SERVICE_TYPES, type Allowance, type ContractRate, type Service } from '../../model';
import { cents } from '../../money/cents';
import { money } from '../findings';
import {
  findingId,
  resolveSettings,
  type AuditRule,
  type FindingDraft,
  type SettingSpec,
} from '../rule';
import { usageServiceOf } from './zero-usage';

const SETTINGS = [
  {
    key: 'percent',
    label: 'Usage below this share of the plan’s allowance',
    unit: 'percent',
    default: 25,
  },
  { key: 'months', label: 'For this many consecutive months', unit: 'months', default: 3 },
] as const satisfies readonly SettingSpec[];

/** Kilobytes in a gigabyte (carriers count 1 KB = 1,024 bytes). */
const KB_PER_GB = 1024 * 1024;

const TYPES: ReadonlySet<string> = new Set(SERVICE_TYPES);

/** One month of a line's usage: data in GB, voice minutes, messages. */
interface MonthUse {
  month: IsoMonth;
  invoiceId: string | undefined;
  serviceIdRaw: string;
  serviceKey: string;
  amounts: Record<Dimension, number>;
}

type Dimension = 'data' | 'voice' | 'messages';

const DIMENSIONS: readonly {
  dimension: Dimension;
  field: 'dataAllowanceGb' | 'voiceMinutesAllowance' | 'messagesAllowance';
  unit: string;
}[] = [
  { dimension: 'data', field: 'dataAllowanceGb', unit: 'GB' },
  { dimension: 'voice', field: 'voiceMinutesAllowance', unit: 'minutes' },
  { dimension: 'messages', field: 'messagesAllowance', unit: 'messages' },
];

/**
 * A mobile line whose usage stayed below a share of its plan's allowance for N consecutive months
 * (the latest months with figures), where a cheaper plan of its contract's rate card would have
 * covered the highest use of those months. Missing usage is not zero usage: a month with no usage
 * figures ends the run. A month counts as under-used when each allowance of the plan that is a
 * number is used below the share (unlimited and not-known allowances set no bound; a plan with no
 * allowance as a number has no share to fall below and is not judged). A cheaper plan covers when
 * each allowance is unlimited or at least the highest use; a not-known allowance covers only a
 * use of zero. A run of months without any use is left to `zero-usage` (cancel, not downgrade).
 * Impact: (plan rate − cheaper plan rate) × the months of the run.
 */
export const underusedPlanRule: AuditRule = {
  id: 'underused-plan',
  title: 'Plan bigger than the line needs',
  description:
    'A mobile line whose usage stayed below 25 % of its plan’s allowance for 3 consecutive months, where a cheaper plan of the same contract’s rate card would have covered its highest month. Months without usage figures end the run; they are never read as no use. Impact: (plan rate − cheaper plan rate) per month, over the months seen.',
  severity: 'info',
  settings: SETTINGS,
  check(context) {
    const settings = resolveSettings(context.settings, this.id, SETTINGS);
    const byService = new Map<Service, Map<IsoMonth, MonthUse>>();
    for (const record of context.snapshot.usage) {
      const service = usageServiceOf(context, record);
      if (service === undefined || service.type !== 'mobile-line') continue;
      let months = byService.get(service);
      if (months === undefined) byService.set(service, (months = new Map()));
      const amounts = {
        data: record.dataKb / KB_PER_GB,
        voice: record.minutes,
        messages: record.messages,
      };
      const seen = months.get(record.month);
      // Two sources for one month (a summary and a detail file) are the same use: keep the larger.
      if (seen === undefined) {
        months.set(record.month, {
          month: record.month,
          invoiceId: record.invoiceId,
          serviceIdRaw: record.serviceIdRaw,
          serviceKey: record.serviceKey,
          amounts,
        });
      } else {
        for (const { dimension } of DIMENSIONS)
          seen.amounts[dimension] = Math.max(seen.amounts[dimension], amounts[dimension]);
      }
    }

    const findings: FindingDraft[] = [];
    for (const [service, months] of byService) {
      const contract = context.contractOf(service);
      const plan = contract === undefined ? undefined : contractedRate(contract, service);
      if (contract === undefined || plan === undefined) continue;
      const measured = DIMENSIONS.filter(({ field }) => typeof plan[field] === 'number');
      if (measured.length === 0) continue;
      const under = (use: MonthUse) =>
        measured.every(
          ({ dimension, field }) =>
            use.amounts[dimension] * 100 < settings.percent * Number(plan[field]),
        );
      const run = latestRun([...months.values()], under);
      if (run.length < settings.months) continue;
      if (run.every((use) => DIMENSIONS.every(({ dimension }) => use.amounts[dimension] === 0)))
        continue;
      const peak = { data: 0, voice: 0, messages: 0 };
      for (const use of run)
        for (const { dimension } of DIMENSIONS)
          peak[dimension] = Math.max(peak[dimension], use.amounts[dimension]);
      const cheaper = cheapestCovering(contract.rateCard ?? [], plan.monthlyRateCents, peak);
      if (cheaper === undefined) continue;

      const first = run[0];
      const latest = run[run.length - 1];
      if (first === undefined || latest === undefined) continue;
      const saving = plan.monthlyRateCents - cheaper.monthlyRateCents;
      const facts =
        latest.invoiceId === undefined ? undefined : context.invoiceById.get(latest.invoiceId);
      const accountNumber =
        facts?.invoice.accountNumber ??
        context.accountById.get(service.accountId)?.accountNumber ??
        '';
      const key = service.serviceKey ?? latest.serviceKey;
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

/**
 * The months that end with the latest month with figures, back to the first that is not
 * under-used or not the month after the one before it (a month without figures ends the run).
 */
function latestRun(uses: MonthUse[], under: (use: MonthUse) => boolean): MonthUse[] {
  uses.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  const run: MonthUse[] = [];
  for (let i = uses.length - 1; i >= 0; i--) {
    const use = uses[i];
    if (use === undefined || !under(use)) break;
    const next = run[0];
    if (next !== undefined && addMonthsToMonth(use.month, 1) !== next.month) break;
    run.unshift(use);
  }
  return run;
}

/** The cheapest named plan of the rate card priced below `rate` whose allowances cover `peak`. */
function cheapestCovering(
  card: readonly ContractRate[],
  rate: number,
  peak: Record<Dimension, number>,
): ContractRate | undefined {
  let best: ContractRate | undefined;
  for (const entry of card) {
    const name = entry.planOrServiceType?.trim() ?? '';
    if (entry.serviceId !== undefined || name === '' || TYPES.has(name.toLowerCase())) continue;
    if (entry.monthlyRateCents >= rate) continue;
    const covers = DIMENSIONS.every(({ dimension, field }) =>
      covered(entry[field], peak[dimension]),
    );
    if (!covers) continue;
    if (
      best === undefined ||
      entry.monthlyRateCents < best.monthlyRateCents ||
      (entry.monthlyRateCents === best.monthlyRateCents &&
        name < (best.planOrServiceType?.trim() ?? ''))
    )
      best = entry;
  }
  return best;
}

/** Unlimited covers any use; a number covers up to itself; a not-known allowance only no use. */
function covered(allowance: Allowance | undefined, peak: number): boolean {
  if (allowance === 'unlimited') return true;
  if (allowance === undefined) return peak === 0;
  return peak <= allowance;
}

function amountText(amount: number, dimension: Dimension): string {
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

function peakText(peak: Record<Dimension, number>): string {
  return `${amountText(peak.data, 'data')} GB, ${amountText(peak.voice, 'voice')} minutes, ${amountText(peak.messages, 'messages')} messages`;
}
