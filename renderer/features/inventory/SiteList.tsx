import { memo, useMemo, useState } from 'react';
import type { SiteSummary } from '../../../shared/inventory/sites';
import { formatCents } from '../../../shared/money/cents';
import { SearchField } from './SearchField';

/**
 * Sites with their live service count and monthly cost; choosing one filters the grid. Each site is
 * its own memoised row, so choosing a site re-renders the two rows whose pressed state changed.
 */
export const SiteList = memo(function SiteList({
  sites,
  selected,
  onSelect,
}: {
  sites: SiteSummary[];
  selected: string | null;
  onSelect: (siteId: string | null) => void;
}) {
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return needle
      ? sites.filter(({ site }) =>
          `${site.code} ${site.name} ${site.city ?? ''} ${site.region ?? ''}`
            .toLowerCase()
            .includes(needle),
        )
      : sites;
  }, [sites, filter]);
  const total = sites.reduce((sum, s) => sum + s.serviceCount, 0);

  return (
    <nav className="site-list" aria-label="Sites">
      <SearchField
        label="Filter sites"
        className="site-list__filter"
        value={filter}
        onChange={setFilter}
      />
      <ul>
        <li>
          <button type="button" aria-pressed={selected === null} onClick={() => onSelect(null)}>
            <span className="site-list__name">
              All sites
              <Separator />
            </span>
            <span className="site-list__meta">{total.toLocaleString('en-US')} live services</span>
          </button>
        </li>
        {shown.map((summary) => (
          <SiteItem
            key={summary.site.id}
            summary={summary}
            pressed={selected === summary.site.id}
            onSelect={onSelect}
          />
        ))}
      </ul>
    </nav>
  );
});

const SiteItem = memo(function SiteItem({
  summary: { site, serviceCount, monthlyCents },
  pressed,
  onSelect,
}: {
  summary: SiteSummary;
  pressed: boolean;
  onSelect: (siteId: string) => void;
}) {
  return (
    <li>
      <button type="button" aria-pressed={pressed} onClick={() => onSelect(site.id)}>
        <span className="site-list__name">
          {site.code} · {site.name}
          <Separator />
          {site.status === 'closed' && (
            <>
              {' '}
              <span className="badge badge--danger">
                Closed
                <Separator />
              </span>
            </>
          )}
        </span>
        <span className="site-list__meta">
          {serviceCount} live · {formatCents(monthlyCents)}/mo
        </span>
      </button>
    </li>
  );
});

/**
 * A comma only screen readers hear, between parts of a button shown apart (a badge, a second
 * line): its name reads "HQ-01 · Headquarters, Closed, 3 live · $1,250.00/mo", never
 * "HeadquartersClosed". It stays in the text's flow (no width, not out of it), so no space comes
 * before the comma.
 */
function Separator() {
  return <span className="site-list__pause">,</span>;
}
