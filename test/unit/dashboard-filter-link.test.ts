import { describe, expect, it } from 'vitest';
import { NO_DASHBOARD_FILTER } from '../../shared/billing/dashboard-view';
import type { IsoMonth } from '../../shared/dates';
import {
  dashboardFilterOf,
  dashboardLink,
  dashboardLinkAfter,
} from '../../renderer/features/dashboard/filter';
import { routeFromHash } from '../../renderer/app/sections';

const filterOf = (hash: string) => dashboardFilterOf(routeFromHash(hash).path);

describe('a change of the dashboard filters', () => {
  it('applies to the filter in the address, so a second quick change keeps the first', () => {
    // From chosen: the address has it, the page has not drawn it yet; then To is chosen.
    const afterFrom = dashboardLinkAfter('#/dashboard', { from: '2026-10' as IsoMonth });
    const afterTo = dashboardLinkAfter(afterFrom, { to: '2026-01' as IsoMonth });
    expect(filterOf(afterTo)).toEqual({ ...NO_DASHBOARD_FILTER, from: '2026-10', to: '2026-01' });
  });

  it('keeps the other filters, replaces the one changed, and clears them all at once', () => {
    const start = dashboardLink({ ...NO_DASHBOARD_FILTER, siteId: 'site-1', carrierId: 'c-1' });
    const next = dashboardLinkAfter(start, { siteId: 'site-2' });
    expect(filterOf(next)).toEqual({ ...NO_DASHBOARD_FILTER, siteId: 'site-2', carrierId: 'c-1' });
    expect(dashboardLinkAfter(next, NO_DASHBOARD_FILTER)).toBe(dashboardLink(NO_DASHBOARD_FILTER));
  });

  it('starts from no filter when the address is another section', () => {
    expect(filterOf(dashboardLinkAfter('#/bills/where/carrier=x', { carrierId: 'c-2' }))).toEqual({
      ...NO_DASHBOARD_FILTER,
      carrierId: 'c-2',
    });
  });
});
