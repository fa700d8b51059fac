import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  billsLink,
  contractLink,
  findingsLink,
  inventoryLink,
  parseBillsFilter,
  parseFindingsFilter,
  parseInventoryFilter,
  parseWhere,
  renewalsLink,
  savingsLink,
  whereOf,
  type BillsFilter,
  type DueFilter,
  type FindingsLinkFilter,
  type InventoryLinkFilter,
} from '../../renderer/app/links';
import { routeFromHash } from '../../renderer/app/sections';

/** What a page sees of a link: the route the hash decodes to, and its filter. */
function whereOfLink(link: string): URLSearchParams {
  const route = routeFromHash(link);
  const where = whereOf(route.path);
  if (!where) throw new Error(`no filter in ${link}`);
  return where;
}

describe('drill-down links', () => {
  it('puts the bills filter in one encoded segment after where', () => {
    const link = billsLink({
      carrierId: 'verizon',
      from: '2026-01',
      to: '2026-10',
      due: ['overdue', 'due-soon'],
    });
    expect(link).toBe(
      '#/bills/where/carrier%3Dverizon%26from%3D2026-01%26to%3D2026-10%26due%3Doverdue%26due%3Ddue-soon',
    );
    expect(routeFromHash(link)).toEqual({
      section: 'bills',
      path: ['where', 'carrier=verizon&from=2026-01&to=2026-10&due=overdue&due=due-soon'],
    });
  });

  it('leaves out empty and undefined fields, and links to the plain section when nothing is left', () => {
    expect(billsLink({ carrierId: '', from: '2026-03', to: undefined, due: [] })).toBe(
      '#/bills/where/from%3D2026-03',
    );
    expect(billsLink({})).toBe('#/bills');
    expect(findingsLink({ status: '' })).toBe('#/findings');
    expect(inventoryLink({ siteId: undefined })).toBe('#/inventory');
  });

  it('round-trips a bills filter through the hash', () => {
    const filter: BillsFilter = {
      carrierId: 'att',
      from: '2025-11',
      to: '2026-10',
      due: ['overdue'],
    };
    expect(parseBillsFilter(whereOfLink(billsLink(filter)))).toEqual(filter);
  });

  it('round-trips a findings filter through the hash', () => {
    const filter: FindingsLinkFilter = {
      ruleId: 'rate-mismatch',
      carrierId: 'lumen',
      invoiceId: 'inv 1/2',
      status: 'open-or-disputed',
      from: '2026-01',
      to: '2026-10',
    };
    const link = findingsLink(filter);
    expect(link.startsWith('#/findings/where/')).toBe(true);
    expect(parseFindingsFilter(whereOfLink(link))).toEqual(filter);
  });

  it('round-trips an inventory filter through the hash', () => {
    const filter: InventoryLinkFilter = {
      siteId: 'site-0001',
      costCenterId: 'cc-01',
      serviceType: 'mobile-line',
      carrierId: 'verizon',
    };
    const link = inventoryLink(filter);
    expect(link).toBe(
      '#/inventory/where/site%3Dsite-0001%26costCenter%3Dcc-01%26type%3Dmobile-line%26carrier%3Dverizon',
    );
    expect(parseInventoryFilter(whereOfLink(link))).toEqual(filter);
  });

  it('round-trips ids holding slashes, spaces, ampersands and non-ASCII letters', () => {
    const id = 'AT&T / Mobility #1 100% = ok? é';
    expect(routeFromHash(inventoryLink({ siteId: id })).path).toHaveLength(2);
    expect(parseInventoryFilter(whereOfLink(inventoryLink({ siteId: id, carrierId: id })))).toEqual(
      { siteId: id, carrierId: id },
    );
  });

  it('round-trips any filter (property)', () => {
    const id = fc
      .string({ minLength: 1, unit: 'grapheme' })
      .filter((s) => s.trim() === s && s !== '');
    const month = fc
      .tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
    const due = fc.subarray<DueFilter>(['overdue', 'due-soon'], { minLength: 1 });
    fc.assert(
      fc.property(
        fc
          .record({ carrierId: id, from: month, to: month, due }, { requiredKeys: [] })
          .filter((f) => Object.keys(f).length > 0),
        (filter) => {
          expect(parseBillsFilter(whereOfLink(billsLink(filter)))).toEqual(filter);
        },
      ),
    );
    fc.assert(
      fc.property(
        fc
          .record(
            { siteId: id, costCenterId: id, serviceType: id, carrierId: id },
            { requiredKeys: [] },
          )
          .filter((f) => Object.keys(f).length > 0),
        (filter) => {
          expect(parseInventoryFilter(whereOfLink(inventoryLink(filter)))).toEqual(filter);
        },
      ),
    );
  });

  it('ignores malformed months, unknown due states and unknown statuses', () => {
    expect(parseBillsFilter(parseWhere('from=2026-13&to=Oct&due=late&due=overdue'))).toEqual({
      due: ['overdue'],
    });
    expect(parseBillsFilter(parseWhere('due=due-soon,overdue'))).toEqual({
      due: ['overdue', 'due-soon'],
    });
    expect(parseFindingsFilter(parseWhere('status=closed&from=26-01'))).toEqual({});
    expect(parseWhere(undefined).toString()).toBe('');
    expect(whereOf(['invoice-42'])).toBeUndefined();
  });

  it('reads a hand-typed, unencoded filter the same way', () => {
    const where = whereOfLink('#/bills/where/carrier=c1&from=2026-01&to=2026-10&due=overdue');
    expect(parseBillsFilter(where)).toEqual({
      carrierId: 'c1',
      from: '2026-01',
      to: '2026-10',
      due: ['overdue'],
    });
  });

  it('links the savings tracker, a contract and the renewals view', () => {
    expect(savingsLink()).toBe('#/findings/savings');
    expect(routeFromHash(savingsLink())).toEqual({ section: 'findings', path: ['savings'] });
    expect(contractLink('contract-1 a/b')).toBe('#/contracts/contract-1%20a%2Fb');
    expect(routeFromHash(contractLink('contract-1 a/b')).path).toEqual(['contract-1 a/b']);
    expect(renewalsLink()).toBe('#/contracts/renewals');
  });
});
