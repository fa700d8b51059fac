/**
 * Microsoft Teams PSTN usage report: a month of calls per invoice of the account the user names,
 * each user's calls of a kind one usage line summed exactly, the minutes a usage record per seat.
 */
import { describe, expect, it } from 'vitest';
import { teamsCallKind } from '../../../../shared/import/profiles/teams-pstn';
import { readBills } from '../../../../shared/import/read-bill';
import { readBill } from '../../../helpers/read-bill';
import { totalOf } from '../fixtures';
import { carrierFile } from './carrier-fixtures';

const FIXTURE = 'teams-pstn-usage.synthetic.csv';
const HEADER =
  'UsageId,Call ID,Conference ID,User Location,AAD ObjectId,UPN,User Display Name,Caller ID,Call Type,Number Type,Domestic/International,Destination Dialed,Destination Number,Start Time,End Time,Duration Seconds,Connection Fee,Charge,Currency,Capability';
const ACCOUNT = { [FIXTURE]: { accountNumber: 'MS-100200' } };

/** A call row: its UsageId, UPN, start, seconds, connection fee and charge. */
function call(
  id: string,
  upn: string,
  start: string,
  seconds: number,
  fee: string,
  charge: string,
) {
  return `${id},c-${id},,US,o-1,${upn},,+15555550101,user_out,user,Domestic,United States,+15555559876,${start},${start},${seconds},${fee},${charge},USD,DOMESTIC_CALLING_PLAN`;
}

function file(name: string, rows: readonly string[]) {
  return { name, bytes: new TextEncoder().encode([HEADER, ...rows].join('\r\n')) };
}

function draftOf(files: { name: string; bytes: Uint8Array }[], accountNumber = 'MS-100200') {
  const outcome = readBill(files, {
    invoiceDetails: Object.fromEntries(files.map((f) => [f.name, { accountNumber }])),
  });
  if (outcome.kind !== 'draft') throw new Error(`${outcome.kind}: ${JSON.stringify(outcome)}`);
  return outcome.draft;
}

describe('a Teams PSTN usage report', () => {
  it('asks which account it is billed to, saying why, and guesses none', () => {
    const outcome = readBill([carrierFile(FIXTURE)]);
    expect(outcome).toEqual({
      kind: 'needs-invoice-details',
      fileName: FIXTURE,
      profileId: 'teams-pstn-usage',
      missing: ['accountNumber'],
      note: expect.stringContaining('A Teams PSTN usage report names no billing account'),
    });
  });

  it('is an invoice per calendar month (UTC) of the calls, numbered and dated by its last day', () => {
    const outcome = readBill([carrierFile(FIXTURE)], { invoiceDetails: ACCOUNT });
    if (outcome.kind !== 'draft') throw new Error(outcome.kind);
    expect(outcome.draft.layoutName).toBe('Microsoft Teams — PSTN usage report');
    expect(
      outcome.draft.invoices.map((i) => [
        i.carrierName,
        i.accountNumber,
        i.invoiceNumber,
        i.invoiceDate,
        i.periodStart,
        i.periodEnd,
        i.statedTotal,
      ]),
    ).toEqual([
      // A call at 23:59:29 UTC on October 31 is October's.
      [
        'Microsoft Teams',
        'MS-100200',
        'MS-100200-20261031',
        '2026-10-31',
        '2026-10-01',
        '2026-10-31',
        null,
      ],
      [
        'Microsoft Teams',
        'MS-100200',
        'MS-100200-20261130',
        '2026-11-30',
        '2026-11-01',
        '2026-11-30',
        null,
      ],
    ]);
  });

  it("makes a line of each user's calls of one kind: charge plus connection fee, summed exactly, with the calls counted", () => {
    const draft = draftOf([carrierFile(FIXTURE)]);
    const october = draft.invoices[0]?.key;
    expect(
      draft.lines
        .filter((line) => line.invoiceKey === october)
        .map((line) => [
          line.serviceIdRaw,
          line.description,
          line.category,
          line.quantity,
          line.amount,
        ]),
    ).toEqual([
      // 0.135 + 0.0285 + 0.009 = 17.25¢ → $0.17 (each call rounded alone would make $0.18).
      ['jane.doe@contoso.example', 'Outbound calls, domestic', 'usage', 3, 17],
      ['jane.doe@contoso.example', 'Outbound calls, international', 'usage', 1, 1_44],
      ['bob.li@contoso.example', 'Inbound calls, domestic (toll-free)', 'usage', 1, 9],
      // Connection fee 0.25 + charge 1.2.
      [
        'maria.garcia@contoso.example',
        'Audio conferencing outbound calls, international',
        'usage',
        1,
        1_45,
      ],
      // A Direct Routing caller ID that is no number (`Anonymous`) is no problem: the seat is the UPN.
      ['bob.li@contoso.example', 'Outbound calls, domestic', 'usage', 1, 7],
    ]);
    expect(totalOf(draft.lines)).toBe(3_22 + 4);
    expect(draft.lines[0]?.extras).toEqual({
      Calls: '3',
      Minutes: '9.58',
      User: 'Doe, Jane',
      Currency: 'USD',
    });
  });

  it('keeps the minutes of every call, free ones included, as the seat’s usage of the month', () => {
    const draft = draftOf([carrierFile(FIXTURE)]);
    expect(
      draft.usage.map((u) => [u.serviceKey, u.month, u.minutes, u.messages, u.dataKb]),
    ).toEqual([
      ['JANEDOECONTOSOEXAMPLE', '2026-10', 21.58, null, null],
      // 5 toll-free minutes, 1 free inbound minute, 4 outbound.
      ['BOBLICONTOSOEXAMPLE', '2026-10', 10, null, null],
      ['MARIAGARCIACONTOSOEXAMPLE', '2026-10', 10, null, null],
      ['JANEDOECONTOSOEXAMPLE', '2026-11', 2, null, null],
    ]);
  });

  it('names the rows it cannot read, a call in another currency, and reads a repeated call once', () => {
    const draft = draftOf([carrierFile(FIXTURE)]);
    expect(draft.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [
        9,
        'Duration Seconds',
        'Row 9, column "Duration Seconds": expected a number like 1,234 or 0.5 but found "about 5".',
      ],
      [
        10,
        'Currency',
        'Row 10, column "Currency": the call is charged in EUR, the calls before it in USD; an invoice holds one currency: export the calls of each currency on their own.',
      ],
    ]);
    expect(draft.skipped).toEqual([
      {
        sourceFile: FIXTURE,
        row: 12,
        reason:
          'Not imported: the same call (UsageId 6f1c2a10-0000-4000-8000-000000000001) is already read from row 2.',
      },
    ]);
  });

  it('joins two exports of one month, and reads a call both hold once', () => {
    const first = file('first half.csv', [
      call('u1', 'a@x.example', '2026-10-02T10:00:00Z', 60, '0', '0.03'),
      call('u2', 'a@x.example', '2026-10-14T10:00:00Z', 60, '0', '0.03'),
    ]);
    const second = file('second half.csv', [
      call('u2', 'a@x.example', '2026-10-14T10:00:00Z', 60, '0', '0.03'),
      call('u3', 'a@x.example', '2026-10-20T10:00:00Z', 120, '0', '0.06'),
    ]);
    const draft = draftOf([first, second]);
    expect(draft.invoices).toHaveLength(1);
    expect(draft.lines.map((l) => [l.quantity, l.amount])).toEqual([[3, 12]]);
    expect(draft.usage.map((u) => u.minutes)).toEqual([4]);
    expect(draft.skipped.map((s) => [s.sourceFile, s.row, s.reason])).toEqual([
      [
        'second half.csv',
        2,
        'Not imported: the same call (UsageId u2) is already read from row 3 of first half.csv.',
      ],
    ]);
  });

  it('rounds the sum of fractions of a cent once, not each call', () => {
    // Three calls of half a cent: $0.015, kept as $0.02 — not three cents.
    const draft = draftOf([
      file('calls.csv', [
        call('a', 'a@x.example', '2026-10-02T10:00:00Z', 10, '0', '0.005'),
        call('b', 'a@x.example', '2026-10-03T10:00:00Z', 10, '0', '0.005'),
        call('c', 'a@x.example', '2026-10-04T10:00:00Z', 10, '0', '0.005'),
      ]),
    ]);
    expect(draft.lines.map((l) => l.amount)).toEqual([2]);
  });

  it('rounds the invoice’s lines together to the exact sum of all its calls', () => {
    // Ten users, one call of $0.0149 each: $0.149 in all, $0.15 — not ten lines of $0.01.
    const rows = Array.from({ length: 10 }, (_, i) =>
      call(`u${i}`, `user${i}@x.example`, '2026-10-02T10:00:00Z', 60, '0', '0.0149'),
    );
    const draft = draftOf([file('calls.csv', rows)]);
    expect(totalOf(draft.lines)).toBe(15);
    expect(draft.lines.every((l) => l.amount === 1 || l.amount === 2)).toBe(true);
    expect(draft.warnings?.map((w) => w.message).join(' ')).toContain('fractions of a cent');
  });

  it('files a call of no user (a resource account) on the account, and leaves free calls out of the lines', () => {
    const draft = draftOf([
      file('calls.csv', [
        call('a', '', '2026-10-02T10:00:00Z', 60, '0', '0.04'),
        call('b', 'a@x.example', '2026-10-02T11:00:00Z', 60, '0', '0'),
      ]),
    ]);
    expect(draft.lines.map((l) => [l.serviceIdRaw, l.serviceKey, l.amount])).toEqual([
      ['', null, 4],
    ]);
    expect(draft.usage.map((u) => [u.serviceKey, u.minutes])).toEqual([['AXEXAMPLE', 1]]);
  });

  it('reads the admin center’s spelling of the columns and a duration written as a clock', () => {
    const text = [
      'Time stamp (UTC),Username,Call type,Duration Seconds,Connection charge,Charge,Currency',
      '2026-10-02T10:00:00Z,a@x.example,user_out,0:07:30,0,0.135,USD',
      '2026-10-03T10:00:00Z,a@x.example,user_out,1:30,0,0.045,USD',
    ].join('\n');
    const draft = draftOf([{ name: 'calls.csv', bytes: new TextEncoder().encode(text) }]);
    expect(draft.lines.map((l) => [l.serviceIdRaw, l.description, l.amount])).toEqual([
      ['a@x.example', 'Outbound calls', 18],
    ]);
    expect(draft.usage.map((u) => u.minutes)).toEqual([9]);
  });

  it('takes the account from a column the user added, and asks nothing', () => {
    const text = [
      `Account Number,${HEADER}`,
      `MS-9,${call('a', 'a@x.example', '2026-10-02T10:00:00Z', 60, '0', '0.04')}`,
    ].join('\n');
    const outcome = readBill([{ name: 'calls.csv', bytes: new TextEncoder().encode(text) }]);
    if (outcome.kind !== 'draft') throw new Error(outcome.kind);
    expect(outcome.draft.invoices.map((i) => i.invoiceNumber)).toEqual(['MS-9-20261031']);
  });

  it('reads with the account given for every file that names none (the CLI’s --account-number)', () => {
    const [outcome] = readBills([carrierFile(FIXTURE)], {
      defaultInvoiceDetails: { accountNumber: 'MS-7' },
    });
    if (outcome?.kind !== 'draft') throw new Error(outcome?.kind);
    expect(outcome.draft.invoices.map((i) => i.accountNumber)).toEqual(['MS-7', 'MS-7']);
  });
});

describe('the kind of a Teams call, in words', () => {
  it.each([
    ['user_out', 'Domestic', 'user', 'Outbound calls, domestic'],
    ['user_out', 'International', 'user', 'Outbound calls, international'],
    ['user_in', 'Domestic', 'toll_free', 'Inbound calls, domestic (toll-free)'],
    ['conf_out_international', '', 'user', 'Audio conferencing outbound calls, international'],
    ['ucap_in', 'Domestic', 'service', 'Auto attendant and call queue inbound calls, domestic'],
    ['emergency_call', 'Domestic', 'user', 'Emergency calls'],
    ['', '', '', 'Calls'],
  ])('%s / %s / %s → %s', (type, context, numberType, words) => {
    expect(teamsCallKind(type, context, numberType)).toBe(words);
  });
});
