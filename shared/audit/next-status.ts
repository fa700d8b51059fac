import type { FindingStatus } from '../model';

/**
 * The status a finding's "New status" starts at: the next step of its usual life (open → disputed
 * → credited), else where it already is. Never a step that drops the money (dismissed, resolved)
 * — that must be a deliberate choice.
 */
export function suggestedNextStatus(current: FindingStatus): FindingStatus {
  if (current === 'open') return 'disputed';
  if (current === 'disputed') return 'credited';
  return current;
}
