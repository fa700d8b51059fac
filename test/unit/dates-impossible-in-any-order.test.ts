/**
 * A numeric date that fits neither the file's order nor any other is refused for what is wrong
 * with it as a date (February has no 30th), not for the order; one that is a date in another
 * order is refused for the order.
 */
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../shared/dates';

function messageOf(text: string): string {
  const result = parseDate(text, 'YMD');
  return result.ok ? 'read' : (result.errors[0]?.message ?? '');
}

describe('a date that fits no order', () => {
  it('says February has 28 days for 02/30/2026 in a file of ISO dates', () => {
    expect(messageOf('02/30/2026')).toBe(
      '"02/30/2026" is not a real date when read as month/day/year: February 2026 has 28 days.',
    );
  });

  it('says there is no month 13 for 13/13/2026', () => {
    expect(messageOf('13/13/2026')).toContain('there is no month 13');
  });

  it('still names the order when the date is real in another order', () => {
    expect(messageOf('10/25/2026')).toBe(
      '"10/25/2026" does not fit the file\'s date order (year/month/day).',
    );
  });
});
