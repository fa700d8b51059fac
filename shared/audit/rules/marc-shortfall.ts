import { addMonthsToMonth, isoMonthOf, monthParts, type IsoMonth } from '../../dates/iso-date';
import { cents } from '../../money/cents';
import { money } from '../findings';
import {
  findingId,
  resolveSettings,
  type AuditRule,
  type FindingDraft,
  type SettingSpec,
} from '../rule';

const SETTINGS = [
  { key: 'months', label: 'Billed months annualised (the latest)', unit: 'months', default: 12 },
  {
    key: 'minimumMonths',
    label: 'Billed months needed before annualising',
    unit: 'months',
    default: 3,
  },
] as const satisfies readonly SettingSpec[];

/** Whole months from `from` to `to` (positive when `to` is later). */
function monthsBetween(from: IsoMonth, to: IsoMonth): number {
  const a = monthParts(from);
  const b = monthParts(to);
  return (b.year - a.year) * 12 + (b.month - a.month);
}

/**
 * A contract with a minimum annual revenue commitment (MARC) whose spend — the one definition of
 * `shared/contracts/spend.ts`: its services, its accounts' unclaimed services, a pro-rata share
 * of account-level charges — annualised from its latest billed months within the term falls
 * short of it. Months with no invoice are not zero spend: only billed months count. One finding
 * per contract year (its id names the year's first month), refreshed as months are billed.
 * Impact: MARC − annualised spend (spend × 12 ÷ months, rounded half up).
 */
export const marcShortfallRule: AuditRule = {
  id: 'marc-shortfall',
  title: 'Spend below the revenue commitment',
  description:
    'A contract’s spend (its services, its accounts’ unclaimed services and a share of account-level charges), annualised from its latest 12 billed months (at least 3), under its minimum annual revenue commitment (MARC). Impact: MARC − annualised spend.',
  severity: 'warning',
  settings: SETTINGS,
  check(context) {
    const settings = resolveSettings(context.settings, this.id, SETTINGS);
    const window = Math.max(1, Math.round(settings.months));
    const minimum = Math.max(1, Math.round(settings.minimumMonths));
    const committed = context.snapshot.contracts.filter(
      (contract) =>
        contract.marcCents > 0 && contract.status !== 'terminated' && contract.status !== 'expired',
    );
    if (committed.length === 0) return [];
    const spend = context.contractSpend(new Set(committed.map((contract) => contract.id)));
    const drafts: FindingDraft[] = [];
    for (const contract of committed) {
      const start = isoMonthOf(contract.startDate);
      // After the term the commitment runs on only with a renewal for a real term.
      const renews = contract.autoRenew && contract.renewalTermMonths > 0;
      const end = isoMonthOf(contract.endDate);
      const billed = [...(spend.get(contract.id) ?? new Map<IsoMonth, number>())].filter(
        ([month]) => month >= start && (renews || month <= end),
      );
      const months = billed.slice(-window);
      const latest = months.at(-1)?.[0];
      if (latest === undefined || months.length < minimum) continue;
      const total = months.reduce((sum, [, amount]) => sum + amount, 0);
      const count = months.length;
      const annualised = Math.floor((2 * 12 * total + count) / (2 * count));
      const shortfall = contract.marcCents - annualised;
      if (shortfall <= 0) continue;
      const first = months[0]?.[0] ?? latest;
      const year = addMonthsToMonth(start, 12 * Math.floor(monthsBetween(start, latest) / 12));
      const accountNumber =
        context.accountById.get(contract.accountIds[0] ?? '')?.accountNumber ?? '';
      const span = count === 1 ? latest : `${first} to ${latest}`;
      drafts.push({
        id: findingId(this.id, contract.carrierId, accountNumber, contract.id, year),
        ruleId: this.id,
        severity: this.severity,
        subject: { carrierId: contract.carrierId, accountNumber, period: latest },
        impact: cents(shortfall),
        message: `${contract.name} commits to ${money(contract.marcCents)} a year; its spend over ${count} billed month${count === 1 ? '' : 's'} (${span}) is ${money(total)}, ${money(annualised)} annualised: ${money(shortfall)} short.`,
      });
    }
    return drafts;
  },
};
