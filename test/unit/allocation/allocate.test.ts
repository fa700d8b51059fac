import { describe, expect, it } from 'vitest';
import { allocateMonth, type GlMapping } from '../../../shared/allocation';
import type { ChargeCategory, ServiceType, Site } from '../../../shared/model';
import {
  account,
  allocate,
  amountsByCostCenter,
  bills,
  company,
  line,
  month,
  day,
  rule,
  service,
  site,
} from './helpers';

describe('cost center of a service charge', () => {
  it.each([
    ['the service override', { costCenterId: 'a', siteId: 'site-1' }, 'a'],
    ["the site's, without an override", { siteId: 'site-1' }, 'b'],
    ["the account's default, without a site", {}, 'c'],
  ])('is %s', (_label, overrides, expected) => {
    const result = allocate(
      company({
        services: [service('s1', overrides)],
        ...bills([{ id: 'i1', lines: [line('s1', 'recurring', 4500)] }]),
      }),
    );
    expect(amountsByCostCenter(result)).toEqual({ [expected]: 4500 });
    expect(result.exceptions).toEqual([]);
  });

  it("uses the account's default site when the service has none", () => {
    const result = allocate(
      company({
        accounts: [account('acct', { defaultCostCenterId: 'c', defaultSiteId: 'site-1' })],
        services: [service('s1')],
        ...bills([{ id: 'i1', lines: [line('s1', 'recurring', 100)] }]),
      }),
    );
    expect(result.rows[0]).toMatchObject({ costCenterId: 'b', siteId: 'site-1' });
  });

  it('is an exception when nothing names one', () => {
    const result = allocate(
      company({
        accounts: [account('acct')],
        services: [service('s1')],
        ...bills([{ id: 'i1', lines: [line('s1', 'recurring', 100)] }]),
      }),
    );
    expect(result.rows).toEqual([]);
    expect(result.exceptions).toMatchObject([{ kind: 'no-cost-center', amount: 100 }]);
    expect(result.totals).toMatchObject({ invoices: 100, allocated: 0, unallocated: 100 });
  });

  it('matches a line by one of the service’s alias keys', () => {
    const result = allocate(
      company({
        services: [service('s1', { aliasKeys: ['old-key'], costCenterId: 'a' })],
        ...bills([{ id: 'i1', lines: [line('old-key', 'recurring', 100)] }]),
      }),
    );
    expect(result.rows[0]).toMatchObject({ costCenterId: 'a', serviceId: 's1' });
  });
});

describe('split rules', () => {
  const services = [service('s1', { siteId: 'site-1' })];
  const lines = bills([{ id: 'i1', lines: [line('s1', 'recurring', 100)] }]);

  it('splits by basis points with largest remainder, parts summing to the line', () => {
    const result = allocate(
      company({
        services,
        ...lines,
        rules: [
          rule('r', { kind: 'service', serviceId: 's1' }, [
            ['a', 3334],
            ['b', 3333],
            ['c', 3333],
          ]),
        ],
      }),
    );
    expect(result.rows.map((row) => [row.costCenterId, row.amount])).toEqual([
      ['a', 34],
      ['b', 33],
      ['c', 33],
    ]);
  });

  it.each([
    ['service beats site and account', ['service', 'site', 'account'], 'a'],
    ['site beats account', ['site', 'account'], 'b'],
    ['account applies alone', ['account'], 'c'],
  ])('the most specific wins: %s', (_label, kinds, expected) => {
    const targets = {
      service: { id: 'r-service', target: { kind: 'service', serviceId: 's1' }, cc: 'a' },
      site: { id: 'r-site', target: { kind: 'site', siteId: 'site-1' }, cc: 'b' },
      account: { id: 'r-account', target: { kind: 'account', accountId: 'acct' }, cc: 'c' },
    } as const;
    const rules = kinds.map((kind) => {
      const spec = targets[kind as keyof typeof targets];
      return rule(spec.id, spec.target, [[spec.cc, 10_000]]);
    });
    expect(amountsByCostCenter(allocate(company({ services, ...lines, rules })))).toEqual({
      [expected]: 100,
    });
  });

  it('applies only in its effective months; the latest start wins on overlap', () => {
    const rules = [
      rule('old', { kind: 'service', serviceId: 's1' }, [['a', 10_000]], {
        effectiveFrom: month('2026-01'),
      }),
      rule('new', { kind: 'service', serviceId: 's1' }, [['c', 10_000]], {
        effectiveFrom: month('2026-10'),
        effectiveTo: month('2026-10'),
      }),
    ];
    expect(amountsByCostCenter(allocate(company({ services, ...lines, rules })))).toEqual({
      c: 100,
    });
    const november = bills([
      { id: 'i2', invoiceDate: '2026-11-05', lines: [line('s1', 'recurring', 100)] },
    ]);
    expect(
      amountsByCostCenter(
        allocate(company({ month: month('2026-11'), services, ...november, rules })),
      ),
    ).toEqual({ a: 100 });
    const expired = [
      rule('gone', { kind: 'service', serviceId: 's1' }, [['a', 10_000]], {
        effectiveTo: month('2026-09'),
      }),
    ];
    expect(amountsByCostCenter(allocate(company({ services, ...lines, rules: expired })))).toEqual({
      b: 100,
    });
  });

  it('ignores (and reports) a rule whose shares do not add up to 100%', () => {
    const result = allocate(
      company({
        services,
        ...lines,
        rules: [rule('bad', { kind: 'service', serviceId: 's1' }, [['a', 5000]])],
      }),
    );
    expect(amountsByCostCenter(result)).toEqual({ b: 100 });
    expect(result.ruleProblems).toEqual([
      { ruleId: 'bad', message: expect.stringContaining('50.00%') },
    ]);
  });

  it('leaves only the inactive share unallocated', () => {
    const result = allocate(
      company({
        services,
        ...lines,
        rules: [
          rule('r', { kind: 'service', serviceId: 's1' }, [
            ['a', 7500],
            ['x', 2500],
          ]),
        ],
      }),
    );
    expect(amountsByCostCenter(result)).toEqual({ a: 75 });
    expect(result.exceptions).toMatchObject([
      { kind: 'inactive-cost-center', amount: 25, costCenterId: 'x' },
    ]);
  });

  it('reports a share to a cost center that does not exist', () => {
    const result = allocate(
      company({ services: [service('s1', { costCenterId: 'gone' })], ...lines }),
    );
    expect(result.exceptions).toMatchObject([
      { kind: 'no-cost-center', costCenterId: 'gone', amount: 100 },
    ]);
  });
});

describe('account-level charges', () => {
  const services = [service('s1', { costCenterId: 'a' }), service('s2', { costCenterId: 'b' })];
  const invoice = (extra: ReturnType<typeof line>[]) =>
    bills([
      { id: 'i1', lines: [line('s1', 'recurring', 300), line('s2', 'recurring', 100), ...extra] },
    ]);

  it('spread pro rata over the invoice’s service charges, by largest remainder', () => {
    const result = allocate(
      company({ services, ...invoice([line('', 'tax', 10), line('', 'credit', -5)]) }),
    );
    const tax = result.rows.filter((row) => row.category === 'tax');
    expect(tax.map((row) => [row.costCenterId, row.amount, row.origin])).toEqual([
      ['a', 8, 'account-pro-rata'],
      ['b', 2, 'account-pro-rata'],
    ]);
    const credit = result.rows.filter((row) => row.category === 'credit');
    expect(credit.map((row) => row.amount)).toEqual([-4, -1]);
    expect(tax.every((row) => row.serviceId === null && row.siteId === null)).toBe(true);
  });

  it('go to the account’s chosen cost center', () => {
    const result = allocate(
      company({
        services,
        ...invoice([line('', 'surcharge', 77)]),
        accountPolicies: { acct: { accountLevel: { costCenterId: 'c' } } },
      }),
    );
    expect(result.rows.filter((row) => row.category === 'surcharge')).toMatchObject([
      { costCenterId: 'c', amount: 77, origin: 'account-chosen' },
    ]);
  });

  it('are an exception when the chosen cost center is inactive', () => {
    const result = allocate(
      company({
        services,
        ...invoice([line('', 'late-fee', 500)]),
        accountPolicies: { acct: { accountLevel: { costCenterId: 'x' } } },
      }),
    );
    expect(result.exceptions).toMatchObject([
      { kind: 'inactive-cost-center', amount: 500, category: 'late-fee' },
    ]);
  });

  it('fall back to the account default when the invoice has no service charges', () => {
    const only = bills([{ id: 'i1', lines: [line('', 'tax', 120)] }]);
    expect(allocate(company({ ...only })).rows).toMatchObject([
      { costCenterId: 'c', origin: 'account-default' },
    ]);
    const noDefault = allocate(company({ ...only, accounts: [account('acct')] }));
    expect(noDefault.exceptions.map((e) => [e.kind, e.amount, e.message])).toEqual([
      [
        'no-cost-center',
        120,
        "Invoice INV-i1 bills only account-level charges, with no service charges to spread them over, and no cost center is chosen for account acct-no's account-level charges.",
      ],
    ]);
    // Service charges that all went unallocated (a service not in the inventory): the tax says
    // so, and does not claim credits that are not there.
    const unknown = bills([{ id: 'i1', lines: [line('s9', 'recurring', 45), line('', 'tax', 5)] }]);
    const strays = allocate(company({ services, ...unknown, accounts: [account('acct')] }));
    const stayUnallocated = [
      ['unknown-service', 45, expect.stringContaining('not in the inventory')],
      [
        'no-cost-center',
        5,
        "None of invoice INV-i1's service charges reached a cost center (each is listed with its own reason): its account-level charges stay unallocated with them.",
      ],
    ];
    expect(strays.exceptions.map((e) => [e.kind, e.amount, e.message])).toEqual(stayUnallocated);
    // Even with a default cost center for the account: the tax follows its service charges, as
    // its share does when some of them are allocated (never the default's until one service is).
    const withDefault = allocate(company({ services, ...unknown }));
    expect(withDefault.rows).toEqual([]);
    expect(withDefault.exceptions.map((e) => [e.kind, e.amount, e.message])).toEqual(
      stayUnallocated,
    );
    // Service charges credited to exactly zero leave nothing to spread over, and the reason says so.
    const netZero = bills([
      {
        id: 'i1',
        lines: [line('s1', 'recurring', 45), line('s1', 'credit', -45), line('', 'tax', 5)],
      },
    ]);
    const cancelled = allocate(company({ services, ...netZero, accounts: [account('acct')] }));
    expect(cancelled.exceptions.map((e) => [e.category, e.amount, e.message])).toEqual([
      [
        'tax',
        5,
        "Invoice INV-i1's service charges are cancelled by its credits (net zero), leaving nothing to spread its account-level charges over, and no cost center is chosen for account acct-no's account-level charges.",
      ],
    ]);
  });

  it('on a credit memo (every service credited below zero) follow the service credits', () => {
    // s1 (cost center a) credited $30, s2 (cost center b) $10: the $-2.00 tax credit goes 3 : 1.
    const memo = bills([
      {
        id: 'i1',
        lines: [line('s1', 'credit', -3000), line('s2', 'credit', -1000), line('', 'tax', -200)],
      },
    ]);
    const result = allocate(company({ services, ...memo, accounts: [account('acct')] }));
    expect(result.exceptions).toEqual([]);
    expect(result.rows.filter((row) => row.category === 'tax')).toMatchObject([
      { costCenterId: 'a', amount: -150, origin: 'account-pro-rata' },
      { costCenterId: 'b', amount: -50, origin: 'account-pro-rata' },
    ]);
  });

  it('are an exception when the account is not in the inventory', () => {
    const result = allocate(
      company(bills([{ id: 'i1', accountNumber: 'unknown', lines: [line('', 'tax', 9)] }])),
    );
    expect(result.exceptions).toMatchObject([{ kind: 'no-cost-center', amount: 9 }]);
  });
});

describe('GL account', () => {
  const noMapping: GlMapping = { byCategory: {}, byCategoryAndServiceType: {} };
  const glMapping: GlMapping = {
    byCategory: { recurring: '6400', tax: '6490' },
    byCategoryAndServiceType: { recurring: { circuit: '6410' } },
    fallback: '6999',
  };
  const cases: [string, ChargeCategory, ServiceType, GlMapping, string, boolean][] = [
    ['category × service type', 'recurring', 'circuit', glMapping, '6410', true],
    ['category default', 'recurring', 'mobile-line', glMapping, '6400', true],
    ["cost center's GL account", 'usage', 'circuit', glMapping, '6100-CC', true],
    ['mapping fallback', 'usage', 'circuit', glMapping, '6999', false],
    ['blank when nothing names one', 'usage', 'circuit', noMapping, '', false],
  ];
  it.each(cases)('%s', (_label, category, type, mapping, expected, costCenterHasGl) => {
    const result = allocate(
      company({
        costCenters: [
          {
            id: 'a',
            code: 'A',
            name: 'A',
            active: true,
            glAccount: costCenterHasGl ? '6100-CC' : undefined,
          },
        ],
        glMapping: mapping,
        services: [service('s1', { type, costCenterId: 'a' })],
        ...bills([{ id: 'i1', lines: [line('s1', category, 100)] }]),
      }),
    );
    expect(result.rows[0]?.glAccount).toBe(expected);
  });
});

describe('mark-up', () => {
  it('is a separate amount per row, excluded from the reconciled totals', () => {
    const result = allocate(
      company({
        markups: { a: 500 },
        services: [service('s1', { costCenterId: 'a' }), service('s2', { costCenterId: 'b' })],
        ...bills([
          {
            id: 'i1',
            lines: [
              line('s1', 'recurring', 1010),
              line('s1', 'credit', -1010),
              line('s2', 'recurring', 999),
            ],
          },
        ]),
      }),
    );
    expect(result.rows.map((row) => row.markup)).toEqual([51, -51, 0]);
    expect(result.totals).toMatchObject({ invoices: 999, allocated: 999, markup: 0 });
    expect(result.byCostCenter.find((entry) => entry.costCenterId === 'a')).toMatchObject({
      total: 0,
      markup: 0,
    });
  });
});

describe('exceptions', () => {
  it('lists a service key not in the inventory', () => {
    const result = allocate(
      company(bills([{ id: 'i1', lines: [line('ghost', 'recurring', 4200)] }])),
    );
    expect(result.exceptions).toEqual([
      expect.objectContaining({
        kind: 'unknown-service',
        serviceIdRaw: 'raw-ghost',
        invoiceId: 'i1',
        amount: 4200,
      }),
    ]);
    expect(result.byCostCenter).toMatchObject([{ costCenterId: null, total: 4200 }]);
  });

  const cases: [string, Partial<Site>, string | null][] = [
    [
      'closed before the charge began',
      { status: 'closed', closedOn: day('2026-08-31') },
      'closed-site',
    ],
    ['closed with no date', { status: 'closed' }, 'closed-site'],
    [
      'closed during the period (final bill)',
      { status: 'closed', closedOn: day('2026-09-20') },
      null,
    ],
  ];
  it.each(cases)('a site %s', (_label, overrides, expected) => {
    const result = allocate(
      company({
        sites: [site('site-1', { costCenterId: 'b', ...overrides })],
        services: [service('s1', { siteId: 'site-1' })],
        ...bills([
          {
            id: 'i1',
            periodStart: '2026-09-05',
            periodEnd: '2026-10-04',
            lines: [line('s1', 'recurring', 100)],
          },
        ]),
      }),
    );
    // Allocated to the site's cost center either way; a closed site's charge is also listed for
    // review, never as unallocated, so the month still reconciles and nothing counts twice.
    expect(result.exceptions).toEqual([]);
    expect(result.rows.map((row) => [row.costCenterId, row.amount])).toEqual([['b', 100]]);
    expect(result.totals).toMatchObject({ allocated: 100, unallocated: 0, invoices: 100 });
    expect(result.reviews.map((review) => [review.kind, review.amount])).toEqual(
      expected === null ? [] : [[expected, 100]],
    );
  });
});

describe('month basis', () => {
  const services = [service('s1', { costCenterId: 'a' })];
  const spanning = bills([
    {
      id: 'sep',
      invoiceDate: '2026-09-15',
      periodStart: '2026-09-15',
      periodEnd: '2026-10-14',
      lines: [line('s1', 'recurring', 3000)],
    },
    {
      id: 'oct',
      invoiceDate: '2026-10-15',
      periodStart: '2026-10-15',
      periodEnd: '2026-11-14',
      lines: [line('s1', 'recurring', 3100)],
    },
  ]);

  it('invoice date: whole invoices dated in the month', () => {
    const result = allocate(company({ services, ...spanning }));
    expect(result.totals).toMatchObject({ invoices: 3100, allocated: 3100 });
    expect(result.invoiceCount).toBe(1);
  });

  it('service period: each line split by its days in each month, largest remainder', () => {
    const october = allocate(company({ basis: 'service-period', services, ...spanning }));
    // Sep 15–Oct 14 is 16 + 14 days: 1,600 + 1,400. Oct 15–Nov 14 is 17 + 14 days of 3,100: 1,700 + 1,400.
    expect(october.rows.map((row) => [row.invoiceId, row.amount])).toEqual([
      ['sep', 1400],
      ['oct', 1700],
    ]);
    expect(october.totals).toMatchObject({ invoices: 3100, allocated: 3100 });
    const months = ['2026-09', '2026-10', '2026-11'].map(
      (m) =>
        allocate(company({ basis: 'service-period', month: month(m), services, ...spanning }))
          .totals.allocated,
    );
    expect(months).toEqual([1600, 3100, 1400]);
    expect(months.reduce((a, b) => a + b, 0)).toBe(6100);
  });

  it("service period: a line's own period wins over the invoice's, and odd cents go by largest remainder", () => {
    const own = bills([
      {
        id: 'i1',
        invoiceDate: '2026-10-01',
        periodStart: '2026-10-01',
        periodEnd: '2026-10-31',
        lines: [
          line('s1', 'one-time', 100, {
            periodStart: day('2026-09-30'),
            periodEnd: day('2026-11-01'),
          }),
        ],
      },
    ]);
    // 1 + 31 + 1 days: 100 × 31/33 = 93.9 → 94 (it has the largest remainder); the ends get 3 each.
    const parts = ['2026-09', '2026-10', '2026-11'].map(
      (m) =>
        allocate(company({ basis: 'service-period', month: month(m), services, ...own })).totals
          .allocated,
    );
    expect(parts).toEqual([3, 94, 3]);
  });

  it('service period: an invoice with no period counts on its invoice date', () => {
    const plain = bills([
      { id: 'i1', invoiceDate: '2026-10-31', lines: [line('s1', 'usage', 250)] },
    ]);
    expect(
      allocate(company({ basis: 'service-period', services, ...plain })).totals.allocated,
    ).toBe(250);
    expect(
      allocate(company({ basis: 'service-period', month: month('2026-11'), services, ...plain }))
        .rows,
    ).toEqual([]);
  });
});

describe('reconciliation check', () => {
  it('shows a difference when an invoice’s charge lines are missing (invoice-date basis)', () => {
    const { invoices } = bills([{ id: 'i1', lines: [line('', 'tax', 500)] }]);
    const result = allocateMonth(company({ invoices, blocks: [] }));
    expect(result.totals).toMatchObject({ invoices: 500, allocated: 0, unallocated: 0 });
  });
});
