/** Words for contract statuses, renewal states and countdowns, shared by the contracts screens. */
import type { RenewalRow, RenewalState } from '../../../shared/contracts';
import type { ContractStatus } from '../../../shared/model';

export const STATUS_LABELS: Record<ContractStatus, string> = {
  active: 'Active',
  'in-review': 'In review',
  negotiating: 'Negotiating',
  renewed: 'Renewed',
  'auto-renewed': 'Auto-renewed',
  terminated: 'Terminated',
  expired: 'Expired',
};

/** Badge text and style for a renewal state (the window is added for `in-window`). */
export function stateBadge(row: Pick<RenewalRow, 'state' | 'window'>): {
  text: string;
  tone: 'danger' | 'warning' | 'ok' | 'muted';
} {
  const labels: Record<
    RenewalState,
    { text: string; tone: 'danger' | 'warning' | 'ok' | 'muted' }
  > = {
    'past-deadline': { text: 'Past deadline', tone: 'danger' },
    'month-to-month': { text: 'Month-to-month', tone: 'danger' },
    expired: { text: 'Expired — out of contract', tone: 'danger' },
    'in-window': { text: `Within ${row.window ?? ''} days`, tone: 'warning' },
    ok: { text: 'No action yet', tone: 'ok' },
    terminated: { text: 'Terminated', tone: 'muted' },
  };
  return labels[row.state];
}

/** `6 days left`, `Deadline today`, `1 day ago`. */
export function countdownText(daysToNotice: number): string {
  if (daysToNotice === 0) return 'Deadline today';
  const days = Math.abs(daysToNotice);
  const unit = days === 1 ? 'day' : 'days';
  return daysToNotice > 0 ? `${days} ${unit} left` : `${days} ${unit} ago`;
}

/** `Jan 2027` for a month axis, from an ISO date. */
export function shortMonth(date: string): string {
  const [year, month] = date.split('-');
  const names = [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ];
  return `${names[Number(month) - 1] ?? ''} ${year ?? ''}`;
}
