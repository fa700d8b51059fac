import { describe, expect, it } from 'vitest';
import { sequentialIds } from '../../../shared/ledger/org';
import { readSiteRows } from '../../../shared/inventory/sites-file';
import { readTabularFile } from '../../../shared/inventory/table-file';
import { planSites, SiteBook, type UnknownCostCenters } from '../../../shared/ledger/sites';
import type { CostCenter, Site } from '../../../shared/model';
import { makeSite } from '../../helpers/inventory';
import { makeSiteDraft } from './helpers';
import { day } from '../contracts/helpers';

const RETAIL: CostCenter = { id: 'cc-retail', code: '4100', name: 'Retail', active: true };
const stored = {
  sites: [makeSite({ id: 'site-142', street: '1 Main St', costCenterId: RETAIL.id })],
  costCenters: [RETAIL],
};
const plan = (drafts: Parameters<typeof planSites>[0], unknown: UnknownCostCenters = 'refuse') =>
  planSites(drafts, stored, { newId: sequentialIds(), unknownCostCenters: unknown });

describe('planning a sites file', () => {
  it('matches a site code whatever its case and spaces: one building is one site', () => {
    const result = plan([makeSiteDraft({ code: ' str-0142 ', costCenterCode: '' })]);
    expect(result.added).toEqual([]);
    expect(result.updated.map((update) => update.after.id)).toEqual(['site-142']);
  });

  it('gives an inventory two rows of one site in two spellings one new site', () => {
    const sites = new SiteBook([], sequentialIds());
    const first = sites.siteFor('STR-0300', 'Store 300', undefined);
    expect(sites.siteFor('str-0300', '', undefined)).toBe(first);
    expect(sites.siteFor('STR-0300 ', '', undefined)).toBe(first);
    expect(sites.created).toHaveLength(1);
  });

  it('updates a stored site by its code, keeping its id; a blank cell clears its field', () => {
    const result = plan([makeSiteDraft({ name: 'Store 142 East', costCenterCode: '' })]);
    expect(result.added).toEqual([]);
    expect(result.updated).toEqual([
      {
        before: stored.sites[0],
        after: {
          id: 'site-142',
          code: 'STR-0142',
          name: 'Store 142 East',
          city: 'Austin',
          region: 'TX',
          country: 'US',
          status: 'active',
        },
      },
    ]);
  });

  it.each<[string, Partial<Site>]>([
    ['4100', { costCenterId: RETAIL.id }],
    ['', {}],
  ])('adds a site with a new code (cost center %j)', (costCenterCode, expected) => {
    const result = plan([makeSiteDraft({ code: 'STR-0900', costCenterCode })]);
    expect(result.added).toEqual([
      {
        id: 'site-1',
        code: 'STR-0900',
        name: 'Store 142',
        city: 'Austin',
        region: 'TX',
        country: 'US',
        status: 'active',
        ...expected,
      },
    ]);
    expect(result.refusals).toEqual([]);
  });

  it('refuses a site listed twice with different details, naming both rows and what differs', () => {
    const result = plan([
      makeSiteDraft({ row: 2, code: 'STR-0900', city: 'Austin' }),
      makeSiteDraft({ row: 3, code: 'str-0900', city: 'Dallas', postalCode: '75201' }),
    ]);
    expect(result.refusals).toEqual([
      {
        row: 3,
        column: 'Site Code',
        value: 'str-0900',
        message:
          'Row 3: site “str-0900” is already listed on row 2 (written “STR-0900”), with a different City and Postal Code. List each site once: keep the row that is right and remove the other.',
      },
    ]);
    expect(result.added.map((site) => [site.id, site.city])).toEqual([['site-1', 'Austin']]);
  });

  it('passes over a site listed twice alike', () => {
    const result = plan([
      makeSiteDraft({ row: 2, code: 'STR-0900' }),
      makeSiteDraft({ row: 3, code: 'STR-0900 ' }),
    ]);
    expect(result.refusals).toEqual([]);
    expect(result.added).toHaveLength(1);
  });

  it.each<[UnknownCostCenters, number, number]>([
    ['refuse', 0, 1],
    ['create', 1, 0],
  ])(
    'with %s, an unknown cost center gives %i new cost centers and %i refusals',
    (unknown, created, refused) => {
      const result = plan(
        [makeSiteDraft({ row: 7, code: 'STR-0900', costCenterCode: '9999' })],
        unknown,
      );
      expect(result.newCostCenters).toHaveLength(created);
      expect(result.refusals).toHaveLength(refused);
      expect(result.added).toHaveLength(created);
    },
  );

  it('refuses an unknown cost center with the row, the column and a sentence', () => {
    expect(plan([makeSiteDraft({ row: 7, costCenterCode: '9999' })]).refusals).toEqual([
      {
        row: 7,
        column: 'Cost Center',
        value: '9999',
        message:
          'Row 7, column "Cost Center": there is no cost center “9999” (by code or name); add it to the Cost centers list, import a cost centers file, or create it in Set up from files.',
      },
    ]);
  });

  it('creates a cost center once, named by its code, for every row that names it', () => {
    const result = plan(
      [
        makeSiteDraft({ code: 'A', costCenterCode: '9999' }),
        makeSiteDraft({ code: 'B', costCenterCode: '9999' }),
      ],
      'create',
    );
    expect(result.newCostCenters).toEqual([
      { id: 'cost-center-1', code: '9999', name: '9999', active: true },
    ]);
    expect(result.added.map((site) => site.costCenterId)).toEqual([
      'cost-center-1',
      'cost-center-1',
    ]);
  });

  it.each<[string, string, Partial<Site>, Partial<Site>]>([
    [
      'a blank Closed date with no Status column reopens a closed site, never closed with no date',
      '',
      { status: 'closed', closedOn: day('2026-03-31') },
      { status: 'active' },
    ],
    [
      'a blank Closed date with no Status column makes a site closed without a date open',
      '',
      { status: 'closed' },
      { status: 'active' },
    ],
    [
      'a Closed date with no Status column closes the site',
      '2026-05-31',
      { status: 'active' },
      { status: 'closed', closedOn: day('2026-05-31') },
    ],
  ])('%s', (_, closed, before, after) => {
    const table = readTabularFile(
      'sites.csv',
      new TextEncoder().encode(`Site Code,Site Name,Closed\nSTR-0142,Store 142,${closed}`),
    );
    if (!table.ok) throw new Error('unreadable');
    const { drafts, errors } = readSiteRows(table.value);
    expect(errors).toEqual([]);
    const site = makeSite({ id: 'site-142', ...before });
    const result = planSites(
      drafts,
      { sites: [site], costCenters: [RETAIL] },
      {
        newId: sequentialIds(),
        unknownCostCenters: 'refuse',
      },
    );
    const [update] = result.updated;
    expect(update?.after).toMatchObject({ id: 'site-142', ...after });
    if (after.closedOn === undefined) expect(update?.after).not.toHaveProperty('closedOn');
  });
});
