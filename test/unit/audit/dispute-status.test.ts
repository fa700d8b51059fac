import { describe, expect, it } from 'vitest';
import { disputeStatusOnSave, followNote } from '../../../shared/audit/dispute-status';
import { isoDate } from '../../../shared/dates';
import type { DisputeStatus } from '../../../shared/model';
import { cents } from '../../../shared/money/cents';

const FILED = isoDate(2026, 11, 20);

describe('the status a dispute is saved with', () => {
  it.each<[DisputeStatus, typeof FILED | undefined, DisputeStatus | undefined, DisputeStatus]>([
    // Nobody picked a status: a credit recorded meanwhile is kept, whatever the form held.
    ['partially-credited', FILED, undefined, 'partially-credited'],
    ['credited', undefined, undefined, 'credited'],
    // A draft given a filed date is filed; without one it stays a draft.
    ['draft', FILED, undefined, 'submitted'],
    ['draft', undefined, undefined, 'draft'],
    // A status the user picked wins, even a draft with a filed date.
    ['partially-credited', FILED, 'denied', 'denied'],
    ['draft', FILED, 'draft', 'draft'],
  ])('%s, filed %s, picked %s → %s', (current, filed, picked, expected) => {
    expect(disputeStatusOnSave(current, filed, picked)).toBe(expected);
  });
});

describe('the history note of findings following their dispute', () => {
  it('reads naturally beside the status it is shown with ("Disputed: Dispute reopened …")', () => {
    expect(
      followNote({ status: 'submitted', creditedAmount: cents(0), carrierReference: 'LUM-88121' }),
    ).toBe('Dispute reopened (ticket LUM-88121)');
  });
});
