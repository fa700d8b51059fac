import { describe, expect, it } from 'vitest';
import { PINNED_TODAY } from '../../helpers/clock';
import {
  describeChanges,
  disconnectPatch,
  monthlyCostFromText,
  patchProblemFor,
  validateServicePatch,
  type EditContext,
} from '../../../shared/inventory/edits';
import {
  billedIdentifiers,
  latestInvoicePerAccount,
  servicesNotBilled,
  unmatchedIdentifiers,
} from '../../../shared/inventory/matching';
import { effectiveCostCenterId } from '../../../shared/inventory/rows';
import { siteOptionLabel, summarizeSites } from '../../../shared/inventory/sites';
import { isoDate } from '../../../shared/dates';
import type { Account, ChargeLine, Invoice } from '../../../shared/model';
import { cents } from '../../../shared/money/cents';
import { packChargeLines } from '../../../shared/storage/charge-blocks';
import { makeService, makeSite } from '../../helpers/inventory';

const context: EditContext = {
  siteIds: new Set(['site-1', 'site-2', 'site-closed']),
  closedSiteIds: new Set(['site-closed']),
  costCenterIds: new Set(['cc-1', 'cc-old']),
  inactiveCostCenterIds: new Set(['cc-old']),
  accountIds: new Set(['account-1']),
  contractIds: new Set(['contract-1']),
};

describe('site list', () => {
  it('counts live services and their expected monthly cost per site', () => {
    const rows = summarizeSites(
      [makeSite({ id: 'site-2', code: 'STR-0200' }), makeSite()],
      [
        makeService(),
        makeService({ id: 's2', expectedMonthlyCents: cents(850_00) }),
        makeService({ id: 's3', status: 'disconnected' }),
        makeService({ id: 's4', siteId: 'site-2', expectedMonthlyCents: undefined }),
      ],
    );
    expect(rows.map((r) => [r.site.code, r.serviceCount, r.monthlyCents])).toEqual([
      ['STR-0142', 2, 895_00],
      ['STR-0200', 1, 0],
    ]);
  });
});

describe('site names', () => {
  it('says in a list to pick from that a site is closed', () => {
    const site = makeSite({ code: 'HQ-01', name: 'Headquarters', status: 'closed' });
    expect(siteOptionLabel(site)).toBe('HQ-01 Headquarters (closed)');
    expect(siteOptionLabel(makeSite())).toBe('STR-0142 Store 142');
  });
});

describe('editing a service', () => {
  it.each([
    [{ costCenterId: 'cc-9' }, 'Cost center', 'There is no such cost center'],
    [{ costCenterId: 'cc-old' }, 'Cost center', 'closed'],
    [{ siteId: 'nowhere' }, 'Site', 'There is no such site'],
    [{ siteId: 'site-closed' }, 'Site', 'This site is closed, so no service can be moved to it'],
    [{ activatedOn: '31/12/2026' as never }, 'Activated on', 'Expected a date like 2026-10-31'],
    [{ expectedMonthlyCents: cents(-5) }, 'Monthly cost', 'zero or more'],
    [
      { status: 'active' as const, disconnectedOn: isoDate(2026, 1, 1) },
      'Status',
      'must be marked disconnected',
    ],
    [
      { activatedOn: isoDate(2026, 3, 1), disconnectedOn: isoDate(2026, 2, 27) },
      'Disconnected on',
      'The disconnect date 2026-02-27 is before the install date 2026-03-01',
    ],
  ])('refuses %o with a sentence on %s', (patch, column, message) => {
    const result = validateServicePatch(patch, context);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors[0]).toMatchObject({ column, message: expect.stringContaining(message) });
  });

  it('accepts a valid bulk patch and a disconnect', () => {
    expect(
      validateServicePatch(
        { costCenterId: 'cc-1', siteId: 'site-2', contractId: 'contract-1' },
        context,
      ).ok,
    ).toBe(true);
    expect(
      validateServicePatch(disconnectPatch(isoDate(2026, 10, 31), PINNED_TODAY), context),
    ).toEqual({
      ok: true,
      value: { status: 'disconnected', disconnectedOn: '2026-10-31' },
    });
  });

  it('a disconnect on a date after today is a pending disconnect with that date, as an inventory file reads it', () => {
    const later = isoDate(2026, 12, 15);
    expect(validateServicePatch(disconnectPatch(later, PINNED_TODAY), context)).toEqual({
      ok: true,
      value: { status: 'pending-disconnect', disconnectedOn: '2026-12-15' },
    });
    expect(disconnectPatch(PINNED_TODAY, PINNED_TODAY).status).toBe('disconnected');
  });

  it('refuses a disconnect date before the install date the service already has', () => {
    const service = makeService({ activatedOn: isoDate(2026, 3, 1) });
    expect(patchProblemFor(service, disconnectPatch(isoDate(2026, 2, 27), PINNED_TODAY))).toBe(
      `${service.serviceIdRaw}: The disconnect date 2026-02-27 is before the install date 2026-03-01; a service cannot be disconnected before it was installed.`,
    );
    expect(patchProblemFor(service, disconnectPatch(isoDate(2026, 3, 1), PINNED_TODAY))).toBeNull();
    expect(
      patchProblemFor(makeService(), disconnectPatch(isoDate(2026, 2, 27), PINNED_TODAY)),
    ).toBeNull();
  });

  it.each([
    ['45', 45_00],
    ['$1,250.50', 1250_50],
    ['', undefined],
  ])('reads a typed monthly cost %s', (text, expected) => {
    expect(monthlyCostFromText(text)).toEqual({ ok: true, value: expected });
  });

  it('refuses a negative or unreadable monthly cost', () => {
    expect(monthlyCostFromText('-5').ok).toBe(false);
    expect(monthlyCostFromText('abc').ok).toBe(false);
  });

  it('describes changes as people read them', () => {
    const names = {
      site: (id?: string) => id ?? '—',
      costCenter: (id?: string) => id ?? '—',
      account: (id?: string) => id ?? '—',
      contract: (id?: string) => id ?? '—',
    };
    expect(
      describeChanges(
        makeService(),
        { siteId: 'site-2', expectedMonthlyCents: cents(40_00), plan: 'Business Unlimited' },
        names,
      ),
    ).toEqual({
      Site: ['site-1', 'site-2'],
      'Monthly cost': ['$45.00', '$40.00'],
    });
  });
});

describe('matching bills to the inventory', () => {
  const invoice = (id: string, date: string, accountNumber = 'A-1'): Invoice => ({
    id,
    carrierId: 'carrier-1',
    accountNumber,
    invoiceNumber: id.toUpperCase(),
    invoiceDate: date as Invoice['invoiceDate'],
    statedTotal: null,
    linesTotal: cents(0),
    lineCount: 0,
    categoryTotals: {},
    status: 'received',
    importBatchId: 'b',
  });
  const line = (
    serviceKey: string | null,
    amount: number,
    raw = serviceKey ?? '',
  ): Omit<ChargeLine, 'invoiceId'> => ({
    serviceIdRaw: raw,
    serviceKey,
    description: 'Business Unlimited',
    category: 'recurring',
    quantity: 1,
    amount: cents(amount),
    sourceRow: 2,
  });

  const old = invoice('i-sep', '2026-09-16');
  const latest = invoice('i-oct', '2026-10-16');
  const blocks = [
    ...packChargeLines('i-sep', [line('+15550100009', 10_00)]),
    ...packChargeLines('i-oct', [
      line('+15550100001', 45_00, '555-010-0001'),
      line('+15550100002', 30_00, '(555) 010-0002'),
      line('+15550100002', 5_00, '(555) 010-0002'),
      line('+15550100003', 60_00),
      line(null, 7_00),
    ]),
  ];

  it('takes every invoice of an account dated on its latest day (a bill and a credit memo)', () => {
    const memo = invoice('i-oct-memo', '2026-10-16');
    expect(
      latestInvoicePerAccount([old, latest, memo])
        .map((i) => i.id)
        .sort(),
    ).toEqual(['i-oct', 'i-oct-memo']);
    // A live service the memo alone names is billed.
    const billed = billedIdentifiers(
      [latest, memo],
      [...blocks, ...packChargeLines('i-oct-memo', [line('+15550100077', -5_00)])],
    );
    const quiet = makeService({ id: 'quiet', serviceKey: '+15550100077' });
    expect(servicesNotBilled([quiet], billed, () => 'A-1')).toEqual([]);
  });

  it('takes the latest invoice of each account', () => {
    expect(
      latestInvoicePerAccount([old, latest, invoice('x', '2026-08-01', 'A-2')])
        .map((i) => i.id)
        .sort(),
    ).toEqual(['i-oct', 'x']);
  });

  it('lists billed identifiers no service answers to, with their amounts, largest first', () => {
    const billed = billedIdentifiers([latest], blocks);
    const services = [
      makeService(),
      makeService({
        id: 's3',
        serviceIdRaw: 'old',
        serviceKey: '+15559999999',
        aliasKeys: ['+15550100003'],
      }),
    ];
    expect(
      unmatchedIdentifiers(billed, services).map((u) => [
        u.serviceIdRaw,
        u.amount,
        u.lineCount,
        u.recurringMonthly,
        u.plan,
      ]),
      // The bill names no plan: a charge description is not one.
    ).toEqual([['(555) 010-0002', 35_00, 2, 35_00, '']]);
  });

  it('lists live services the latest invoice of their account does not mention', () => {
    const billed = billedIdentifiers([latest], blocks);
    const services = [
      makeService(),
      makeService({ id: 'quiet', serviceKey: '+15550100077' }),
      makeService({ id: 'gone', serviceKey: '+15550100078', status: 'disconnected' }),
      makeService({ id: 'other-account', serviceKey: '+15550100079', accountId: 'account-2' }),
    ];
    const accountNumbers: Record<string, string> = { 'account-1': 'A-1', 'account-2': 'A-2' };
    expect(
      servicesNotBilled(services, billed, (id) => accountNumbers[id]).map((s) => s.id),
    ).toEqual(['quiet']);
  });

  it('matches a number on its own carrier only: a number ported from another is not in the inventory', () => {
    // 555-010-0001 is the inventory's line on carrier-2 (ported away, still live there by
    // mistake); carrier-1 now bills it, and bills its own line 555-010-0003 no more.
    const billed = billedIdentifiers([latest], blocks);
    const services = [
      makeService({ carrierId: 'carrier-2', accountId: 'account-2' }),
      makeService({ id: 's2', serviceKey: '+15550100002' }),
      makeService({ id: 's3', serviceKey: '+15550100003' }),
      makeService({
        id: 'quiet',
        carrierId: 'carrier-1',
        serviceKey: '+15550100001',
        accountId: 'account-3',
      }),
    ];
    const accountNumbers: Record<string, string> = {
      'account-1': 'A-1',
      'account-2': 'B-1',
      'account-3': 'A-1',
    };
    expect(unmatchedIdentifiers(billed, services).map((u) => u.serviceIdRaw)).toEqual([]);
    expect(unmatchedIdentifiers(billed, services.slice(0, 3)).map((u) => u.serviceIdRaw)).toEqual([
      '555-010-0001',
    ]);
    const otherCarrier = makeService({
      id: 'other',
      carrierId: 'carrier-2',
      serviceKey: '+15550100002',
      accountId: 'account-2',
    });
    const onCarrier2 = billedIdentifiers(
      [{ ...latest, id: 'i-b', carrierId: 'carrier-2', accountNumber: 'B-1' }],
      packChargeLines('i-b', [line('+15550100005', 20_00)]),
    );
    const billedOnBoth = [...billed, ...onCarrier2];
    // carrier-2's line 555-010-0002 is not billed on carrier-2's latest invoice, whatever carrier-1's says.
    expect(
      servicesNotBilled(
        [...services.slice(1, 3), otherCarrier],
        billedOnBoth,
        (id) => accountNumbers[id],
      ).map((s) => s.id),
    ).toEqual(['other']);
  });
});

describe('the cost center a service is charged to', () => {
  it('follows the chargeback: a service with no site goes to its account’s default site’s cost center', () => {
    const sites = new Map([['site-hq', makeSite({ id: 'site-hq', costCenterId: 'cc-hq' })]]);
    const account = (overrides: Partial<Account>): Account => ({
      id: 'account-1',
      carrierId: 'carrier-1',
      accountNumber: 'A-1',
      status: 'open',
      ...overrides,
    });
    const siteless = makeService({ siteId: undefined });
    const charged = (overrides: Partial<Account>, service = siteless) =>
      effectiveCostCenterId(service, sites, new Map([['account-1', account(overrides)]]));
    expect(charged({ defaultSiteId: 'site-hq', defaultCostCenterId: 'cc-acct' })).toBe('cc-hq');
    expect(charged({ defaultSiteId: 'site-hq' })).toBe('cc-hq');
    expect(charged({ defaultCostCenterId: 'cc-acct' })).toBe('cc-acct');
    expect(charged({ defaultSiteId: 'site-hq' }, makeService({ costCenterId: 'cc-own' }))).toBe(
      'cc-own',
    );
  });
});
