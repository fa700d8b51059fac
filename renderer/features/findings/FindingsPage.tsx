import { useState } from 'react';
import { useDatabase } from '../../db/DatabaseContext';
import { parseFindingsFilter, whereOf } from '../../app/links';
import { useRouteContext } from '../../app/RouteContext';
import type { AuditRunSummary } from '../../db/findings';
import { useLiveQuery } from '../../app/useLiveQuery';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { Tabs } from '../../components/Tabs';
import { SampleCompanyButton } from '../bills/import/ImportButtons';
import { ImportPanel } from '../bills/import/ImportPanel';
import { runChecksNow, useAuditRunState } from './auditRunner';
import { loadFindingsData } from './data';
import { DisputesTab } from './DisputesTab';
import { FindingsTab } from './FindingsTab';
import { filtersFromLink } from './rows';
import { OptimisationTab } from './OptimisationTab';
import { RuleFailuresNotice } from './RuleFailuresNotice';
import { RulesTab } from './RulesTab';
import { SavingsTab } from './SavingsTab';
import { AutoAudit } from './useAutoAudit';
import './findings.css';

type Tab = 'findings' | 'disputes' | 'savings' | 'optimisation' | 'rules';
const TABS = [
  { id: 'findings', label: 'Findings' },
  { id: 'disputes', label: 'Disputes' },
  { id: 'savings', label: 'Savings tracker' },
  { id: 'optimisation', label: 'Optimisation' },
  { id: 'rules', label: 'Rules and thresholds' },
] as const satisfies readonly { id: Tab; label: string }[];

function RunStatus({ stored }: { stored: AuditRunSummary | undefined }) {
  const run = useAuditRunState();
  const last = run.last ?? stored;
  return (
    <p role="status" className="hint audit-status">
      {run.running
        ? 'Running the validation checks…'
        : run.error
          ? `The checks stopped: ${run.error}`
          : last
            ? `Last run ${new Date(last.at).toLocaleString('en-US')}: ${last.total} ${last.total === 1 ? 'finding' : 'findings'} (${last.added} new, ${last.resolvedByAudit} no longer found).`
            : 'The checks have not run yet.'}
    </p>
  );
}

/** The tab a route opens: `#/findings/savings`, `#/findings/optimisation`, else the findings. */
function tabOf(path: readonly string[]): Tab {
  return path[0] === 'savings' || path[0] === 'optimisation' ? path[0] : 'findings';
}

/**
 * `#/findings` lists the findings; `#/findings/where/<filter>` (see `findingsLink`) starts the
 * grid's filters from a drill-down; `#/findings/savings` opens the savings tracker.
 */
export function FindingsPage() {
  const db = useDatabase();
  const run = useAuditRunState();
  const data = useLiveQuery(() => loadFindingsData(db), [db]);
  const { route } = useRouteContext();
  const [tab, setTab] = useState<Tab>(() => tabOf(route.path));
  // A link followed while Findings is open (the hash changes, the page stays): go where it points.
  const [routed, setRouted] = useState(route.path);
  if (routed !== route.path) {
    setRouted(route.path);
    setTab(tabOf(route.path));
  }
  const where = whereOf(route.path);
  // Read once when the tab mounts; a new link remounts it (the key) with its own filters.
  const linkFilters = where ? filtersFromLink(parseFindingsFilter(where)) : undefined;
  const hasData =
    data.status === 'ready' && (data.value.findings.length > 0 || data.value.invoices.length > 0);
  return (
    <>
      {/* Also mounted by the app shell; the runner deduplicates, so opening Findings is enough. */}
      <AutoAudit />
      <PageHeader title="Findings">
        <button type="button" onClick={() => void runChecksNow(db)} disabled={run.running}>
          Run checks now
        </button>
      </PageHeader>
      <RunStatus stored={data.status === 'ready' ? data.value.lastRun : undefined} />
      <RuleFailuresNotice stored={data.status === 'ready' ? data.value.lastRun : undefined} />
      <ImportPanel />
      {data.status === 'ready' && !hasData && (
        <EmptyState
          title="No findings yet"
          actions={<SampleCompanyButton />}
          steps={[
            'Import bills; the validation checks run after every import and inventory change.',
            'Dispute what is wrong with the carrier and track the credit until it arrives.',
          ]}
        >
          <p>
            Billing errors found in your invoices — overbilled rates, duplicates, charges after
            disconnect, unknown lines, late fees — each with its money impact.
          </p>
        </EmptyState>
      )}
      {data.status === 'ready' && (hasData || tab === 'rules') && (
        <Tabs label="Findings views" tabs={TABS} current={tab} onChange={setTab}>
          {tab === 'findings' && (
            <FindingsTab
              key={route.path.join('/')}
              data={data.value}
              initialFilters={linkFilters}
              fromLink={linkFilters !== undefined}
            />
          )}
          {tab === 'disputes' && <DisputesTab data={data.value} />}
          {tab === 'savings' && <SavingsTab data={data.value} />}
          {tab === 'optimisation' && <OptimisationTab />}
          {tab === 'rules' && <RulesTab lastRun={data.value.lastRun} />}
        </Tabs>
      )}
      {data.status === 'ready' && !hasData && tab !== 'rules' && (
        <p>
          <button type="button" className="secondary" onClick={() => setTab('rules')}>
            See the rules and their thresholds
          </button>
        </p>
      )}
    </>
  );
}
