import { useMemo, useState, type FormEvent } from 'react';
import { contractsToIcs, renewalRows, timelinePoints } from '../../../shared/contracts';
import { todayIso } from '../../../shared/dates';
import { formatCents } from '../../../shared/money/cents';
import { useDatabase } from '../../db/DatabaseContext';
import { hrefFor } from '../../app/sections';
import { latestMonthlySpend } from '../../../shared/contracts/spend';
import { alertWindowsFromText, writeAlertWindows, type ContractsData } from '../../db/contracts';
import { platform } from '../../platform';
import { countdownText, stateBadge } from './labels';
import { RenewalsTimeline } from './RenewalsTimeline';

/** Every contract by notice deadline, with countdown, what is at stake and what to do. */
export function RenewalsView({ data }: { data: ContractsData }) {
  const [message, setMessage] = useState('');
  const today = todayIso(new Date());
  const rows = useMemo(() => {
    const carrierNames = new Map(data.carriers.map((c) => [c.id, c.name]));
    return renewalRows(
      data.contracts,
      latestMonthlySpend(data.spend),
      today,
      data.alertWindows,
      carrierNames,
    );
  }, [data, today]);
  const carrierName = (id: string) => data.carriers.find((c) => c.id === id)?.name ?? '—';
  const points = useMemo(() => timelinePoints(rows, today, 24), [rows, today]);

  const exportIcs = async () => {
    const text = contractsToIcs(rows, {
      now: new Date(),
      prodId: '-//TEM Desk//Renewals 1.0//EN',
      calendarName: 'Contract renewals',
    });
    const saved = await platform().saveFile(
      `contract-renewals-${today}.ics`,
      new TextEncoder().encode(text),
      'ics',
    );
    if (saved.saved) setMessage(`Saved the calendar: ${saved.path}`);
  };

  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="renewals-title">
      <div className="toolbar">
        <h2 id="renewals-title">Renewals by notice deadline</h2>
        <AlertWindowsSetting windows={data.alertWindows} />
        <button type="button" onClick={() => void exportIcs()}>
          Export calendar (.ics)
        </button>
      </div>
      <p role="status" className="hint">
        {message}
      </p>
      <div className="table-scroll">
        <table className="data-table renewals-table">
          <caption>
            Contracts ordered by notice deadline (end date minus notice days). Today is {today}.
          </caption>
          <thead>
            <tr>
              <th scope="col">Contract</th>
              <th scope="col">Notice deadline</th>
              <th scope="col">Countdown</th>
              <th scope="col">Alert</th>
              <th scope="col">Term ends</th>
              <th scope="col" className="numeric">
                Monthly spend
              </th>
              <th scope="col" className="numeric">
                At stake
              </th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const badge = stateBadge(row);
              return (
                <tr key={row.contractId} className={`renewal renewal--${badge.tone}`}>
                  <th scope="row">
                    <a href={hrefFor('contracts', row.contractId)}>{row.name}</a>
                    <span className="renewal__carrier">{carrierName(row.carrierId)}</span>
                  </th>
                  <td>{row.noticeDeadline}</td>
                  <td className="renewal__countdown">{countdownText(row.daysToNotice)}</td>
                  <td>
                    <span className={`badge badge--${badge.tone}`}>{badge.text}</span>
                  </td>
                  <td>{row.endDate}</td>
                  <td className="numeric">{formatCents(row.monthlySpend)}</td>
                  <td className="numeric">
                    {row.atStakeCents > 0 ? formatCents(row.atStakeCents) : '—'}
                  </td>
                  <td className="renewal__action">{row.action}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="hint">
        Monthly spend is the latest billed month of the contract’s accounts; at stake is that amount
        times the months an unnoticed renewal would lock in.
      </p>
      <RenewalsTimeline points={points} today={today} />
    </section>
  );
}

function AlertWindowsSetting({ windows }: { windows: readonly number[] }) {
  const db = useDatabase();
  const [text, setText] = useState(windows.join(', '));
  const [problem, setProblem] = useState('');
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const read = alertWindowsFromText(text);
    if (!read.ok) return setProblem(read.errors.map((e) => e.message).join(' '));
    setProblem('');
    setText(read.value.join(', '));
    await writeAlertWindows(db, read.value);
  };
  return (
    <form className="alert-windows" onSubmit={(e) => void save(e)}>
      <label className="inline">
        Alert windows (days before the deadline)
        <input value={text} onChange={(e) => setText(e.target.value)} size={14} />
      </label>
      <button type="submit" className="secondary">
        Save windows
      </button>
      {problem && <span role="alert">{problem}</span>}
    </form>
  );
}
