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

/**
 * Why a status change cannot be saved as entered, or null: a finding is dismissed with a note
 * saying why (the catalogue's "dismissed (with a note)"), since a dismissed finding drops out of
 * money at stake for good and stays dismissed when the checks find it again.
 */
export function statusChangeProblem(status: FindingStatus, note: string): string | null {
  if (status === 'dismissed' && note.trim() === '')
    return 'Say in the note why it is dismissed: it stays in the finding’s history, for whoever reviews it later.';
  return null;
}
