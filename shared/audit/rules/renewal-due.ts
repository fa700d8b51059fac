import { successorOf } from '../../contracts/in-effect';
import { currentTerm } from '../../contracts/terms';
import { daysBetween, isoMonthOf } from '../../dates/iso-date';
import { plural } from '../../text/wording';
import type { Severity } from '../../model';
import { ZERO_CENTS } from '../../money/cents';
import {
  findingId,
  resolveSettings,
  type AuditRule,
  type FindingDraft,
  type SettingSpec,
} from '../rule';

const SETTINGS = [
  {
    key: 'firstAlertDays',
    label: 'First alert, days before the notice deadline',
    unit: 'days',
    default: 120,
  },
  { key: 'secondAlertDays', label: 'Second alert', unit: 'days', default: 90 },
  { key: 'thirdAlertDays', label: 'Third alert', unit: 'days', default: 45 },
  { key: 'lastAlertDays', label: 'Last alert', unit: 'days', default: 30 },
] as const satisfies readonly SettingSpec[];

/**
 * The catalogue's severity: an error only for an auto-renewing contract at or past its notice
 * deadline, a warning for an auto-renewing one inside an alert window, info for a contract that
 * does not renew by itself (it goes month-to-month, which `out-of-contract` watches).
 */
export function renewalSeverity(autoRenew: boolean, deadlinePassed: boolean): Severity {
  if (!autoRenew) return 'info';
  return deadlinePassed ? 'error' : 'warning';
}

/**
 * Contracts whose notice deadline (end date − notice days) is within an alert window. Each window
 * is its own finding (its id names the window), so dismissing the 120-day alert still lets the
 * 30-day one through; a deadline already passed on a running contract is one more.
 */
export const renewalDueRule: AuditRule = {
  id: 'renewal-due',
  title: 'Renewal notice due',
  description:
    'A contract whose notice deadline falls within the alert windows (120 / 90 / 45 / 30 days). No money impact: the risk of an unwanted automatic renewal or of month-to-month rates.',
  severity: 'warning',
  settings: SETTINGS,
  check(context) {
    const settings = resolveSettings(context.settings, this.id, SETTINGS);
    const windows = [
      settings.firstAlertDays,
      settings.secondAlertDays,
      settings.thirdAlertDays,
      settings.lastAlertDays,
    ].sort((a, b) => a - b);
    const drafts: FindingDraft[] = [];
    for (const contract of context.snapshot.contracts) {
      if (['terminated', 'expired'].includes(contract.status)) continue;
      // The term running today, as the renewals screen reads it: an auto-renewed contract's next
      // deadline is its current term's, not the long-passed one of its first term.
      const term = currentTerm(contract, context.today);
      // Past its term without renewing, or evergreen month to month: out-of-contract's business.
      if (term.expired || term.monthToMonth) continue;
      const deadline = term.noticeDeadline;
      const daysLeft = daysBetween(context.today, deadline);
      const window = windows.find((days) => daysLeft >= 0 && daysLeft <= days);
      if (window === undefined && daysLeft >= 0) continue;
      const accountNumber =
        context.accountById.get(contract.accountIds[0] ?? '')?.accountNumber ?? '';
      // An evergreen contract with no renewal term (0 months) rolls over a month at a time.
      const after = !contract.autoRenew
        ? 'goes month-to-month'
        : contract.renewalTermMonths >= 1
          ? `renews automatically for ${plural(contract.renewalTermMonths, 'month')}`
          : 'renews automatically month-to-month';
      const ends =
        term.renewedOn === null
          ? `${contract.name} ends ${term.termEnd}`
          : `${contract.name} renewed automatically on ${term.renewedOn}; its term ends ${term.termEnd}`;
      // A new contract recorded to take over: the renewal is decided, so the alert is a note
      // asking to close the old one, never an auto-renewal error.
      const successor = successorOf(contract, context.snapshot.contracts, term.termEnd);
      const takenOver =
        successor === undefined
          ? ''
          : ` ${successor.name} is recorded to take over from ${successor.startDate}: once the carrier confirms it replaces this contract, mark this one expired or terminated.`;
      const message =
        window === undefined
          ? `${ends} and ${after}: the notice deadline ${deadline} has passed.${takenOver}`
          : `${ends} and ${after} unless notice reaches the carrier by ${deadline} (${plural(contract.noticeDays, 'day')} before): ${plural(daysLeft, 'day')} left.${takenOver}`;
      drafts.push({
        id: findingId(
          this.id,
          contract.carrierId,
          accountNumber,
          `${contract.id}@${window ?? 'passed'}`,
          isoMonthOf(deadline),
        ),
        ruleId: this.id,
        severity:
          successor === undefined ? renewalSeverity(contract.autoRenew, daysLeft <= 0) : 'info',
        subject: { carrierId: contract.carrierId, accountNumber, period: isoMonthOf(deadline) },
        impact: ZERO_CENTS,
        message,
      });
    }
    return drafts;
  },
};
