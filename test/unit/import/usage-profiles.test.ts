/** Usage from the bills: AT&T Premier's usage totals and T-Mobile's detail export (messy values). */
import { describe, expect, it } from 'vitest';
import { dataKbFromText } from '../../../shared/import/profiles/tmobile-detail';
import { readDraft, totalOf } from './fixtures';

const encoder = new TextEncoder();
const file = (name: string, text: string) => ({ name, bytes: encoder.encode(text) });

const ATT_HEADER =
  '"Foundation account","Account number","Wireless number","User name","Market cycle end date","Invoice date","Rate plan name","Total current charges","Total monthly charges","Total activity since last bill","Total taxes","Total company fees and surcharges","Total KB usage","Total minutes usage","Total messages","Total FAN level charges","Total adjustments"';

function attRow(number: string, kb: string, minutes: string, messages: string): string {
  return `"F1","287000000001","${number}","Pat","08/21/2023","08/28/2023","BUS 5GB","$50.00","$45.00","$0.00","$3.00","$2.00","${kb}","${minutes}","${messages}","$0.00","$0.00"`;
}

describe('AT&T Premier billing summary: usage per wireless number per cycle', () => {
  const draft = readDraft([
    file(
      'att-usage.csv',
      [
        ATT_HEADER,
        attRow('555-020-0001', '1,048,576', '1,200', '45'),
        attRow('555-020-0002', '0', '0', '0'),
        attRow('555-020-0003', '', '15', ''),
        attRow('555-020-0004', '', '', ''),
      ].join('\r\n'),
    ),
  ]);
  const usageOf = (number: string) => draft.usage.find((u) => u.serviceIdRaw === number);

  it.each([
    ['555-020-0001', { dataKb: 1_048_576, minutes: 1200, messages: 45, month: '2023-08' }],
    ['555-020-0002', { dataKb: 0, minutes: 0, messages: 0, month: '2023-08' }],
    // A blank cell is not known: never read as zero use.
    ['555-020-0003', { dataKb: null, minutes: 15, messages: null, month: '2023-08' }],
  ])('%s → %o', (number, expected) => {
    expect(usageOf(number)).toMatchObject({
      ...expected,
      serviceKey: `+1${number.replace(/-/g, '')}`,
    });
  });

  it('a row with every usage cell blank makes no usage record at all', () => {
    expect(usageOf('555-020-0004')).toBeUndefined();
    expect(draft.usage).toHaveLength(3);
    expect(draft.errors).toEqual([]);
  });
});

const TMO_HEADER =
  'Account Number,Wireless Number,User Name,Connection Type,Item Category,Item Description,Charges,Data,Minutes,Messages,Bill Cycle Date,Invoice Number';

describe('T-Mobile for Business detail export', () => {
  const rows = [
    TMO_HEADER,
    '987654321,(555) 030-0001,Ann Lee,Voice,Plans,Business Unlimited Advanced,$60.00,,,,"Jul 12, 2023 - Aug 11, 2023",INV-0823',
    '987654321,(555) 030-0001,Ann Lee,Voice,Usage,Domestic data,$0.00,0.7309 GB,,,"Jul 12, 2023 - Aug 11, 2023",INV-0823',
    '987654321,(555) 030-0001,Ann Lee,Voice,Usage,Domestic voice and text,$.15,,"1,204",312,"Jul 12, 2023 - Aug 11, 2023",INV-0823',
    '987654321,(555) 030-0001,Ann Lee,Voice,Usage,Roaming data,$0.00,512 MB,,,"Jul 12, 2023 - Aug 11, 2023",INV-0823',
    '987654321,(555) 030-0001,Ann Lee,Voice,Taxes & Fees,Federal Universal Service Fund,$1.85,,,,"Jul 12, 2023 - Aug 11, 2023",INV-0823',
    '987654321,(555) 030-0002,Bob Ray,Voice,Plans,Business Unlimited Advanced,$60.00,,,,"Jul 12, 2023 - Aug 11, 2023",INV-0823',
    '987654321,(555) 030-0003,Cy Dee,Data,Plans,Mobile Internet,$20.00,0 GB,0,0,"Jul 12, 2023 - Aug 11, 2023",INV-0823',
    '987654321,,,,Credits & Adjustments,Promotional credit,-$329.45,,,,"Jul 12, 2023 - Aug 11, 2023",INV-0823',
    '987654321,,,,Taxes & Fees,Regulatory Programs & Telco Recovery Fee,$4.50,,,,"Jul 12, 2023 - Aug 11, 2023",INV-0823',
  ];
  const draft = readDraft([file('tmobile-detail.csv', rows.join('\r\n'))]);

  it('is recognised as the T-Mobile detail layout, one invoice dated the end of the cycle', () => {
    expect(draft.profileId).toBe('tmobile-detail');
    expect(draft.errors).toEqual([]);
    expect(draft.invoices).toMatchObject([
      {
        carrierName: 'T-Mobile for Business',
        accountNumber: '987654321',
        invoiceNumber: 'INV-0823',
        invoiceDate: '2023-08-11',
        periodStart: '2023-07-12',
        periodEnd: '2023-08-11',
      },
    ]);
  });

  it('reads -$329.45 as a credit and $.15 as fifteen cents; zero-charge rows make no line', () => {
    expect(draft.lines.map((l) => [l.serviceIdRaw, l.category, l.amount])).toEqual([
      ['(555) 030-0001', 'recurring', 60_00],
      ['(555) 030-0001', 'usage', 15],
      ['(555) 030-0001', 'tax', 1_85],
      ['(555) 030-0002', 'recurring', 60_00],
      ['(555) 030-0003', 'recurring', 20_00],
      ['', 'credit', -329_45],
      ['', 'tax', 4_50],
    ]);
    expect(totalOf(draft.lines)).toBe(60_00 + 15 + 1_85 + 60_00 + 20_00 - 329_45 + 4_50);
  });

  it('sums each line’s Data, Minutes and Messages over the cycle; no figures → no record', () => {
    expect(
      draft.usage.map((u) => [u.serviceKey, u.month, u.dataKb, u.minutes, u.messages]),
    ).toEqual([
      ['+15550300001', '2023-08', Math.round(0.7309 * 1024 * 1024) + 512 * 1024, 1204, 312],
      ['+15550300003', '2023-08', 0, 0, 0],
    ]);
  });

  it.each([
    ['0.7309 GB', 766_404],
    ['512 MB', 524_288],
    ['1,024 KB', 1_024],
    ['.5 GB', 524_288],
    ['0', 0],
    ['', null],
    ['N/A', null],
    ['NA', null],
    ['None', null],
  ])('data %j → %j KB', (text, kb) => {
    expect(dataKbFromText(text)).toEqual(kb);
  });

  it('refuses a data cell it cannot read, with the row and column', () => {
    const bad = readDraft([
      file(
        'tmobile-bad.csv',
        [
          TMO_HEADER,
          '987654321,555-030-0001,A,Voice,Usage,Data,$0.00,lots,,,"Jul 12, 2023 - Aug 11, 2023",INV-1',
        ].join('\n'),
      ),
    ]);
    expect(bad.errors.map((e) => [e.row, e.column])).toEqual([[2, 'Data']]);
    expect(bad.errors[0]?.message).toContain(
      'expected an amount of data like 0.7309 GB but found "lots"',
    );
    expect(bad.usage).toEqual([]);
  });

  it('the summary layout carries no usage and invents none', () => {
    const summary = readDraft([
      file(
        'tmobile-summary.csv',
        [
          'Account Number,Invoice Number,Bill Cycle Date,Wireless Number,Plan,User Name,Plans,Usage charges,Equipment,Services,One-time charges,Taxes & Fees,Total',
          '987654321,INV-1,"Jul 12, 2023 - Aug 11, 2023",555-030-0001,Unl,Ann,$60.00,$0.00,$0.00,$0.00,$0.00,$1.85,$61.85',
        ].join('\n'),
      ),
    ]);
    expect(summary.profileId).toBe('tmobile-summary');
    expect(summary.usage).toEqual([]);
  });

  it('the summary’s Account row is account-level charges, no service', () => {
    const summary = readDraft([
      file(
        'tmobile-summary.csv',
        [
          'Account Number,Invoice Number,Bill Cycle Date,Wireless Number,Plan,User Name,Plans,Usage charges,Equipment,Services,One-time charges,Taxes & Fees,Total',
          '987654321,INV-1,"Jul 12, 2023 - Aug 11, 2023",Account,,,$0.00,$0.00,$0.00,$0.00,-$50.00,$3.49,-$46.51',
          '987654321,INV-1,"Jul 12, 2023 - Aug 11, 2023",555-030-0001,Unl,Ann,$60.00,$0.00,$0.00,$0.00,$0.00,$1.85,$61.85',
        ].join('\n'),
      ),
    ]);
    expect(summary.lines.map((line) => [line.serviceIdRaw, line.serviceKey, line.amount])).toEqual([
      ['Account', null, -50_00],
      ['Account', null, 3_49],
      ['555-030-0001', '+15550300001', 60_00],
      ['555-030-0001', '+15550300001', 1_85],
    ]);
  });
});
