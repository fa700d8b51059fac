import { useEffect, useRef, useState } from 'react';
import { todayIso } from '../../../shared/dates';
import type { Contract } from '../../../shared/model';
import { useDatabase } from '../../db/DatabaseContext';
import { useRouteContext } from '../../app/RouteContext';
import { useLiveQuery } from '../../app/useLiveQuery';
import { EmptyState } from '../../components/EmptyState';
import { focusIfLost } from '../../components/focus-if-lost';
import { PageHeader } from '../../components/PageHeader';
import { Tabs } from '../../components/Tabs';
import { loadContracts, type ContractsData } from '../../db/contracts';
import { SampleCompanyButton } from '../bills/import/ImportButtons';
import { SetupFromFilesButton } from '../setup/SetupButton';
import { ImportPanel } from '../bills/import/ImportPanel';
import { ContractDetail } from './ContractDetail';
import { ContractForm } from './ContractForm';
import { ContractsList } from './ContractsList';
import { ContractImport } from './import/ContractImport';
import { RenewalsView } from './RenewalsView';
import './contracts.css';

/** The path segment of the renewals view (app-made contract ids start `contract-`). */
const RENEWALS = 'renewals';

type Tab = 'renewals' | 'contracts' | 'import';
const TABS = [
  { id: 'renewals', label: 'Renewals' },
  { id: 'contracts', label: 'All contracts' },
  { id: 'import', label: 'Import and export' },
] as const satisfies readonly { id: Tab; label: string }[];

/**
 * Contracts and renewals: `#/contracts` lists them, `#/contracts/renewals` opens the renewals view
 * (see `renewalsLink`), `#/contracts/<id>` opens one (see `contractLink`).
 */
export function ContractsPage() {
  const db = useDatabase();
  const data = useLiveQuery(() => loadContracts(db), [db]);
  const [editing, setEditing] = useState<Contract | 'new' | null>(null);
  return (
    <>
      <PageHeader title="Contracts">
        {editing === null && (
          <button type="button" onClick={() => setEditing('new')}>
            New contract…
          </button>
        )}
      </PageHeader>
      <ImportPanel />
      {data.status === 'error' && (
        <p role="alert">Could not read contracts: {data.error.message}</p>
      )}
      {data.status === 'ready' && (
        <ContractsWorkspace data={data.value} editing={editing} onEdit={setEditing} />
      )}
    </>
  );
}

function ContractsWorkspace({
  data,
  editing,
  onEdit,
}: {
  data: ContractsData;
  editing: Contract | 'new' | null;
  onEdit: (contract: Contract | 'new' | null) => void;
}) {
  const { route, navigate } = useRouteContext();
  const [tab, setTab] = useState<Tab>('renewals');
  // `#/contracts/renewals` followed while Contracts is open (on another tab): show the renewals.
  const [routed, setRouted] = useState(route.path);
  if (routed !== route.path) {
    setRouted(route.path);
    if (route.path[0] === RENEWALS) setTab('renewals');
  }
  const open =
    route.path[0] === RENEWALS ? undefined : data.contracts.find((c) => c.id === route.path[0]);
  // When the form closes, its buttons go with it: focus goes to the contract it showed or saved
  // (once it is on the page: a new one arrives with the next read), else to the page's heading.
  const focusAfter = useRef<string | null>(null);
  useEffect(() => {
    const target = focusAfter.current;
    if (editing !== null || target === null || (target !== '' && open?.id !== target)) return;
    focusAfter.current = null;
    focusIfLost(
      document.getElementById('contract-title') ?? document.querySelector<HTMLElement>('main h1'),
    );
  }, [editing, open?.id]);

  if (editing !== null) {
    return (
      <ContractForm
        data={data}
        contract={editing === 'new' ? undefined : editing}
        onDone={(savedId) => {
          focusAfter.current = savedId ?? '';
          onEdit(null);
          if (savedId) navigate('contracts', savedId);
        }}
      />
    );
  }
  if (open) {
    // clock: today, at the UI edge: the contract's current term is shown as of today.
    const today = todayIso(new Date());
    return (
      <ContractDetail
        contract={open}
        data={data}
        today={today}
        onEdit={() => onEdit(open)}
        onClose={() => navigate('contracts')}
      />
    );
  }
  const empty = data.contracts.length === 0;
  return (
    <>
      {empty && (
        <EmptyState
          title="No contracts yet"
          actions={
            <>
              <button type="button" onClick={() => onEdit('new')}>
                Enter a contract…
              </button>
              <SampleCompanyButton />
              <SetupFromFilesButton />
            </>
          }
          steps={[
            'Enter each carrier agreement with its start date, term and notice period — or import them from a spreadsheet (Import and export).',
            'Add its rate card so every bill can be checked against the contracted rates.',
          ]}
        >
          <p>
            Your carrier contracts ordered by notice deadline — the last day to give notice before
            an auto-renewal — with what is at stake and the rates they guarantee.
          </p>
        </EmptyState>
      )}
      <Tabs label="Contract views" tabs={TABS} current={tab} onChange={setTab}>
        {tab === 'renewals' && <RenewalsView data={data} />}
        {tab === 'contracts' && <ContractsList data={data} />}
        {tab === 'import' && <ContractImport data={data} />}
      </Tabs>
    </>
  );
}
