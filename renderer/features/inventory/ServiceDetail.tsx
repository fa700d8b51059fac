import { useId, useState, type Ref } from 'react';
import { isIsoDate, todayIso, type IsoDate } from '../../../shared/dates';
import {
  disconnectPatch,
  monthlyCostFromText,
  type ServicePatch,
} from '../../../shared/inventory/edits';
import { SERVICE_STATUS_LABELS, SERVICE_TYPE_LABELS } from '../../../shared/inventory/rows';
import type { Service } from '../../../shared/model';
import { siteOptionLabel } from '../../../shared/inventory/sites';
import { formatCents } from '../../../shared/money/cents';
import { useDatabase } from '../../db/DatabaseContext';
import { useLiveQuery } from '../../app/useLiveQuery';
import {
  billedHistory,
  deleteServiceWithUndo,
  inventoryNames,
  serviceHistory,
  type InventoryData,
} from '../../db/inventory';
import { useUndo } from '../../app/UndoContext';
import type { ServiceEventRecord } from '../../db/database';

interface ServiceDetailProps {
  service: Service;
  data: InventoryData;
  onChange: (patch: ServicePatch, kind: ServiceEventRecord['kind']) => Promise<string | null>;
  onClose: () => void;
  /** The panel, so the page can bring it into view and focus it when it opens. */
  ref?: Ref<HTMLElement>;
}

/** One service: its facts, the lifecycle actions (move, change plan or cost, disconnect), its history and what it was billed. */
export function ServiceDetail({ service, data, onChange, onClose, ref }: ServiceDetailProps) {
  const db = useDatabase();
  const { perform } = useUndo();
  const ids = useId();
  const names = inventoryNames(data);
  const history = useLiveQuery(() => serviceHistory(db, service.id), [db, service.id]);
  const billed = useLiveQuery(() => billedHistory(db, service), [db, service]);
  const [siteId, setSiteId] = useState(service.siteId ?? '');
  const [plan, setPlan] = useState(service.plan ?? '');
  const [monthly, setMonthly] = useState(
    service.expectedMonthlyCents === undefined
      ? ''
      : (service.expectedMonthlyCents / 100).toFixed(2),
  );
  const [disconnectOn, setDisconnectOn] = useState<string>(todayIso(new Date()));
  const [message, setMessage] = useState('');

  const run = async (patch: ServicePatch, kind: ServiceEventRecord['kind'], done: string) => {
    const problem = await onChange(patch, kind);
    setMessage(problem ?? done);
  };
  const disconnect = async (on: IsoDate) => {
    // clock: a date after today is a disconnect still to come (pending until then)
    const patch = disconnectPatch(on, todayIso(new Date()));
    // A planned disconnect is a change in the history ("Changed — Status: Active → Pending
    // disconnect"), not a disconnect.
    if (patch.status === 'pending-disconnect')
      await run(patch, 'changed', `Disconnect planned for ${on}: pending disconnect until then.`);
    else await run(patch, 'disconnected', 'Disconnected.');
  };
  const changePlan = () => {
    const cost = monthlyCostFromText(monthly);
    if (!cost.ok) return setMessage(`Monthly cost: ${cost.errors.map((e) => e.message).join(' ')}`);
    void run(
      { plan: plan.trim() || undefined, expectedMonthlyCents: cost.value },
      'changed',
      'Plan and cost saved.',
    );
  };

  return (
    <aside
      ref={ref}
      tabIndex={-1}
      className="panel service-detail"
      aria-labelledby={`${ids}-title`}
    >
      <div className="toolbar">
        <h2 id={`${ids}-title`}>{service.serviceIdRaw}</h2>
        <button
          type="button"
          className="danger"
          onClick={() =>
            void perform('delete-service', `Deleted service ${service.serviceIdRaw}`, () =>
              deleteServiceWithUndo(db, service.id),
            ).then(onClose)
          }
        >
          Delete service
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </div>
      <dl className="facts">
        <dt>Type</dt>
        <dd>{SERVICE_TYPE_LABELS[service.type]}</dd>
        <dt>Status</dt>
        <dd>
          {SERVICE_STATUS_LABELS[service.status]}
          {service.disconnectedOn ? ` on ${service.disconnectedOn}` : ''}
        </dd>
        <dt>Site</dt>
        <dd>{names.site(service.siteId)}</dd>
        <dt>Account</dt>
        <dd>{names.account(service.accountId)}</dd>
        <dt>Plan</dt>
        <dd>{service.plan ?? '—'}</dd>
        <dt>Monthly cost</dt>
        <dd>
          {service.expectedMonthlyCents === undefined
            ? '—'
            : formatCents(service.expectedMonthlyCents)}
        </dd>
        <dt>Contract</dt>
        <dd>{names.contract(service.contractId)}</dd>
        <dt>User</dt>
        <dd>{[service.userName, service.department].filter(Boolean).join(', ') || '—'}</dd>
      </dl>

      <h3>Move to another site</h3>
      <div className="inline-form">
        <label htmlFor={`${ids}-site`}>New site</label>
        <select id={`${ids}-site`} value={siteId} onChange={(e) => setSiteId(e.target.value)}>
          {data.sites.map((site) => (
            <option key={site.id} value={site.id}>
              {siteOptionLabel(site)}
            </option>
          ))}
        </select>
        <button
          type="button"
          onClick={() => void run({ siteId }, 'moved', 'Moved.')}
          disabled={siteId === service.siteId}
        >
          Move
        </button>
      </div>

      <h3>Change plan or cost</h3>
      <div className="inline-form">
        <label htmlFor={`${ids}-plan`}>Plan</label>
        <input id={`${ids}-plan`} value={plan} onChange={(e) => setPlan(e.target.value)} />
        <label htmlFor={`${ids}-cost`}>Monthly cost ($)</label>
        <input
          id={`${ids}-cost`}
          value={monthly}
          onChange={(e) => setMonthly(e.target.value)}
          inputMode="decimal"
        />
        <button type="button" onClick={changePlan}>
          Save plan and cost
        </button>
      </div>

      {service.status !== 'disconnected' && (
        <>
          <h3>Disconnect</h3>
          <div className="inline-form">
            <label htmlFor={`${ids}-disconnect`}>Disconnected on</label>
            <input
              id={`${ids}-disconnect`}
              type="date"
              value={disconnectOn}
              onChange={(e) => setDisconnectOn(e.target.value)}
            />
            <button
              type="button"
              className="danger"
              disabled={!isIsoDate(disconnectOn)}
              onClick={() => isIsoDate(disconnectOn) && void disconnect(disconnectOn)}
            >
              Disconnect
            </button>
          </div>
        </>
      )}
      <p role="status">{message}</p>

      <h3>History</h3>
      <ol className="history" aria-label="Change history">
        {history.status === 'ready' &&
          history.value.map((event) => (
            <li key={event.seq}>
              <time dateTime={event.at}>{event.at.slice(0, 10)}</time> {event.summary}
            </li>
          ))}
      </ol>

      <h3>Billed, month by month</h3>
      {billed.status === 'ready' && billed.value.length === 0 && (
        <p className="hint">No imported bill mentions this service yet.</p>
      )}
      {billed.status === 'ready' && billed.value.length > 0 && (
        <table className="data-table" aria-label="Billed history">
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">Invoice</th>
              <th scope="col" className="numeric">
                Lines
              </th>
              <th scope="col" className="numeric">
                Billed
              </th>
            </tr>
          </thead>
          <tbody>
            {billed.value.map((month) => (
              <tr key={`${month.month}-${month.invoiceNumber}`}>
                <th scope="row">{month.month}</th>
                <td>{month.invoiceNumber}</td>
                <td className="numeric">{month.lines}</td>
                <td className="numeric">{formatCents(month.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </aside>
  );
}
