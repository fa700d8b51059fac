import { describe, it, expect } from 'vitest';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { CountryCode } from 'libphonenumber-js/min';
import { circuitMatchKey, phoneMatchKey, serviceMatchKey } from '../../shared/ids/identifiers';
import { seededRandom } from '../fixtures/generate/random';

describe('phoneMatchKey', () => {
  it.each([
    // FORMATS.md "the mess an importer must survive"
    ['5550000002', '+15550000002'],
    ['240-780-6053', '+12407806053'],
    ['480 399-4006', '+14803994006'],
    ['(555) 123-4567', '+15551234567'],
    ['+15551234567', '+15551234567'],
    ['555.123.4567', '+15551234567'],
    // other shapes
    ['1-555-123-4567', '+15551234567'],
    ['15551234567', '+15551234567'],
    ['  555 010 0001 ', '+15550100001'],
    ['555/123-4567', '+15551234567'],
    ['+1 (555) 123-4567', '+15551234567'],
    ['+44 20 7946 0958', '+442079460958'],
    ['011 44 20 7946 0958', '+442079460958'],
  ])('%j → %s', (raw, expected) => {
    expect(phoneMatchKey(raw)).toBe(expected);
  });

  it.each([
    '*',
    '***-***-4567',
    'N/A',
    '',
    '   ',
    'abc',
    'sip:alice@example.com',
    '555-CALL-NOW',
    '12.HCGS.123456..LEC',
    '555-1234',
    '12345',
    '1234567890123456',
    '+1 555',
  ])('%j → null', (raw) => {
    expect(phoneMatchKey(raw)).toBeNull();
  });

  it('reads local numbers in the default country given', () => {
    expect(phoneMatchKey('020 7946 0958', 'GB')).toBe('+442079460958');
    expect(phoneMatchKey('(416) 555-0199', 'CA')).toBe('+14165550199');
  });
});

describe('circuitMatchKey', () => {
  it.each([
    ['12.HCGS.123456..LEC', '12HCGS123456LEC'],
    ['dhec 554433', 'DHEC554433'],
    ['12/HCGS/123456/LEC', '12HCGS123456LEC'],
    [' 12-hcgs-123456-lec ', '12HCGS123456LEC'],
    ['DS1/IT/123456', 'DS1IT123456'],
    ['554433', '554433'],
  ])('%j → %s', (raw, expected) => {
    expect(circuitMatchKey(raw)).toBe(expected);
  });

  it.each(['', '  ', '..//--', 'N/A', 'Account', 'Account level', 'ACCOUNT CHARGES'])(
    '%j → null',
    (raw) => {
      expect(circuitMatchKey(raw)).toBeNull();
    },
  );
});

describe('serviceMatchKey', () => {
  it.each([
    ['5550000002', '+15550000002'],
    ['(555) 123-4567', '+15551234567'],
    ['+15551234567', '+15551234567'],
    ['12.HCGS.123456..LEC', '12HCGS123456LEC'],
    ['dhec 554433', 'DHEC554433'],
    ['554433', '554433'],
    ['*', null],
    ['***-***-4567', null],
    ['N/A', null],
    ['', null],
    // What a spreadsheet or a word processor wraps a number in: the carrier's number still.
    ["'5550100005", '+15550100005'],
    ['="5550100001"', '+15550100001'],
    ['555\u2013010\u20130002', '+15550100002'],
    ['555-010-0006\u200B', '+15550100006'],
    ['\uFEFF555-010-0007', '+15550100007'],
    // Direction marks a right-to-left system or a copy from a web page leaves around a number.
    ['\u200F555-010-0008', '+15550100008'],
    ['\u2066555-010-0009\u2069', '+15550100009'],
    ['\u202ADHEC.554433..WIN\u202C', 'DHEC554433WIN'],
    // A circuit keeps its key through the same wrapping.
    ["'DHEC.554433..WIN", 'DHEC554433WIN'],
    ['="12.HCGS.123456..LEC"', '12HCGS123456LEC'],
  ])('%j → %s', (raw, expected) => {
    expect(serviceMatchKey(raw)).toBe(expected);
  });

  // Full-width forms, as a Japanese-locale spreadsheet writes them: the service written in ASCII.
  it.each([
    ['ＳＶＣ－５', 'SVC5'],
    ['ｓｖｃ－５', 'SVC5'],
    ['５５５-０１０-０００１', '+15550100001'],
    ['（５５５）　０１０－０００２', '+15550100002'],
    ['＝"５５５０１００００３"', '+15550100003'],
    ['＊＊＊-＊＊＊-４５６７', null],
    ['Ｎ／Ａ', null],
    ['ＡＣＣＯＵＮＴ', null],
  ])('full-width %j → %s', (raw, expected) => {
    expect(serviceMatchKey(raw)).toBe(expected);
  });

  // Written with no ASCII letter or digit: a service of its own, never account-level (no key).
  it.each([
    ['ЛИНИЯ-ПЯТЬ', 'ЛИНИЯПЯТЬ'],
    ['линия пять', 'ЛИНИЯПЯТЬ'],
    ['回線・東京', '回線東京'],
    ['٥٥٥٠١', '٥٥٥٠١'],
  ])('other scripts %j → %s', (raw, expected) => {
    expect(serviceMatchKey(raw)).toBe(expected);
  });

  it('keeps the key of every ASCII identifier as it was (ASCII letters and digits, upper case)', () => {
    const random = seededRandom(5);
    const alphabet = "abcXYZ019 .-/()+#&_*'";
    for (let n = 0; n < 5000; n++) {
      let raw = '';
      for (let i = 0, length = 1 + Math.floor(random() * 14); i < length; i++)
        raw += alphabet[Math.floor(random() * alphabet.length)];
      const key = raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
      expect(circuitMatchKey(raw)).toBe(key === '' || ['NA', 'ACCOUNT'].includes(key) ? null : key);
    }
  });

  it('phone and circuit keys of the same number never collide', () => {
    expect(serviceMatchKey('555-123-4567')).not.toBe(circuitMatchKey('555-123-4567'));
  });
});

/**
 * `phoneMatchKey` before its North American shortcut: every number through libphonenumber (a
 * long number's zero decimals, `5550100001.0`, taken off first, as `plainIdentifier` does).
 */
function phoneKeyByLibrary(raw: string, defaultCountry: CountryCode = 'US'): string | null {
  const text = raw.trim().replace(/^(\+?\d{6,})\.0+$/, '$1');
  if (!/^[\d\s+().\-/]+$/.test(text)) return null;
  const digits = text.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return null;
  const parsed = parsePhoneNumberFromString(text, defaultCountry);
  if (parsed?.isPossible()) return parsed.number;
  const northAmerican = defaultCountry === 'US' || defaultCountry === 'CA';
  if (northAmerican && !text.startsWith('+')) {
    if (digits.length === 10) return `+1${digits}`;
    if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
  }
  return null;
}

describe('phoneMatchKey keys North American numbers without libphonenumber, as it did', () => {
  it('on 20,000 random texts of ten digits or so, punctuated', () => {
    const random = seededRandom(41);
    const punctuation = [' ', '-', '.', '(', ')', '/', '+', '\u00a0', '  ', ') ', '--'];
    for (let i = 0; i < 20_000; i += 1) {
      // Mostly ten digits, sometimes 9 or 11, so the shortcut's edges are crossed too.
      const count = random() < 0.8 ? 10 : 9 + Math.floor(random() * 3);
      let text = '';
      for (let k = 0; k < count; k += 1) {
        if (random() < 0.25) text += punctuation[Math.floor(random() * punctuation.length)];
        text += String(Math.floor(random() * 10));
      }
      if (random() < 0.2) text += punctuation[Math.floor(random() * punctuation.length)];
      const country: CountryCode = random() < 0.8 ? 'US' : random() < 0.5 ? 'CA' : 'GB';
      expect([text, country, phoneMatchKey(text, country)]).toEqual([
        text,
        country,
        phoneKeyByLibrary(text, country),
      ]);
    }
  });

  it.each([
    '555-010-0001',
    '(555) 200-0001',
    '555.010.0001',
    '555 010 0001',
    ' (212)555-0100 ',
    '(800) 555-0199',
    '876-555-0100',
    '416 555 0199',
    '0555010001',
    '1555010001',
    '(011) 555-0100',
  ])('%j as libphonenumber keys it', (text) => {
    expect(phoneMatchKey(text)).toBe(phoneKeyByLibrary(text));
    expect(phoneMatchKey(text, 'CA')).toBe(phoneKeyByLibrary(text, 'CA'));
  });
});
