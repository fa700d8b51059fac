import type { GridApi } from 'ag-grid-community';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ServiceRow } from '../../../shared/inventory/rows';
import { ColumnChooser } from '../../components/ColumnChooser';
import type { ServicePatch } from '../../../shared/inventory/edits';
import { serviceRows } from '../../../shared/inventory/rows';
import { bothFilters, findServices, searchIndex } from '../../../shared/inventory/search';
import { summarizeSites } from '../../../shared/inventory/sites';
import { useDatabase } from '../../db/DatabaseContext';
import { parseInventoryFilter, whereOf, type InventoryLinkFilter } from '../../app/links';
import { useRouteContext } from '../../app/RouteContext';
import { hrefFor } from '../../app/sections';
import { EmptyState } from '../../components/EmptyState';
import { useResolvedTheme } from '../../components/theme';
import { PageHeader } from '../../components/PageHeader';
import { Tabs } from '../../components/Tabs';
import type { ServiceEventRecord } from '../../db/database';
import { updateServices, type InventoryData } from '../../db/inventory';
import { restoreSnapshot, snapshotTables } from '../../db/snapshots';
import { useUndo } from '../../app/UndoContext';
import { useRevealPanel } from '../../components/useRevealPanel';
import { SampleCompanyButton } from '../bills/import/ImportButtons';
import { SetupFromFilesButton } from '../setup/SetupButton';
import { AddServiceForm } from './AddServiceForm';
import { BulkEditBar } from './BulkEditBar';
import {
  countShown,
  describeServiceFilter,
  rowSites,
  servicesMatching,
  type ServiceFilter,
} from './filters';
import { InventoryExportButtons } from './InventoryExport';
import {
  ImportPanel,
  InventoryImport,
  SetupFromFiles,
  SitesPanel,
  UnmatchedPanel,
} from './lazy-panels';
import { ServiceDetail } from './ServiceDetail';
import { releaseGridWarmUp } from '../../components/grid-warm-up';
import { ServicesGrid, warmUpServicesGrid } from './ServicesGrid';
import { SearchField } from './SearchField';
import { SiteList } from './SiteList';
import { useInventory } from './useInventory';
import { useSettledSearch } from './useSettledSearch';
import './inventory.css';

type Tab = 'services' | 'matching' | 'sites';
const TABS = [
  { id: 'services', label: 'Services' },
  { id: 'matching', label: 'Unmatched and not billed' },
  { id: 'sites', label: 'Sites and cost centers' },
] as const satisfies readonly { id: Tab; label: string }[];

export function InventoryPage() {
  const db = useDatabase();
  const { route, navigate } = useRouteContext();
  const inventory = useInventory(db);
  const settingUp = route.path[0] === 'setup';
  const [importing, setImporting] = useState(false);
  const [message, setMessage] = useState('');
  const theme = useResolvedTheme();
  // While the inventory is read, the services grid's code runs once on a hidden grid (see
  // warmUpGrid): the grid that shows the rows is made faster when they arrive.
  const loading = inventory.status === 'loading';
  useEffect(() => {
    if (!loading) return;
    warmUpServicesGrid(theme);
    return releaseGridWarmUp;
  }, [loading, theme]);
  return (
    <>
      <PageHeader title="Inventory" />
      <ImportPanel />
      {settingUp && <SetupFromFiles onClose={() => navigate('inventory')} />}
      {importing && (
        <InventoryImport
          onDone={(done) => {
            setImporting(false);
            setMessage(done);
          }}
        />
      )}
      {message && <p role="status">{message}</p>}
      {inventory.status === 'ready' &&
        (inventory.value.services.length === 0 && inventory.value.sites.length === 0 ? (
          !settingUp && (
            <EmptyState
              title="No services in the inventory yet"
              actions={
                <>
                  <button type="button" onClick={() => setImporting(true)}>
                    Import inventory…
                  </button>
                  <SampleCompanyButton />
                  <SetupFromFilesButton />
                </>
              }
              steps={[
                'Have your cost centers, sites, contracts, inventory and rates in spreadsheets? Set up from files takes them all at once, in any order.',
                'Or add your cost centers and sites by hand (below).',
                'Add each circuit, phone line, mobile line and UCaaS seat to its site — or import bills and add the services they mention from “Unmatched”.',
              ]}
            >
              <p>
                A site-by-site record of every circuit, line and plan: carrier, account, contract,
                expected monthly cost, status and history.
              </p>
            </EmptyState>
          )
        ) : (
          <InventoryWorkspace data={inventory.value} />
        ))}
      {inventory.status === 'ready' &&
        !settingUp &&
        inventory.value.services.length === 0 &&
        inventory.value.sites.length === 0 && <SitesPanel data={inventory.value} summaries={[]} />}
    </>
  );
}

/** `make()`'s value, made on the first call and kept. */
function lazily<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/** The drill-down filter of a route (`#/inventory/where/…`), or undefined. */
function linkFilterOf(path: readonly string[]): InventoryLinkFilter | undefined {
  const where = whereOf(path);
  return where ? parseInventoryFilter(where) : undefined;
}

function InventoryWorkspace({ data }: { data: InventoryData }) {
  const db = useDatabase();
  const { route } = useRouteContext();
  const [tab, setTab] = useState<Tab>('services');
  const [siteId, setSiteId] = useState<string | null>(
    () => linkFilterOf(route.path)?.siteId ?? null,
  );
  // A link followed while Inventory is open (the hash changes, the page stays): go where it points.
  const [routed, setRouted] = useState(route.path);
  if (routed !== route.path) {
    setRouted(route.path);
    setTab('services');
    setSiteId(linkFilterOf(route.path)?.siteId ?? null);
  }
  const link = useMemo(() => linkFilterOf(route.path), [route.path]);
  const serviceFilter = useMemo<ServiceFilter>(
    () => ({
      costCenterId: link?.costCenterId,
      serviceType: link?.serviceType,
      carrierId: link?.carrierId,
    }),
    [link],
  );
  const matching = useMemo(() => servicesMatching(data, serviceFilter), [data, serviceFilter]);
  const [selected, setSelected] = useState<string[]>([]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState('');
  const [gridApi, setGridApi] = useState<GridApi<ServiceRow> | null>(null);
  const [importing, setImporting] = useState(false);

  const [search, setSearch] = useState('');
  // The box shows each keystroke at once; the grid follows the typing (see useSettledSearch).
  const query = useSettledSearch(search);
  // The site list (each site's live services and monthly cost, summed over every service) is
  // drawn once the grid's first screen has been, which needs none of it.
  const [firstScreen, setFirstScreen] = useState(false);
  // The grid's API (the column chooser, the bulk edit's deselect) is taken then too: made with the
  // grid, it would render the page again before that screen is painted.
  const made = useRef<{ api: GridApi<ServiceRow> | null; drawn: boolean }>({
    api: null,
    drawn: false,
  });
  const gridMade = useCallback((api: GridApi<ServiceRow>) => {
    made.current.api = api;
    if (made.current.drawn) setGridApi(api);
  }, []);
  const showFirstScreen = useCallback(() => {
    made.current.drawn = true;
    setFirstScreen(true);
    setGridApi(made.current.api);
  }, []);
  const listed = firstScreen || tab !== 'services';
  const summaries = useMemo(
    () => (listed ? summarizeSites(data.sites, data.services) : []),
    [listed, data],
  );
  // All rows stay in the grid; choosing a site is a grid filter, so switching sites never rebuilds 20,000 rows.
  const rows = useMemo(() => serviceRows(data), [data]);
  // Each row's search text and keys, built at the first search and kept until the rows change.
  const indexOf = useMemo(() => lazily(() => searchIndex(rows)), [rows]);
  // Each site's row count for the heading; each row's site too, at the first search.
  const sites = useMemo(() => rowSites(rows), [rows]);
  // …or before, once the browser is idle after the grid is painted.
  useEffect(() => {
    const idle = window.requestIdleCallback(
      () => {
        indexOf();
        sites.siteOf();
        sites.counts();
      },
      { timeout: 5000 },
    );
    return () => window.cancelIdleCallback(idle);
  }, [indexOf, sites]);
  const found = useMemo(
    () => (query.trim() === '' ? null : findServices(indexOf(), query)),
    [indexOf, query],
  );
  const narrowed = useMemo(() => bothFilters(matching, found), [matching, found]);
  const shownCount = useMemo(
    () => countShown(rows, siteId, narrowed, sites),
    [rows, siteId, narrowed, sites],
  );
  const scopeCount = useMemo(
    () => countShown(rows, siteId, matching, sites),
    [rows, siteId, matching, sites],
  );
  const notice = link ? describeServiceFilter(serviceFilter, siteId, data, scopeCount) : '';
  const open = openId ? data.services.find((s) => s.id === openId) : undefined;
  const detailRef = useRevealPanel<HTMLElement>(open ? open.id : null);

  const startImport = useCallback(() => setImporting(true), []);
  const startAdding = useCallback(() => setAdding(true), []);

  const { perform } = useUndo();
  const edit = useCallback(
    async (ids: string[], patch: ServicePatch, kind: ServiceEventRecord['kind'] = 'edited') => {
      if (ids.length > 1) {
        // A bulk edit can be undone: the services and their history are put back as they were.
        let problem: string | null = null;
        await perform('bulk-edit', `Changed ${ids.length} services`, async () => {
          const snapshot = await snapshotTables(db, [db.services, db.serviceEvents]);
          const outcome = await updateServices(db, ids, patch, kind);
          if (!outcome.ok)
            problem = outcome.errors
              .map((e) => `${e.column ? `${e.column}: ` : ''}${e.message}`)
              .join(' ');
          else setMessage(`Saved ${outcome.value} services.`);
          return async () => {
            await restoreSnapshot(db, snapshot);
            // Undone: the saved message and the selection it acted on no longer apply.
            setMessage('');
            gridApi?.deselectAll();
            setSelected([]);
          };
        });
        return problem;
      }
      const outcome = await updateServices(db, ids, patch, kind);
      if (!outcome.ok)
        return outcome.errors
          .map((e) => `${e.column ? `${e.column}: ` : ''}${e.message}`)
          .join(' ');
      setMessage(`Saved ${outcome.value} service${outcome.value === 1 ? '' : 's'}.`);
      return null;
    },
    [db, perform, gridApi],
  );

  return (
    <Tabs label="Inventory views" tabs={TABS} current={tab} onChange={setTab}>
      {tab === 'services' && (
        <div className="inventory-layout">
          {listed ? (
            <SiteList sites={summaries} selected={siteId} onSelect={setSiteId} />
          ) : (
            <nav className="site-list" aria-label="Sites" aria-busy="true" />
          )}
          <div className="inventory-main">
            <div className="toolbar">
              <h2>
                {siteId ? (data.sites.find((s) => s.id === siteId)?.code ?? 'Site') : 'All sites'} —{' '}
                {found === null
                  ? `${shownCount.toLocaleString('en-US')} services`
                  : `${shownCount.toLocaleString('en-US')} of ${scopeCount.toLocaleString('en-US')} services`}
              </h2>
              <SearchField
                label="Search services"
                className="inline search"
                value={search}
                onChange={setSearch}
              />
              <ServicesTools api={gridApi} data={data} onImport={startImport} onAdd={startAdding} />
            </div>
            {notice && (
              <p className="notice" role="status">
                {notice} <a href={hrefFor('inventory')}>Show all services</a>
              </p>
            )}
            <p role="status" className="hint">
              {message}
            </p>
            {importing && (
              <InventoryImport
                onDone={(done) => {
                  setImporting(false);
                  if (done) setMessage(done);
                }}
              />
            )}
            {adding && (
              <AddServiceForm data={data} defaultSiteId={siteId} onDone={() => setAdding(false)} />
            )}
            {selected.length > 1 && (
              <BulkEditBar
                count={selected.length}
                costCenters={data.costCenters}
                contracts={data.contracts}
                accounts={data.accounts}
                carriers={data.carriers}
                onApply={(patch) =>
                  void edit(selected, patch).then((problem) => problem && setMessage(problem))
                }
              />
            )}
            <ServicesGrid
              rows={rows}
              siteId={siteId}
              matching={narrowed}
              costCenters={data.costCenters}
              onSelectionChange={setSelected}
              onOpen={setOpenId}
              onEdit={edit}
              onError={setMessage}
              onGridReady={gridMade}
              onFirstScreen={showFirstScreen}
            />
            <p className="hint">
              Double-click a Service ID (or press Alt+Enter on a row) to see its history, what it
              was billed and the lifecycle actions. Tick several to edit them together.
            </p>
            {open && (
              <ServiceDetail
                // A fresh form whenever the service changes underneath it (a grid edit, a bulk edit).
                key={`${open.id}|${open.plan ?? ''}|${open.expectedMonthlyCents ?? ''}|${open.siteId ?? ''}|${open.status}`}
                ref={detailRef}
                service={open}
                data={data}
                onChange={(patch, kind) => edit([open.id], patch, kind)}
                onClose={() => setOpenId(null)}
              />
            )}
          </div>
        </div>
      )}
      {tab === 'matching' && (
        <UnmatchedPanel
          data={data}
          onOpen={(id) => {
            setOpenId(id);
            setTab('services');
          }}
        />
      )}
      {tab === 'sites' && <SitesPanel data={data} summaries={summaries} />}
    </Tabs>
  );
}

/**
 * The toolbar's column chooser and buttons, memoised: choosing a site or a search re-renders the
 * heading that counts the rows, not the 16 column check boxes and the buttons beside it.
 */
const ServicesTools = memo(function ServicesTools({
  api,
  data,
  onImport,
  onAdd,
}: {
  api: GridApi<ServiceRow> | null;
  data: InventoryData;
  onImport: () => void;
  onAdd: () => void;
}) {
  return (
    <>
      <ColumnChooser api={api} />
      <InventoryExportButtons data={data} />
      <button type="button" className="secondary" onClick={onImport}>
        Import inventory…
      </button>
      <button type="button" onClick={onAdd}>
        Add service…
      </button>
    </>
  );
});
