import { describe, expect, it } from 'vitest';
import {
  contractRatesToCsv,
  contractsToCsv,
  readContractRatesCsv,
  readContractsCsv,
} from '../../../shared/contracts/csv';
import { cents } from '../../../shared/money/cents';
import type { Contract } from '../../../shared/model/contract';
import { day, makeContract, utf8 } from './helpers';

const HEADER =
  'Contract ID,Carrier,Name,Accounts,Start Date,Term Months,End Date,Auto Renew,Renewal Term Months,Notice Days,MARC,Status';

function readContracts(lines: readonly string[], dateOrder?: 'MDY' | 'DMY' | 'YMD') {
  return readContractsCsv(utf8(lines.join('\r\n')), dateOrder === undefined ? {} : { dateOrder });
}

describe('readContractsCsv', () => {
  it('reads the canonical columns', () => {
    const { rows, errors } = readContracts([
      HEADER,
      'LUM-1,Lumen,Lumen MPLS 2024,100-200; 300-400,2024-01-15,36,,Yes,12,60,"$120,000.00",Active',
    ]);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        id: 'LUM-1',
        carrierName: 'Lumen',
        name: 'Lumen MPLS 2024',
        accountNumbers: ['100-200', '300-400'],
        startDate: '2024-01-15',
        termMonths: 36,
        endDate: '2027-01-14',
        endDateComputed: true,
        autoRenew: true,
        renewalTermMonths: 12,
        noticeDays: 60,
        marcCents: 12_000_000,
        status: 'active',
      },
    ]);
  });

  it('matches headers by alias and fills blank optional cells', () => {
    const { rows, errors } = readContracts([
      'Contract #,Vendor,Contract Name,Account Numbers,Effective Date,Term,Expiration Date,Auto-Renewal,Renewal Term,Notice Period (days),Minimum Annual Commitment,Contract Status',
      'A-9,AT&T,,,2023-03-01,12 months,2024-03-15,N,,,,',
    ]);
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({
      id: 'A-9',
      carrierName: 'AT&T',
      name: 'AT&T A-9',
      accountNumbers: [],
      endDate: '2024-03-15',
      endDateComputed: false,
      autoRenew: false,
      renewalTermMonths: 0,
      noticeDays: 0,
      marcCents: 0,
      status: 'active',
    });
  });

  it.each<[string, boolean]>([
    ['yes', true],
    ['Y', true],
    ['TRUE', true],
    ['1', true],
    ['no', false],
    ['N', false],
    ['false', false],
    ['0', false],
  ])('reads Auto Renew %j as %s', (text, autoRenew) => {
    const { rows } = readContracts([HEADER, `C,Lumen,X,,2024-01-01,12,,${text},12,30,0,`]);
    expect(rows[0]?.autoRenew).toBe(autoRenew);
  });

  it.each<[string, string]>([
    ['Active', 'active'],
    ['In Review', 'in-review'],
    ['negotiation', 'negotiating'],
    ['Renewed', 'renewed'],
    ['Auto-Renewed', 'auto-renewed'],
    ['Evergreen', 'auto-renewed'],
    ['Cancelled', 'terminated'],
    ['EXPIRED', 'expired'],
  ])('maps Status %j to %s', (text, status) => {
    const { rows } = readContracts([HEADER, `C,Lumen,X,,2024-01-01,12,,No,0,30,0,${text}`]);
    expect(rows[0]?.status).toBe(status);
  });

  it.each<
    [
      string,
      string,
      string,
      string,
      Partial<Record<'termMonths' | 'renewalTermMonths' | 'noticeDays', number>>,
    ]
  >([
    ['3 years', '12', '30', 'Term Months "3 years"', { termMonths: 36 }],
    ['60 mo', '12', '30', 'Term Months "60 mo"', { termMonths: 60 }],
    [
      '12',
      'Month-to-month',
      '30',
      'Renewal Term Months "Month-to-month"',
      { renewalTermMonths: 0 },
    ],
    ['12', 'MTM', '30', 'Renewal Term Months "MTM"', { renewalTermMonths: 0 }],
    ['12', '12', '90 days', 'Notice Days "90 days"', { noticeDays: 90 }],
  ])('reads term %j, renewal %j, notice %j (%s)', (term, renewal, notice, _label, expected) => {
    const { rows, errors } = readContracts([
      HEADER,
      `C,Lumen,X,,2024-01-01,${term},,Yes,${renewal},${notice},0,`,
    ]);
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject(expected);
  });

  it('reports every bad cell with its row, column, value and a sentence, and keeps going', () => {
    const { rows, errors } = readContracts([
      HEADER,
      'OK-1,Lumen,Good,,2024-01-01,12,,Yes,12,30,0,Active',
      'BAD-1,Lumen,Bad,,2024-01-01,12,,Maybe,12,soon,12.34.5,Paused',
      'BAD-2,Lumen,Bad too,,2024-02-30,three years,,Yes,12,30,0,Active',
      'OK-1,Lumen,Duplicate,,2024-01-01,12,2023-01-01,Yes,12,30,0,Active',
      ',,No id,,,,,,,,,',
      'OK-2,Verizon,Good too,,2024-01-01,24,,No,0,60,-,',
    ]);
    expect(rows.map((row) => row.id)).toEqual(['OK-1', 'OK-2']);
    expect(errors.map((error) => [error.row, error.column, error.value])).toEqual([
      [3, 'Auto Renew', 'Maybe'],
      [3, 'Notice Days', 'soon'],
      [3, 'MARC', '12.34.5'],
      [3, 'Status', 'Paused'],
      [4, 'Start Date', '2024-02-30'],
      [4, 'Term Months', 'three years'],
      [5, 'Contract ID', 'OK-1'],
      [5, 'End Date', '2023-01-01'],
      [6, 'Contract ID', ''],
      [6, 'Carrier', ''],
      [6, 'Start Date', ''],
      [6, 'Term Months', ''],
    ]);
    expect(errors.map((error) => error.message)).toEqual([
      'Row 3, column "Auto Renew": expected Yes or No but found "Maybe".',
      'Row 3, column "Notice Days": expected a whole number of days like 60 (or months, like 3 months) but found "soon".',
      'Row 3, column "MARC": expected an amount like 120,000.00 but found "12.34.5".',
      'Row 3, column "Status": expected a status (Active, In Review, Negotiating, Renewed, Auto-Renewed, Terminated or Expired) but found "Paused".',
      'Row 4, column "Start Date": "2024-02-30" is not a real date: February 2024 has 29 days.',
      'Row 4, column "Term Months": expected a whole number of months like 36 but found "three years".',
      'Row 5, column "Contract ID": "OK-1" is already used on row 2; each contract needs its own ID.',
      'Row 5, column "End Date": the contract ends (2023-01-01) before it starts (2024-01-01).',
      'Row 6, column "Contract ID": is blank; every contract needs an ID (its number will do).',
      'Row 6, column "Carrier": is blank; name the carrier (e.g. Lumen).',
      'Row 6, column "Start Date": is blank; every contract needs a start date.',
      'Row 6, column "Term Months": is blank; enter the term in months, like 36.',
    ]);
  });

  it.each<[string, string, string]>([
    ['an account', 'C-1,Lumen,,5-ACME-001; 2.87012E+11,2024-01-01,36,,,,,,', 'Accounts'],
    ['a contract number', '2.01234E+11,Lumen,,,2024-01-01,36,,,,,,', 'Contract ID'],
  ])(
    'refuses %s Excel saved in scientific notation, naming the row and column (never a new account)',
    (_, line, column) => {
      const { rows, errors } = readContracts([HEADER, line]);
      expect(rows).toEqual([]);
      expect(errors).toEqual([
        expect.objectContaining({
          row: 2,
          column,
          message: expect.stringMatching(
            new RegExp(`^Row 2, column "${column}": ".+E\\+11" is a number in scientific notation`),
          ),
        }),
      ]);
    },
  );

  it('refuses one ID twice told apart by case only (VZW-2024, vzw-2024)', () => {
    const { rows, errors } = readContracts([
      'Contract ID,Carrier,Start Date,Term Months',
      'VZW-2024,Verizon Wireless,2024-01-01,36',
      'vzw-2024,Verizon Wireless,2025-01-01,24',
    ]);
    expect(rows.map((row) => row.id)).toEqual(['VZW-2024']);
    expect(errors.map((error) => error.message)).toEqual([
      'Row 3, column "Contract ID": "vzw-2024" is already used on row 2 (as "VZW-2024"); each contract needs its own ID.',
    ]);
  });

  it('says which required columns are missing', () => {
    const { rows, errors } = readContracts(['Contract ID,Carrier,Name', 'A,Lumen,X']);
    expect(rows).toEqual([]);
    expect(errors.map((error) => error.message)).toEqual([
      'Column "Start Date" is missing: add a column named Start Date (or Contract Start, Term Start).',
      'Column "Term Months" is missing: add a column named Term Months (or Term (months), Term Length).',
    ]);
  });

  it('reports an empty file', () => {
    expect(readContractsCsv(utf8('')).errors[0]?.message).toBe('The file is empty.');
  });

  describe('date order', () => {
    const lines = (start: string, end = '') => [HEADER, `C,Lumen,X,,${start},12,${end},No,0,30,0,`];

    it.each<['MDY' | 'DMY', string]>([
      ['MDY', '2024-03-04'],
      ['DMY', '2024-04-03'],
    ])('reads 03/04/2024 in the given order %s as %s', (order, date) => {
      expect(readContracts(lines('03/04/2024'), order).rows[0]?.startDate).toBe(date);
    });

    it('works the order out from the whole file when one date settles it', () => {
      const read = readContracts(lines('03/04/2024', '13/04/2025'));
      expect(read.dateOrder).toBe('DMY');
      expect(read.rows[0]).toMatchObject({ startDate: '2024-04-03', endDate: '2025-04-13' });
    });

    it('asks instead of guessing when the dates read two ways', () => {
      const read = readContracts(lines('03/04/2024'));
      expect(read.dateOrder).toBeNull();
      expect(read.errors[0]?.message).toBe(
        'Row 2, column "Start Date": "03/04/2024" could be 2024-03-04 or 2024-04-03; choose the file\'s date order (month/day/year or day/month/year) and read it again.',
      );
    });

    it.each<[string, string, string, string]>([
      ['45352', '', '2024-03-01', '2025-02-28'],
      ['45352', '46081', '2024-03-01', '2026-02-28'],
      ['3/31/2024', '46081', '2024-03-31', '2026-02-28'],
      ['01-Mar-24', '2027-02-28', '2024-03-01', '2027-02-28'],
    ])(
      'reads an Excel date serial as the inventory file does: %s to %s',
      (start, end, startDate, endDate) => {
        const read = readContracts(lines(start, end));
        expect(read.errors).toEqual([]);
        expect(read.rows[0]).toMatchObject({ startDate, endDate });
      },
    );

    it('reads dates every order agrees on without an order', () => {
      expect(readContracts(lines('01/01/2024')).rows[0]?.startDate).toBe('2024-01-01');
      expect(readContracts(lines('"Jan 5, 2024"')).rows[0]?.startDate).toBe('2024-01-05');
    });
  });

  it('reads Windows-1252 files and semicolon-separated files', () => {
    // é is the single byte 0xE9 in Windows-1252: not valid UTF-8.
    const text = `${HEADER}\r\nC,Télécom,Réseau,,2024-01-01,12,,No,0,30,0,\r\n`;
    const bytes = Uint8Array.from(text, (char) => char.charCodeAt(0));
    expect(readContractsCsv(bytes).rows[0]).toMatchObject({
      carrierName: 'Télécom',
      name: 'Réseau',
    });
    const semicolons = readContracts([
      HEADER.replaceAll(',', ';'),
      'C;Lumen;X;"1; 2";2024-01-01;12;;No;0;30;1200.00;',
    ]);
    expect(semicolons.errors).toEqual([]);
    expect(semicolons.rows[0]?.accountNumbers).toEqual(['1', '2']);
  });
});

describe('contracts export → import round trip', () => {
  const carriers = new Map([
    ['car-lumen', { name: 'Lumen' }],
    ['car-att', { name: 'AT&T, Inc.' }],
  ]);
  const accounts = new Map([
    ['acc-1', { accountNumber: '0012-345' }],
    ['acc-2', { accountNumber: '987 654 321' }],
  ]);
  const contracts: Contract[] = [
    makeContract({ id: 'ctr-1', accountIds: ['acc-1', 'acc-2'], marcCents: cents(12_345_67) }),
    makeContract({
      id: 'ctr-2',
      carrierId: 'car-att',
      name: 'AT&T "Voice", East; West',
      startDate: day('2024-01-31'),
      termMonths: 1,
      endDate: day('2024-02-29'),
      autoRenew: false,
      renewalTermMonths: 0,
      noticeDays: 0,
      status: 'in-review',
    }),
    makeContract({
      id: 'ctr-3',
      name: 'Voice\nsecond line',
      status: 'auto-renewed',
      endDate: day('2027-06-30'),
    }),
  ];

  it('writes the canonical header, RFC 4180 quoting and CRLF lines', () => {
    const text = contractsToCsv(contracts, carriers, accounts);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(HEADER);
    expect(lines[1]).toBe(
      'ctr-1,Lumen,Lumen MPLS 2024,"0012-345; 987 654 321",2024-01-01,36,2026-12-31,Yes,12,60,12345.67,active',
    );
    expect(lines[2]).toBe(
      'ctr-2,"AT&T, Inc.","AT&T ""Voice"", East; West",,2024-01-31,1,2024-02-29,No,0,0,0.00,in-review',
    );
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('reads back what it wrote', () => {
    const { rows, errors } = readContractsCsv(utf8(contractsToCsv(contracts, carriers, accounts)));
    expect(errors).toEqual([]);
    expect(
      rows.map(
        ({ line: _line, endDateComputed: _computed, carrierName, accountNumbers, ...rest }) => ({
          ...rest,
          carrierName,
          accountNumbers,
        }),
      ),
    ).toEqual(
      contracts.map(({ carrierId, accountIds, serviceIds: _services, ...rest }) => ({
        ...rest,
        carrierName: carriers.get(carrierId)?.name,
        accountNumbers: accountIds.map((id) => accounts.get(id)?.accountNumber),
      })),
    );
  });
});

describe('contract rates', () => {
  it('reads rates with aliases and reports bad rows', () => {
    const text = [
      'Contract #,Plan,Circuit ID,MRC',
      'ctr-1,Business Unlimited,,45.00',
      'ctr-1,,CKT-001,"$1,250.5"',
      'ctr-9,DIA 100M,,300',
      'ctr-1,,,12.00',
      'ctr-1,MPLS,,-5.00',
      'ctr-1,MPLS,,',
    ].join('\n');
    const { rows, errors } = readContractRatesCsv(utf8(text), {
      knownContractIds: new Set(['ctr-1']),
    });
    const absentColumns = [
      'monthToMonthRate',
      'dataAllowance',
      'voiceAllowance',
      'messagesAllowance',
    ];
    expect(rows).toEqual([
      {
        line: 2,
        contractId: 'ctr-1',
        planOrServiceType: 'Business Unlimited',
        monthlyRateCents: 45_00,
        absentColumns,
      },
      {
        line: 3,
        contractId: 'ctr-1',
        serviceId: 'CKT-001',
        monthlyRateCents: 1_250_50,
        absentColumns,
      },
    ]);
    expect(errors.map((error) => error.message)).toEqual([
      'Row 4, column "Contract #": "ctr-9" is not a contract in the contracts file.',
      'Row 5, column "Plan": is blank, and so is Service ID; a rate needs a plan, a service, or both.',
      'Row 6, column "MRC": expected an amount of zero or more but found "-5.00".',
      'Row 7, column "MRC": is blank; enter the monthly rate, like 45.00.',
    ]);
  });

  it('refuses a Service ID Excel saved in scientific notation, naming the row and column', () => {
    const { rows, errors } = readContractRatesCsv(
      utf8('Contract ID,Service ID,Monthly Rate\nC-1,1.55501E+10,45.00\nC-1,555-010-0001,45.00\n'),
    );
    expect(rows.map((rate) => rate.serviceId)).toEqual(['555-010-0001']);
    expect(errors.map((error) => [error.row, error.column])).toEqual([[2, 'Service ID']]);
    expect(errors[0]?.message).toContain('is a number in scientific notation');
  });

  it('refuses a plan or service rated twice differently, naming the first row; a repeat is read once', () => {
    const text = [
      'Contract ID,Plan,Service ID,Monthly Rate',
      'VZW-2024,Business Unlimited,,30.00',
      'VZW-2024,business  unlimited,,40.00',
      'VZW-2024,,DHEC.554433..WIN,800.00',
      'VZW-2024,,dhec 554433 win,700.00',
      'VZW-2024,Business Unlimited,,30.00',
      'LUMEN-1,Business Unlimited,,40.00',
    ].join('\n');
    const { rows, errors } = readContractRatesCsv(utf8(text));
    expect(rows.map((rate) => rate.line)).toEqual([2, 4, 7]);
    expect(errors.map((error) => error.message)).toEqual([
      'Row 3, column "Plan": rates "business  unlimited" of contract VZW-2024 again, differently than row 2; a contract has one rate per plan or service. Keep the row that is right.',
      'Row 5, column "Service ID": rates "dhec 554433 win" of contract VZW-2024 again, differently than row 4; a contract has one rate per plan or service. Keep the row that is right.',
    ]);
  });

  it('exports rate cards and reads them back', () => {
    const contracts = [
      makeContract({
        id: 'ctr-1',
        rateCard: [
          { planOrServiceType: 'Business Unlimited, 5G', monthlyRateCents: cents(45_00) },
          { serviceId: 'svc-1', monthlyRateCents: cents(1_250_50) },
          { planOrServiceType: 'mpls-sdwan', serviceId: 'svc-2', monthlyRateCents: cents(0) },
        ],
      }),
      makeContract({ id: 'ctr-2' }),
    ];
    const text = contractRatesToCsv(contracts, new Map([['svc-1', 'CKT 001']]));
    expect(text.split('\r\n')).toEqual([
      'Contract ID,Plan Or Service Type,Service ID,Monthly Rate,Month-to-Month Rate,Data Allowance GB,Voice Minutes Allowance,Messages Allowance',
      'ctr-1,"Business Unlimited, 5G",,45.00,,,,',
      'ctr-1,,CKT 001,1250.50,,,,',
      'ctr-1,mpls-sdwan,svc-2,0.00,,,,',
      '',
    ]);
    const { rows, errors } = readContractRatesCsv(utf8(text));
    expect(errors).toEqual([]);
    expect(rows.map(({ line: _line, absentColumns: _absent, ...rate }) => rate)).toEqual([
      { contractId: 'ctr-1', planOrServiceType: 'Business Unlimited, 5G', monthlyRateCents: 45_00 },
      { contractId: 'ctr-1', serviceId: 'CKT 001', monthlyRateCents: 1_250_50 },
      {
        contractId: 'ctr-1',
        planOrServiceType: 'mpls-sdwan',
        serviceId: 'svc-2',
        monthlyRateCents: 0,
      },
    ]);
  });

  it('reads plan allowances: numbers, unlimited, and blank for not known (never zero)', () => {
    const text = [
      'Contract ID,Plan,Monthly Rate,Data Allowance (GB),Voice Minutes,Messages',
      'ctr-1,Flex 2GB,20.00,2 GB,"1,000",500',
      'ctr-1,Business Unlimited,45.00,Unlimited,unlimited,UNLIMITED',
      'ctr-1,Half Gig,12.00,0.5,,N/A',
      'ctr-1,Data Only,15.00,0,,-',
      'ctr-1,Bad,15.00,lots,1.5,-3',
    ].join('\n');
    const { rows, errors } = readContractRatesCsv(utf8(text));
    expect(
      rows.map(({ line: _line, contractId: _id, absentColumns: _absent, ...rate }) => rate),
    ).toEqual([
      {
        planOrServiceType: 'Flex 2GB',
        monthlyRateCents: 20_00,
        dataAllowanceGb: 2,
        voiceMinutesAllowance: 1000,
        messagesAllowance: 500,
      },
      {
        planOrServiceType: 'Business Unlimited',
        monthlyRateCents: 45_00,
        dataAllowanceGb: 'unlimited',
        voiceMinutesAllowance: 'unlimited',
        messagesAllowance: 'unlimited',
      },
      { planOrServiceType: 'Half Gig', monthlyRateCents: 12_00, dataAllowanceGb: 0.5 },
      { planOrServiceType: 'Data Only', monthlyRateCents: 15_00, dataAllowanceGb: 0 },
    ]);
    expect(errors.map((error) => error.message)).toEqual([
      'Row 6, column "Data Allowance (GB)": expected a number of GB like 10, or unlimited, or a blank cell when not known, but found "lots".',
      'Row 6, column "Voice Minutes": expected a whole number of minutes like 1000, or unlimited, or a blank cell when not known, but found "1.5".',
      'Row 6, column "Messages": expected a whole number of messages like 1000, or unlimited, or a blank cell when not known, but found "-3".',
    ]);
  });

  it('exports allowances and reads them back unchanged', () => {
    const rateCard = [
      {
        planOrServiceType: 'Flex 2GB',
        monthlyRateCents: cents(20_00),
        dataAllowanceGb: 2.5,
        voiceMinutesAllowance: 1000,
        messagesAllowance: 'unlimited' as const,
      },
      {
        planOrServiceType: 'Unlimited',
        monthlyRateCents: cents(45_00),
        dataAllowanceGb: 'unlimited' as const,
      },
      { planOrServiceType: 'MPLS', monthlyRateCents: cents(900_00) },
    ];
    const text = contractRatesToCsv([makeContract({ id: 'ctr-1', rateCard })]);
    expect(text.split('\r\n').slice(1, 4)).toEqual([
      'ctr-1,Flex 2GB,,20.00,,2.5,1000,unlimited',
      'ctr-1,Unlimited,,45.00,,unlimited,,',
      'ctr-1,MPLS,,900.00,,,,',
    ]);
    const { rows, errors } = readContractRatesCsv(utf8(text));
    expect(errors).toEqual([]);
    expect(
      rows.map(({ line: _line, contractId: _id, absentColumns: _absent, ...rate }) => rate),
    ).toEqual(rateCard);
  });
});
