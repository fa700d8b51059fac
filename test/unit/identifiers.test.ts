import { describe, it, expect } from 'vitest';
import { circuitMatchKey, phoneMatchKey, serviceMatchKey } from '../../shared/ids/identifiers';

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

  it.each(['', '  ', '..//--', 'N/A'])('%j → null', (raw) => {
    expect(circuitMatchKey(raw)).toBeNull();
  });
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
  ])('%j → %s', (raw, expected) => {
    expect(serviceMatchKey(raw)).toBe(expected);
  });

  it('phone and circuit keys of the same number never collide', () => {
    expect(serviceMatchKey('555-123-4567')).not.toBe(circuitMatchKey('555-123-4567'));
  });
});
