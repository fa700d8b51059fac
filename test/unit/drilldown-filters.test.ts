import { describe, expect, it } from 'vitest';
import type { DueState, InvoiceRow } from '../../shared/billing/invoice-rows';
import { isoDate } from '../../shared/dates';
import type { Account, Carrier, CostCenter, FindingStatus } from '../../shared/model';
import { cents } from '../../shared/money/cents';
import {
  describeBillsFilter,
  filterInvoiceRows,
  isBillsFilterActive,
  monthRangeText,
} from '../../renderer/features/bills/invoices/filter';
import {
  describeFindingFilters,
  filterRows,
  filtersFromLink,
  hasFilters,
  NO_FILTERS,
  type FindingRow,
} from '../../renderer/features/findings/rows';
import {
  countShown,
  rowSites,
  describeServiceFilter,
  servicesMatching,
} from '../../renderer/features/inventory/filters';
import { makeService, makeSite } from '../helpers/inventory';

function invoice(id: string, carrierId: string, date: [number, number, number], due: DueState) {
  return {
    id,
    carrierId,
    carrier: carrierId === 'vz' ? 'Verizon Wireless' : 'Lumen',
    accountNumber: 'A1',
    invoiceNumber: id,
    invoiceDate: isoDate(...date),
    period: '',
    dueDate: null,
    statedTotal: null,
    linesTotal: cents(100),
    billed: cents(100),
    difference: null,
    lineCount: 1,
    status: 'received',
    due,
    findings: 0,
    decision: '',
  } satisfies InvoiceRow;
}

const invoices: InvoiceRow[] = [
  invoice('i1', 'vz', [2025, 12, 31], 'overdue'),
  invoice('i2', 'vz', [2026, 1, 1], 'overdue'),
  invoice('i3', 'vz', [2026, 10, 31], 'due-soon'),
  invoice('i4', 'vz', [2026, 11, 1], 'overdue'),
  invoice('i5', 'vz', [2026, 5, 15], 'paid'),
  invoice('i6', 'lumen', [2026, 5, 15], 'overdue'),
  invoice('i7', 'vz', [2026, 6, 15], 'not-due'),
];
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe('bills drill-down', () => {
  it('keeps a carrier’s invoices of a month range (inclusive, by invoice month) that are due', () => {
    const filter = {
      carrierId: 'vz',
      from: '2026-01',
      to: '2026-10',
      due: ['overdue', 'due-soon'] as ('overdue' | 'due-soon')[],
    };
    expect(ids(filterInvoiceRows(invoices, filter))).toEqual(['i2', 'i3']);
    expect(ids(filterInvoiceRows(invoices, { ...filter, due: undefined }))).toEqual([
      'i2',
      'i3',
      'i5',
      'i7',
    ]);
    expect(ids(filterInvoiceRows(invoices, { due: ['overdue'] }))).toEqual([
      'i1',
      'i2',
      'i4',
      'i6',
    ]);
    expect(ids(filterInvoiceRows(invoices, { from: '2026-10' }))).toEqual(['i3', 'i4']);
    expect(filterInvoiceRows(invoices, {})).toHaveLength(invoices.length);
    expect(isBillsFilterActive({})).toBe(false);
    expect(isBillsFilterActive({ due: [] })).toBe(false);
    expect(isBillsFilterActive({ to: '2026-01' })).toBe(true);
  });

  it('says what is filtered in a sentence', () => {
    expect(
      describeBillsFilter(
        { carrierId: 'vz', from: '2026-01', to: '2026-10', due: ['overdue', 'due-soon'] },
        'Verizon Wireless',
        12,
      ),
    ).toBe(
      'Showing Verizon Wireless’s invoices from 2026-01 to 2026-10 that are overdue or due soon — 12 invoices.',
    );
    // The dashboard's chart drill-down: one carrier, one month.
    expect(
      describeBillsFilter({ carrierId: 'lumen', from: '2026-10', to: '2026-10' }, 'Lumen', 1),
    ).toBe('Showing Lumen’s invoices of 2026-10 — 1 invoice.');
    expect(describeBillsFilter({ due: ['overdue'] }, undefined, 1234)).toBe(
      'Showing invoices that are overdue — 1,234 invoices.',
    );
    expect(describeBillsFilter({ carrierId: 'gone' }, undefined, 0)).toBe(
      'Showing gone’s invoices — 0 invoices.',
    );
    expect(monthRangeText('2026-01', undefined)).toBe('from 2026-01 on');
    expect(monthRangeText(undefined, '2026-01')).toBe('up to 2026-01');
  });
});

function finding(id: string, patch: Partial<FindingRow>): FindingRow {
  return {
    id,
    ruleId: 'rate-mismatch',
    rule: 'Billed above the contract rate',
    severity: 'warning',
    status: 'open',
    carrierId: 'vz',
    carrier: 'Verizon Wireless',
    accountNumber: 'A1',
    invoiceNumber: 'N1',
    invoiceId: null,
    serviceIdRaw: '',
    serviceId: null,
    site: '',
    period: '2026-05',
    impact: cents(100),
    counted: cents(100),
    claimed: cents(0),
    drafted: cents(0),
    recovered: cents(0),
    message: '',
    ageDays: 10,
    disputeId: null,
    ...patch,
    invoiceIds: patch.invoiceIds ?? (patch.invoiceId ? [patch.invoiceId] : []),
  };
}

const statuses: FindingStatus[] = ['open', 'disputed', 'credited', 'resolved', 'dismissed'];
const findings: FindingRow[] = [
  ...statuses.map((status) => finding(status, { status })),
  finding('early', { period: '2025-12' }),
  finding('first', { period: '2026-01' }),
  finding('last', { period: '2026-10' }),
  finding('late', { period: '2026-11' }),
  finding('no-period', { period: '' }),
  finding('other-rule', { ruleId: 'late-fee' }),
  finding('other-carrier', { carrierId: 'lumen' }),
];

describe('findings drill-down', () => {
  it('starts the grid’s filters from the link: rule, carrier, open or disputed, period range', () => {
    const filters = filtersFromLink({
      ruleId: 'rate-mismatch',
      carrierId: 'vz',
      status: 'open-or-disputed',
      from: '2026-01',
      to: '2026-10',
    });
    expect(filters).toEqual({
      ...NO_FILTERS,
      ruleId: 'rate-mismatch',
      carrierId: 'vz',
      status: 'open-or-disputed',
      periodFrom: '2026-01',
      periodTo: '2026-10',
    });
    expect(ids(filterRows(findings, filters))).toEqual(['open', 'disputed', 'first', 'last']);
    expect(hasFilters(filters)).toBe(true);
    expect(hasFilters(filtersFromLink({}))).toBe(false);
  });

  it('filters open-or-disputed on its own, and a period range drops findings without a period', () => {
    const group = { ...NO_FILTERS, status: 'open-or-disputed' };
    expect(filterRows(findings, group).map((r) => r.status)).not.toContain('credited');
    expect(filterRows(findings, group)).toHaveLength(findings.length - 3);
    expect(ids(filterRows(findings, { ...NO_FILTERS, periodFrom: '2026-10' }))).toEqual([
      'last',
      'late',
    ]);
    expect(ids(filterRows(findings, { ...NO_FILTERS, periodTo: '2025-12' }))).toEqual(['early']);
    expect(filterRows(findings, NO_FILTERS)).toHaveLength(findings.length);
    expect(ids(filterRows(findings, { ...NO_FILTERS, status: 'credited' }))).toEqual(['credited']);
  });

  it('says what is filtered in a sentence', () => {
    const name = (id: string) => (id === 'vz' ? 'Verizon Wireless' : id);
    expect(
      describeFindingFilters(
        filtersFromLink({
          ruleId: 'rate-mismatch',
          carrierId: 'vz',
          status: 'open-or-disputed',
          from: '2026-01',
          to: '2026-10',
        }),
        name,
        12,
      ),
    ).toBe(
      'Showing open or disputed “Billed above the contract rate” findings of Verizon Wireless for periods 2026-01 to 2026-10 — 12 findings.',
    );
    expect(
      describeFindingFilters(
        { ...NO_FILTERS, status: 'open-or-disputed', periodFrom: '2026-10', periodTo: '2026-10' },
        name,
        1,
      ),
    ).toBe('Showing open or disputed findings for period 2026-10 — 1 finding.');
    expect(
      describeFindingFilters(
        { ...NO_FILTERS, status: 'dismissed', severity: 'error', site: 'HQ', age: 'over180' },
        name,
        0,
      ),
    ).toBe('Showing dismissed error-severity findings at site HQ aged over 180 days — 0 findings.');
  });
});

describe('findings of one invoice', () => {
  const rows = [
    finding('on-it', { invoiceId: 'inv-1', invoiceNumber: '754240482' }),
    finding('on-it-too', { invoiceId: 'inv-1', invoiceNumber: '754240482', status: 'disputed' }),
    finding('credited-on-it', { invoiceId: 'inv-1', status: 'credited' }),
    finding('elsewhere', { invoiceId: 'inv-2' }),
    // A finding over two months, first found on inv-0, covers inv-1 too.
    finding('over-months', { invoiceId: 'inv-0', invoiceIds: ['inv-0', 'inv-1'] }),
    finding('no-invoice', { invoiceId: null }),
  ];

  it('come from a link to that invoice’s open or disputed findings', () => {
    const filters = filtersFromLink({ invoiceId: 'inv-1', status: 'open-or-disputed' });
    expect(ids(filterRows(rows, filters))).toEqual(['on-it', 'on-it-too', 'over-months']);
    expect(hasFilters(filters)).toBe(true);
    expect(
      describeFindingFilters(
        filters,
        (id) => id,
        3,
        (id) => (id === 'inv-1' ? '754240482' : id),
      ),
    ).toBe('Showing open or disputed findings on invoice 754240482 — 3 findings.');
  });
});

describe('inventory drill-down', () => {
  // cc-a set on one service; cc-b on site-1 (HQ) and as account-2's default; site-2 and account-1 have none.
  const data = {
    services: [
      makeService({ id: 'own', costCenterId: 'cc-a', siteId: 'site-1' }),
      makeService({ id: 'from-site', siteId: 'site-1' }),
      makeService({ id: 'from-account', siteId: 'site-2' }),
      makeService({ id: 'no-site', siteId: undefined }),
      makeService({ id: 'circuit', siteId: 'site-2', type: 'circuit', carrierId: 'lumen' }),
      makeService({ id: 'other-account', siteId: undefined, accountId: 'account-2' }),
    ],
    sites: [
      makeSite({ id: 'site-1', code: 'HQ', name: 'Headquarters', costCenterId: 'cc-b' }),
      makeSite({ id: 'site-2', code: 'STR-1', name: 'Store 1' }),
    ],
    accounts: [
      { id: 'account-1', carrierId: 'carrier-1', accountNumber: 'A1', status: 'open' },
      {
        id: 'account-2',
        carrierId: 'carrier-1',
        accountNumber: 'A2',
        status: 'open',
        defaultCostCenterId: 'cc-b',
      },
    ] satisfies Account[],
    costCenters: [
      { id: 'cc-a', code: '100', name: 'IT', active: true },
      { id: 'cc-b', code: '200', name: 'Stores', active: true },
    ] satisfies CostCenter[],
    carriers: [
      { id: 'carrier-1', name: 'Verizon Wireless' },
      { id: 'lumen', name: 'Lumen' },
    ] satisfies Carrier[],
  };
  const sorted = (set: Set<string> | null) => (set ? [...set].sort() : set);

  it('matches the effective cost center: the service’s own, else its site’s, else its account’s', () => {
    expect(sorted(servicesMatching(data, { costCenterId: 'cc-b' }))).toEqual([
      'from-site',
      'other-account',
    ]);
    expect(sorted(servicesMatching(data, { costCenterId: 'cc-a' }))).toEqual(['own']);
  });

  it('matches type and carrier, and narrows nothing without a filter', () => {
    expect(sorted(servicesMatching(data, { serviceType: 'circuit' }))).toEqual(['circuit']);
    expect(
      sorted(servicesMatching(data, { carrierId: 'carrier-1', serviceType: 'mobile-line' })),
    ).toHaveLength(5);
    expect(servicesMatching(data, {})).toBeNull();
    const rows = data.services.map((s) => ({ id: s.id, siteId: s.siteId ?? '' }));
    expect(countShown(rows, 'site-1', servicesMatching(data, { costCenterId: 'cc-b' }))).toBe(1);
    expect(countShown(rows, 'site-2', null)).toBe(2);
    expect(countShown(rows, null, null)).toBe(6);
  });

  it('counts from the rows’ sites (per-site counts, matched ids), the same as counting its rows', () => {
    const rows = data.services.map((s) => ({ id: s.id, siteId: s.siteId ?? '' }));
    const sites = rowSites(rows);
    const matching = servicesMatching(data, { costCenterId: 'cc-b' });
    // Ids no row has (a search of other rows, a drill-down of deleted services) count for nothing.
    const withStrangers = new Set([...(matching ?? []), 'no-such-service']);
    for (const siteId of [null, 'site-1', 'site-2', 'site-none', ''])
      for (const ids of [null, matching, withStrangers, new Set<string>()])
        expect(countShown(rows, siteId, ids, sites)).toBe(countShown(rows, siteId, ids));
    expect(countShown(rows, 'site-2', null, sites)).toBe(2);
    expect(countShown(rows, 'site-none', null, sites)).toBe(0);
  });

  it('counts any rows and ids the same from the rows’ sites as by reading every row', () => {
    // A pseudo-random property check (a fixed seed): rows over a few sites, some without one.
    let seed = 20;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 50; round++) {
      const rows = Array.from({ length: next(40) }, (_, i) => ({
        id: `s${i}`,
        siteId: ['', 'a', 'b', 'c'][next(4)] ?? '',
      }));
      const sites = rowSites(rows);
      const ids = new Set(Array.from({ length: next(30) }, () => `s${next(50)}`));
      for (const siteId of [null, '', 'a', 'b', 'z'])
        for (const matching of [null, ids])
          expect(countShown(rows, siteId, matching, sites)).toBe(
            countShown(rows, siteId, matching),
          );
    }
  });

  it('says what is filtered in a sentence, or nothing when nothing is', () => {
    expect(
      describeServiceFilter(
        { costCenterId: 'cc-b', serviceType: 'mobile-line', carrierId: 'carrier-1' },
        'site-1',
        data,
        1,
      ),
    ).toBe(
      'Showing Mobile line services of Verizon Wireless at HQ · Headquarters charged to 200 · Stores — 1 service.',
    );
    expect(describeServiceFilter({}, 'site-2', data, 1200)).toBe(
      'Showing services at STR-1 · Store 1 — 1,200 services.',
    );
    expect(describeServiceFilter({}, null, data, 6)).toBe('');
  });
});
