import { addMonthsToMonth, isoMonthOf, monthParts, type IsoMonth } from '../../dates/iso-date';
import { accountsLinked } from '../../contracts/spend';
import type { Contract } from '../../model';
import { cents } from '../../money/cents';
import { accountKeyOf, type RuleContext } from '../context';
import { money } from '../findings';
import { billedPeriodMonths } from '../recurring';
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

/** One invoice month of a contract's spend. */
interface BilledMonth {
  month: IsoMonth;
  /** The contract's spend on that month's invoices, in cents. */
  amount: number;
  /** How many months those invoices bill (a quarterly bill, 3). */
  months: number;
}

/**
 * Invoice month → how many months the bills of the contract's accounts dated in it bill (their
 * own, and a foundation account's billing lines on them): the longest stated period among them (a
 * quarterly bill, 3), else 1.
 */
function monthsBilledOf(context: RuleContext, contract: Contract): Map<IsoMonth, number> {
  const result = new Map<IsoMonth, number>();
  for (const accountId of accountsLinked([contract], context.snapshot.services)) {
    const account = context.accountById.get(accountId);
    if (account === undefined) continue;
    const key = accountKeyOf(account.carrierId, account.accountNumber);
    // Its own bills, and the bills of another account that bill lines on it (a FAN's over a BAN):
    // the spend counts those lines too.
    const naming = context.invoicesNaming(account.carrierId, account.accountNumber);
    for (const facts of [
      ...(context.invoicesByAccount.get(key) ?? []),
      ...naming.map((lines) => lines.facts),
    ])
      result.set(facts.month, Math.max(result.get(facts.month) ?? 1, billedPeriodMonths(facts)));
  }
  return result;
}

/**
 * A contract with a minimum annual revenue commitment (MARC) whose spend — the one definition of
 * `shared/contracts/spend.ts`: its services, its accounts' unclaimed services, a pro-rata share
 * of account-level charges — falls short of it in a contract year. Each contract year is judged
 * on its own billed months only (a year's surplus never hides another year's shortfall): its
 * latest billed months, annualised. A bill of a longer stated period (a quarter) bills each of
 * its months; months with no invoice are not zero spend: only billed months count. One finding
 * per contract year (its id names the year's first month), refreshed as months are billed.
 * Impact: MARC − annualised spend (spend × 12 ÷ months billed, rounded half up).
 */
export const marcShortfallRule: AuditRule = {
  id: 'marc-shortfall',
  title: 'Spend below the revenue commitment',
  description:
    'A contract’s spend (its services, its accounts’ unclaimed services and a share of account-level charges) in each contract year, annualised from that year’s billed months (at least 3; a quarterly bill bills 3), under its minimum annual revenue commitment (MARC). Impact: MARC − annualised spend.',
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
      const monthsBilled = monthsBilledOf(context, contract);
      const years = new Map<IsoMonth, BilledMonth[]>();
      for (const [month, amount] of spend.get(contract.id) ?? []) {
        if (month < start || (!renews && month > end)) continue;
        const year = addMonthsToMonth(start, 12 * Math.floor(monthsBetween(start, month) / 12));
        const billed = { month, amount, months: monthsBilled.get(month) ?? 1 };
        const list = years.get(year);
        if (list === undefined) years.set(year, [billed]);
        else list.push(billed);
      }
      const accountNumber =
        context.accountById.get(contract.accountIds[0] ?? '')?.accountNumber ?? '';
      for (const [year, billed] of years) {
        const months = latestMonths(billed, window);
        const count = months.reduce((sum, entry) => sum + entry.months, 0);
        const latest = months.at(-1)?.month;
        if (latest === undefined || count < minimum) continue;
        const total = months.reduce((sum, entry) => sum + entry.amount, 0);
        const annualised = Math.floor((2 * 12 * total + count) / (2 * count));
        const shortfall = contract.marcCents - annualised;
        if (shortfall <= 0) continue;
        const first = months[0]?.month ?? latest;
        const bills = months.length === count ? '' : `${months.length} bills, `;
        const span = first === latest ? `${bills}${latest}` : `${bills}${first} to ${latest}`;
        drafts.push({
          id: findingId(this.id, contract.carrierId, accountNumber, contract.id, year),
          ruleId: this.id,
          severity: this.severity,
          subject: { carrierId: contract.carrierId, accountNumber, period: latest },
          impact: cents(shortfall),
          message: `${contract.name} commits to ${money(contract.marcCents)} a year; its spend over ${count} billed month${count === 1 ? '' : 's'} (${span}) is ${money(total)}, ${money(annualised)} annualised: ${money(shortfall)} short.`,
        });
      }
    }
    return drafts;
  },
};

/** The latest invoice months of a year, oldest first, billing at most `window` months (at least one). */
function latestMonths(billed: readonly BilledMonth[], window: number): BilledMonth[] {
  const chosen: BilledMonth[] = [];
  let months = 0;
  for (let i = billed.length - 1; i >= 0; i--) {
    const entry = billed[i];
    if (entry === undefined || (chosen.length > 0 && months + entry.months > window)) break;
    chosen.unshift(entry);
    months += entry.months;
  }
  return chosen;
}
