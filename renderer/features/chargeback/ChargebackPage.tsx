import { useId, useState } from 'react';
import type { IsoMonth } from '../../../shared/dates/iso-date';
import { useDatabase } from '../../db/DatabaseContext';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { Tabs } from '../../components/Tabs';
import { saveChargebackSetting } from '../../db/chargeback';
import { SampleCompanyButton } from '../bills/import/ImportButtons';
import { ImportPanel } from '../bills/import/ImportPanel';
import { CopiesNotice } from './CopiesNotice';
import { CostCenterDrill } from './CostCenterDrill';
import { CostCenterTotals } from './CostCenterTotals';
import { ExceptionsPanel } from './ExceptionsPanel';
import { ExportPanel } from './ExportPanel';
import { ReconciliationCheck } from './ReconciliationCheck';
import { RulesPanel } from './RulesPanel';
import {
  monthLabel,
  useChargebackBasics,
  useMonthAllocation,
  type ChargebackBasics,
} from './useChargeback';
import './chargeback.css';

type Tab = 'totals' | 'exceptions' | 'export' | 'rules';

export function ChargebackPage() {
  const basics = useChargebackBasics();
  return (
    <>
      <PageHeader title="Chargeback" />
      <ImportPanel />
      {basics.status === 'error' && <p role="alert">{basics.error.message}</p>}
      {basics.status === 'ready' &&
        (basics.value.months.length === 0 ? (
          <EmptyState
            title="Nothing to allocate yet"
            actions={<SampleCompanyButton />}
            steps={[
              'Give each site and service a cost center in the inventory.',
              'Import a month of bills, then export the chargeback spreadsheet for finance.',
            ]}
          >
            <p>
              Each month’s telecom spend allocated to cost centers and GL accounts, reconciled to
              the cent against the invoices, ready to export as CSV or XLSX.
            </p>
          </EmptyState>
        ) : (
          <ChargebackWorkspace basics={basics.value} />
        ))}
    </>
  );
}

function ChargebackWorkspace({ basics }: { basics: ChargebackBasics }) {
  const db = useDatabase();
  const ids = useId();
  const { months, opening, settings, presets } = basics;
  const [chosen, setChosen] = useState<IsoMonth | null>(null);
  const month =
    chosen !== null && months.includes(chosen) ? chosen : (opening ?? months[0] ?? null);
  const allocation = useMonthAllocation(month);
  const [tab, setTab] = useState<Tab>('totals');
  const [costCenterId, setCostCenterId] = useState<string | null>(null);
  if (month === null) return null;
  const exceptionCount = allocation?.result.exceptions.length ?? 0;
  const tabs: { id: Tab; label: string }[] = [
    { id: 'totals', label: 'Cost centers' },
    { id: 'exceptions', label: `Exceptions (${exceptionCount})` },
    { id: 'export', label: 'Export' },
    { id: 'rules', label: 'Rules and settings' },
  ];
  return (
    <>
      <div className="toolbar chargeback-toolbar">
        <label className="inline" htmlFor={`${ids}-month`}>
          Month
        </label>
        <select
          id={`${ids}-month`}
          value={month}
          onChange={(event) => {
            const next = months.find((m) => m === event.target.value);
            if (next !== undefined) setChosen(next);
            setCostCenterId(null);
          }}
        >
          {months.map((m) => (
            <option key={m} value={m}>
              {monthLabel(m)}
            </option>
          ))}
        </select>
        <label className="inline" htmlFor={`${ids}-basis`}>
          Month of a charge by
        </label>
        <select
          id={`${ids}-basis`}
          value={settings.basis}
          onChange={(event) =>
            void saveChargebackSetting(
              db,
              'basis',
              event.target.value === 'service-period' ? 'service-period' : 'invoice-date',
            )
          }
        >
          <option value="invoice-date">Invoice date</option>
          <option value="service-period">Service period (split by days)</option>
        </select>
      </div>
      {allocation === null ? (
        <p role="status">Allocating {monthLabel(month)}…</p>
      ) : (
        <>
          <ReconciliationCheck
            result={allocation.result}
            onShowExceptions={() => setTab('exceptions')}
          />
          <CopiesNotice month={month} invoices={allocation.input.invoices} />
          <Tabs label="Chargeback views" tabs={tabs} current={tab} onChange={setTab}>
            {tab === 'totals' &&
              (costCenterId === null ? (
                <CostCenterTotals
                  result={allocation.result}
                  names={allocation.names}
                  onOpen={setCostCenterId}
                  onShowExceptions={() => setTab('exceptions')}
                />
              ) : (
                <CostCenterDrill
                  result={allocation.result}
                  names={allocation.names}
                  costCenterId={costCenterId}
                  onBack={() => setCostCenterId(null)}
                />
              ))}
            {tab === 'exceptions' && <ExceptionsPanel allocation={allocation} />}
            {tab === 'export' && (
              <ExportPanel
                month={month}
                allocation={allocation}
                presets={presets}
                presetId={settings.presetId}
                csvSettings={settings.csv}
              />
            )}
            {tab === 'rules' && (
              <RulesPanel inventory={allocation.input} settings={settings} month={month} />
            )}
          </Tabs>
        </>
      )}
    </>
  );
}
