import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contractsToIcs,
  escapeIcsText,
  foldIcsLine,
  icsSequence,
  icsUtcDateTime,
} from '../../../shared/contracts/ics';
import { renewalRows } from '../../../shared/contracts/renewals';
import type { Cents } from '../../../shared/money/cents';
import { cents } from '../../../shared/money/cents';
import {
  findIcsComponents,
  icsValue,
  parseIcs,
  unescapeIcsText,
  type IcsComponent,
} from '../../helpers/ics';
import { day, makeContract } from './helpers';

const NOW = new Date(Date.UTC(2026, 10, 26, 10, 15, 0, 456));
const PROD_ID = '-//TEM Desk//Renewals//EN';
const octets = (line: string) => Buffer.byteLength(line, 'utf8');

function parsed(text: string): IcsComponent[] {
  const result = parseIcs(text);
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.value;
}

function rowsFor(name: string, overrides: Parameters<typeof makeContract>[0] = {}) {
  return renewalRows(
    [
      makeContract({
        id: 'ctr-42',
        name,
        endDate: day('2027-01-01'),
        noticeDays: 30,
        ...overrides,
      }),
    ],
    new Map<string, Cents>([['ctr-42', cents(2_500_00)]]),
    day('2026-10-01'),
    undefined,
    new Map([['car-lumen', 'Lumen']]),
  );
}

/** What a TEXT value reads back as: line breaks as LF, controls other than tab removed. */
function readBack(text: string): string {
  return text
    .replace(/\r\n|\r/g, '\n')
    .replace(/\p{Cc}/gu, (c) => (c === '\t' || c === '\n' || c.charCodeAt(0) > 0x7f ? c : ''));
}

describe('foldIcsLine folds at 75 octets of UTF-8', () => {
  it.each<[string, string, string[]]>([
    ['75 ASCII octets stay whole', 'A'.repeat(75), ['A'.repeat(75)]],
    ['76 ASCII octets fold after 75', 'A'.repeat(76), ['A'.repeat(75), ' A']],
    ['é that would straddle octet 75 moves down', `${'a'.repeat(74)}é`, ['a'.repeat(74), ' é']],
    ['é ending exactly on octet 75 stays', `${'a'.repeat(73)}é`, [`${'a'.repeat(73)}é`]],
    ['an emoji (4 octets) is never split', `${'a'.repeat(72)}😀b`, ['a'.repeat(72), ' 😀b']],
    ['an emoji ending on octet 75 stays', `${'a'.repeat(71)}😀`, [`${'a'.repeat(71)}😀`]],
    [
      'continuation lines count their leading space',
      'B'.repeat(75 + 74 + 1),
      ['B'.repeat(75), ` ${'B'.repeat(74)}`, ' B'],
    ],
  ])('%s', (_label, line, expected) => {
    const folded = foldIcsLine(line).split('\r\n');
    expect(folded).toEqual(expected);
    for (const part of folded) expect(octets(part)).toBeLessThanOrEqual(75);
  });

  it('folds a line of 3-octet characters every 25 (then 24 plus the space) characters', () => {
    const folded = foldIcsLine('€'.repeat(60)).split('\r\n');
    expect(folded.map(octets)).toEqual([75, 73, 34]);
  });
});

describe('escapeIcsText', () => {
  it.each<[string, string]>([
    ['plain', 'plain'],
    ['a\\b', 'a\\\\b'],
    ['a;b', 'a\\;b'],
    ['a,b', 'a\\,b'],
    ['line 1\nline 2', 'line 1\\nline 2'],
    ['line 1\r\nline 2', 'line 1\\nline 2'],
    ['line 1\rline 2', 'line 1\\nline 2'],
    ['tab\there', 'tab\there'],
    ['bell\u0007gone', 'bellgone'],
    ['AT&T: "MPLS"', 'AT&T: "MPLS"'],
  ])('%j → %j', (text, escaped) => {
    expect(escapeIcsText(text)).toBe(escaped);
  });

  it.each<[string, string]>([
    ['a\\nb', 'a\nb'],
    ['a\\Nb', 'a\nb'],
    ['a\\\\nb', 'a\\nb'],
    ['a\\;b\\,c', 'a;b,c'],
  ])('unescapes %j → %j', (escaped, text) => {
    expect(unescapeIcsText(escaped)).toBe(text);
  });
});

describe('contractsToIcs', () => {
  const text = contractsToIcs(rowsFor('Lumen MPLS; HQ, East'), { now: NOW, prodId: PROD_ID });
  const calendars = parsed(text);
  const events = findIcsComponents(calendars, 'VEVENT');

  it('writes the calendar header and ends every line with CRLF', () => {
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const calendar = calendars[0];
    expect(calendars).toHaveLength(1);
    expect(calendar && icsValue(calendar, 'PRODID')).toBe(PROD_ID);
    expect(calendar && icsValue(calendar, 'CALSCALE')).toBe('GREGORIAN');
    expect(calendar && icsValue(calendar, 'METHOD')).toBe('PUBLISH');
  });

  it('writes one all-day event per notice deadline and per end date, with stable UIDs', () => {
    expect(events.map((event) => icsValue(event, 'UID'))).toEqual([
      'notice-ctr-42@temdesk.local',
      'end-ctr-42@temdesk.local',
    ]);
    expect(text).toContain('DTSTART;VALUE=DATE:20261202\r\nDTEND;VALUE=DATE:20261203\r\n');
    expect(text).toContain('DTSTART;VALUE=DATE:20270101\r\nDTEND;VALUE=DATE:20270102\r\n');
    const start = events[0]?.properties.find((property) => property.name === 'DTSTART');
    expect(start?.params).toEqual({ VALUE: 'DATE' });
  });

  it('stamps every event in UTC', () => {
    expect(icsUtcDateTime(NOW)).toBe('20261126T101500Z');
    for (const event of events) expect(icsValue(event, 'DTSTAMP')).toBe('20261126T101500Z');
  });

  it('numbers every event so a newer export updates the events a calendar holds', () => {
    for (const event of events) expect(icsValue(event, 'SEQUENCE')).toBe(String(icsSequence(NOW)));
    const later = contractsToIcs(rowsFor('Lumen MPLS'), {
      // Corrected and exported again a second later, within the same minute.
      now: new Date(NOW.getTime() + 1_000),
      prodId: PROD_ID,
    });
    const laterEvents = findIcsComponents(parsed(later), 'VEVENT');
    expect(laterEvents.map((event) => Number(icsValue(event, 'SEQUENCE')))).toEqual(
      events.map((event) => Number(icsValue(event, 'SEQUENCE')) + 1),
    );
    expect(icsSequence(new Date('2026-11-26T10:15:00Z'))).toBe(217_851_300);
  });

  it('says what is at stake and what to do, escaped and read back intact', () => {
    const notice = events[0];
    expect(notice && icsValue(notice, 'SUMMARY')).toBe('Notice deadline: Lumen MPLS; HQ, East');
    expect(notice && icsValue(notice, 'DESCRIPTION')).toBe(
      'Give notice to Lumen by 2026-12-02 or it renews for 12 months at current rates.\n' +
        'At stake: $30,000.00 (12 × $2,500.00 a month).',
    );
    expect(text).toContain('SUMMARY:Notice deadline: Lumen MPLS\\; HQ\\, East\r\n');
  });

  it.each<[number | undefined, string]>([
    [undefined, '-P14D'],
    [7, '-P7D'],
    [0, 'PT0S'],
  ])('adds a display reminder (reminderDays %s → TRIGGER:%s)', (reminderDays, trigger) => {
    const ics = contractsToIcs(rowsFor('X'), {
      now: NOW,
      prodId: PROD_ID,
      ...(reminderDays === undefined ? {} : { reminderDays }),
    });
    const alarms = findIcsComponents(parsed(ics), 'VALARM');
    expect(alarms).toHaveLength(2);
    for (const alarm of alarms) {
      expect(icsValue(alarm, 'ACTION')).toBe('DISPLAY');
      expect(icsValue(alarm, 'TRIGGER')).toBe(trigger);
    }
  });

  it('leaves out terminated and expired contracts', () => {
    const rows = renewalRows(
      [
        makeContract({ id: 'gone', status: 'terminated' }),
        makeContract({ id: 'old', endDate: day('2025-01-31'), autoRenew: false }),
      ],
      new Map(),
      day('2026-10-01'),
    );
    expect(
      findIcsComponents(parsed(contractsToIcs(rows, { now: NOW, prodId: PROD_ID })), 'VEVENT'),
    ).toEqual([]);
  });

  it('folds long multi-byte names within 75 octets without splitting a character', () => {
    const name = 'Réseau privé — Montréal 🚀 Société Générale, siège 😀😀😀 ééééééééééééé';
    const ics = contractsToIcs(rowsFor(name), { now: NOW, prodId: PROD_ID });
    for (const line of ics.split('\r\n')) {
      expect(octets(line)).toBeLessThanOrEqual(75);
      expect(line).not.toMatch(/\p{Surrogate}/u);
    }
    expect(ics).toMatch(/\r\n /);
    const [notice] = findIcsComponents(parsed(ics), 'VEVENT');
    expect(notice && icsValue(notice, 'SUMMARY')).toBe(`Notice deadline: ${name}`);
  });

  it('any summary text survives escaping and folding (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (summary) => {
        const line = foldIcsLine(`SUMMARY:${escapeIcsText(summary)}`);
        for (const part of line.split('\r\n')) expect(octets(part)).toBeLessThanOrEqual(75);
        const [event] = parsed(`BEGIN:VEVENT\r\n${line}\r\nEND:VEVENT\r\n`);
        expect(event && icsValue(event, 'SUMMARY')).toBe(readBack(summary));
      }),
    );
  });

  it('any contract name survives a whole export (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (name) => {
        const ics = contractsToIcs(rowsFor(name), { now: NOW, prodId: PROD_ID });
        const [notice] = findIcsComponents(parsed(ics), 'VEVENT');
        expect(notice && icsValue(notice, 'SUMMARY')).toBe(`Notice deadline: ${readBack(name)}`);
      }),
      { numRuns: 50 },
    );
  });
});

describe('parseIcs', () => {
  it('unfolds, reads quoted parameters and nests components', () => {
    const [calendar] = parsed(
      'BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY;LANGUAGE=fr;X-NOTE="a;b:c":Bon\n jour\\, monde\nEND:VEVENT\nEND:VCALENDAR\n',
    );
    const [event] = calendar?.components ?? [];
    expect(event?.properties[0]).toEqual({
      name: 'SUMMARY',
      params: { LANGUAGE: 'fr', 'X-NOTE': 'a;b:c' },
      raw: 'Bonjour\\, monde',
      value: 'Bonjour, monde',
    });
  });

  it.each<[string, string]>([
    [
      'BEGIN:VCALENDAR\r\nno colon here\r\nEND:VCALENDAR',
      'Line 2 of the calendar is not "NAME:value": "no colon here".',
    ],
    ['BEGIN:VCALENDAR\r\nEND:VEVENT', 'Line 2 ends VEVENT but VCALENDAR is open.'],
    ['BEGIN:VCALENDAR\r\n', 'The calendar ends before END:VCALENDAR.'],
    ['SUMMARY:x', 'Line 1 has a property outside any component: "SUMMARY:x".'],
  ])('refuses malformed text %j', (text, message) => {
    const result = parseIcs(text);
    expect(result.ok ? null : result.errors[0]?.message).toBe(message);
  });
});
