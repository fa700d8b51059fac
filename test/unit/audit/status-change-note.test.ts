import { describe, expect, it } from 'vitest';
import { statusChangeProblem } from '../../../shared/audit/next-status';
import { FINDING_STATUSES } from '../../../shared/model';

describe('a status change as entered', () => {
  it.each(['', '   '])('dismissing with no note (%j) is refused, saying why', (note) => {
    expect(statusChangeProblem('dismissed', note)).toBe(
      'Say in the note why it is dismissed: it stays in the finding’s history, for whoever reviews it later.',
    );
  });

  it('dismissing with a note is fine, and every other status needs none', () => {
    expect(statusChangeProblem('dismissed', 'Agreed with the carrier')).toBeNull();
    for (const status of FINDING_STATUSES.filter((s) => s !== 'dismissed'))
      expect(statusChangeProblem(status, '')).toBeNull();
  });
});
