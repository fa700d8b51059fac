/** Long messages are cut for display without garbling them (shared/import/limits `capMessage`). */
import { describe, expect, it } from 'vitest';
import { capMessage } from '../../../shared/import/limits';

describe('capMessage', () => {
  it('keeps a message at or under the limit as it is', () => {
    expect(capMessage('Row 3: expected an amount.', 40)).toBe('Row 3: expected an amount.');
  });

  it('shortens a long quoted cell to 60 characters, leaving the sentence whole', () => {
    const cell = 'x'.repeat(500);
    const message = `Row 7: expected an amount but found "${cell}".`;
    expect(capMessage(message, 200)).toBe(
      `Row 7: expected an amount but found "${'x'.repeat(59)}…".`,
    );
  });

  it('never takes the words between two quoted names for a quoted text', () => {
    const sentence = (name: string) =>
      `"${name}" is a Rogers ALL_CALLS file, which has no header row: import the whole ZIP it came in, with the Header file naming its columns.`;
    const message = ['ALL_CALLS-SMS.txt', 'ALL_CALLS-Voice.txt', 'ALL_CALLS-GPRS.txt']
      .map(sentence)
      .join(' ');
    const capped = capMessage(message, 400);
    expect(capped.length).toBeLessThanOrEqual(400);
    // The first two sentences survive whole; only the end is cut.
    expect(
      capped.startsWith(`${sentence('ALL_CALLS-SMS.txt')} ${sentence('ALL_CALLS-Voice.txt')}`),
    ).toBe(true);
    expect(capped.endsWith('…')).toBe(true);
  });
});
