/**
 * Renewal dates as an iCalendar file (RFC 5545) for Outlook, Google Calendar and Apple Calendar.
 *
 * Every notice deadline and every end date is an all-day event with a reminder. UIDs are stable
 * (`notice-<contractId>@temdesk.local`) and a newer export's `SEQUENCE` is higher, so importing it
 * updates the events instead of duplicating them or keeping the old dates. Lines end in CRLF and are folded at 75 octets of UTF-8, never inside a
 * character.
 */
import type { IsoDate } from '../dates/iso-date';
import { addDays } from '../dates';
import { formatCents } from '../money/cents';
import type { RenewalRow } from './renewals';

/** Options for {@link contractsToIcs}. */
export interface IcsOptions {
  /** The export's time, written as every event's `DTSTAMP` (in UTC). */
  now: Date;
  /** `PRODID` of the calendar, e.g. `-//TEM Desk//Renewals 1.0//EN`. */
  prodId: string;
  /** Days before each event the reminder fires; default 14. 0 reminds on the day. */
  reminderDays?: number;
  /** Calendar name shown by clients that read `X-WR-CALNAME` (Google, Apple, Outlook). */
  calendarName?: string;
}

/** Default {@link IcsOptions.reminderDays}. */
export const DEFAULT_REMINDER_DAYS = 14;

/** Octets per line, CRLF excluded (RFC 5545 §3.1). */
const MAX_LINE_OCTETS = 75;
const CRLF = '\r\n';

/**
 * The calendar text. One event per notice deadline and one per end date, for every row that still
 * has something ahead: `terminated` and `expired` rows are left out (their dates are history).
 * Event order follows the rows.
 */
export function contractsToIcs(rows: readonly RenewalRow[], options: IcsOptions): string {
  const reminderDays = options.reminderDays ?? DEFAULT_REMINDER_DAYS;
  if (!Number.isInteger(reminderDays) || reminderDays < 0) {
    throw new RangeError(`reminderDays must be a whole number >= 0, got ${reminderDays}.`);
  }
  const stamp = icsUtcDateTime(options.now);
  const sequence = icsSequence(options.now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeIcsText(options.prodId)}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  if (options.calendarName !== undefined) {
    lines.push(`X-WR-CALNAME:${escapeIcsText(options.calendarName)}`);
  }
  for (const row of rows) {
    if (row.state === 'terminated' || row.state === 'expired') continue;
    const stake =
      row.atStakeCents > 0
        ? `At stake: ${formatCents(row.atStakeCents)} (${row.renewalMonths} × ${formatCents(row.monthlySpend)} a month).`
        : '';
    const description = [row.action, stake].filter((part) => part !== '').join('\n');
    lines.push(
      ...eventLines({
        uid: `notice-${row.contractId}@temdesk.local`,
        date: row.noticeDeadline,
        summary: `Notice deadline: ${row.name}`,
        description,
        stamp,
        sequence,
        reminderDays,
      }),
      ...eventLines({
        uid: `end-${row.contractId}@temdesk.local`,
        date: row.endDate,
        summary: `Contract ends: ${row.name}`,
        description,
        stamp,
        sequence,
        reminderDays,
      }),
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldIcsLine).join(CRLF) + CRLF;
}

interface EventFields {
  uid: string;
  date: IsoDate;
  summary: string;
  description: string;
  stamp: string;
  sequence: number;
  reminderDays: number;
}

function eventLines(event: EventFields): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${escapeIcsText(event.uid)}`,
    `DTSTAMP:${event.stamp}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTART;VALUE=DATE:${icsDate(event.date)}`,
    // All-day events end (exclusively) on the next day.
    `DTEND;VALUE=DATE:${icsDate(addDays(event.date, 1))}`,
    `SUMMARY:${escapeIcsText(event.summary)}`,
    `DESCRIPTION:${escapeIcsText(event.description)}`,
    'TRANSP:TRANSPARENT',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${escapeIcsText(event.summary)}`,
    `TRIGGER:${event.reminderDays === 0 ? 'PT0S' : `-P${event.reminderDays}D`}`,
    'END:VALARM',
    'END:VEVENT',
  ];
}

/** 2020-01-01T00:00Z in ms: where {@link icsSequence} counts from. */
const SEQUENCE_EPOCH = Date.UTC(2020, 0, 1);

/**
 * The `SEQUENCE` of every event of an export: the seconds from 2020 to the export's time. A
 * calendar takes an event of a UID it holds as an update only when its sequence is higher (Google
 * and Outlook leave the old event as it was otherwise), so each newer export must number higher —
 * a deadline moved by a renewal then moves in the calendar too, even when it was corrected and
 * exported again within the minute. Seconds stay inside iCalendar's 32-bit INTEGER until 2088.
 */
export function icsSequence(now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - SEQUENCE_EPOCH) / 1000));
}

/** `2026-12-02` → `20261202` (an iCalendar DATE). */
export function icsDate(date: IsoDate): string {
  return date.replaceAll('-', '');
}

/** An instant as an iCalendar UTC DATE-TIME: `20261126T101500Z` (seconds kept, milliseconds dropped). */
export function icsUtcDateTime(instant: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return (
    `${pad(instant.getUTCFullYear(), 4)}${pad(instant.getUTCMonth() + 1)}${pad(instant.getUTCDate())}` +
    `T${pad(instant.getUTCHours())}${pad(instant.getUTCMinutes())}${pad(instant.getUTCSeconds())}Z`
  );
}

/**
 * Escapes a TEXT value (RFC 5545 §3.3.11): `\` → `\\`, `;` → `\;`, `,` → `\,`, any line break
 * (CRLF, CR or LF) → `\n`. Other control characters, which TEXT may not hold, are removed; a tab
 * is kept.
 */
export function escapeIcsText(text: string): string {
  return removeControls(text.replace(/\r\n|\r|\n/g, '\n')).replace(/[\\;,\n]/g, (char) =>
    char === '\n' ? '\\n' : `\\${char}`,
  );
}

/** Removes the controls RFC 5545 TEXT may not hold (U+0000–U+001F but tab and line feed, U+007F). */
function removeControls(text: string): string {
  return text.replace(/\p{Cc}/gu, (char) => {
    const code = char.charCodeAt(0);
    return code === 0x09 || code === 0x0a || code > 0x7f ? char : '';
  });
}

/** Octets UTF-8 takes for one code point (a lone surrogate counts 3, like the U+FFFD it becomes). */
export function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * Folds one content line so no line is longer than 75 octets of UTF-8 (CRLF excluded):
 * continuation lines start with one space, which counts toward their 75. Splits only between code
 * points, so a multi-byte character (é, an emoji) is never cut. Returns the lines joined by CRLF.
 */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) ?? 0);
    if (octets + size > MAX_LINE_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}
