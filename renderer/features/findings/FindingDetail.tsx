import { useEffect, useRef, type Ref } from 'react';
import { focusIfLost } from '../../components/focus-if-lost';
import { suggestedNextStatus } from '../../../shared/audit/next-status';
import { MAX_CHARGE_REFS } from '../../../shared/audit/rule';
import { useDatabase } from '../../db/DatabaseContext';
import { hrefFor } from '../../app/sections';
import { useLiveQuery } from '../../app/useLiveQuery';
import { setFindingStatus, type FindingRecord } from '../../db/findings';
import { formatCents } from '../../../shared/money/cents';
import { loadChargeRefs } from './data';
import { SEVERITY_LABELS, STATUS_LABELS, type FindingRow } from './rows';
import { StatusForm } from './StatusForm';

/** One finding: what and why, the invoice, lines and service behind it, its status history. */
export function FindingDetail({
  row,
  finding,
  onClose,
  ref,
}: {
  row: FindingRow;
  finding: FindingRecord;
  onClose: () => void;
  /** The panel, so the page can bring it into view and focus it when it opens. */
  ref?: Ref<HTMLElement>;
}) {
  const db = useDatabase();
  const refs = finding.evidence?.chargeRefs;
  const lines = useLiveQuery(() => loadChargeRefs(db, refs ?? []), [db, refs]);
  // Saving a new status starts the status form afresh, its Save button gone: focus goes to the
  // finding's heading, its new status and history below.
  const heading = useRef<HTMLHeadingElement>(null);
  const saved = useRef(false);
  const changes = finding.statusHistory.length;
  useEffect(() => {
    if (!saved.current) return;
    saved.current = false;
    focusIfLost(heading.current);
  }, [row.status, changes]);
  return (
    <section
      ref={ref}
      tabIndex={-1}
      className="panel finding-detail"
      aria-labelledby="finding-detail-title"
      // Escape closes the panel, as Close details does; focus goes back to what opened it.
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        onClose();
      }}
    >
      <div className="toolbar">
        <h2 id="finding-detail-title" ref={heading}>
          {row.rule}: {formatCents(row.impact)}
        </h2>
        <button type="button" className="secondary" onClick={onClose}>
          Close details
        </button>
      </div>
      <p>{row.message}</p>
      <dl className="facts">
        <dt>Status</dt>
        <dd>{STATUS_LABELS[row.status]}</dd>
        <dt>Severity</dt>
        <dd>{SEVERITY_LABELS[row.severity]}</dd>
        <dt>Carrier and account</dt>
        <dd>
          {row.carrier} {row.accountNumber}
        </dd>
        <dt>Invoice</dt>
        <dd>
          {row.invoiceId ? (
            <a href={hrefFor('bills', row.invoiceId)}>Invoice {row.invoiceNumber}</a>
          ) : (
            row.invoiceNumber || '—'
          )}
        </dd>
        <dt>Service</dt>
        <dd>
          {row.serviceIdRaw || '—'}
          {row.serviceId && (
            <>
              {' '}
              (<a href={hrefFor('inventory')}>in the inventory</a>
              {row.site ? `, site ${row.site}` : ''})
            </>
          )}
        </dd>
        <dt>Period</dt>
        <dd>{row.period || '—'}</dd>
        <dt>Age</dt>
        <dd>{row.ageDays} days</dd>
      </dl>
      {lines.status === 'ready' && lines.value.length > 0 && (
        <p className="hint" id="charge-lines-shown">
          {linesShownText(lines.value.length, refs?.length ?? 0, finding.evidence?.chargeLineCount)}
        </p>
      )}
      {lines.status === 'ready' && lines.value.length > 0 && (
        <table className="data-table" aria-describedby="charge-lines-shown">
          <caption>Charge lines behind this finding</caption>
          <thead>
            <tr>
              <th scope="col">Invoice</th>
              <th scope="col">File and line</th>
              <th scope="col">Service</th>
              <th scope="col">Description</th>
              <th scope="col">Period</th>
              <th scope="col" className="numeric">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.value.map((line, index) => (
              <tr key={`${line.invoiceId}-${line.sourceRow}-${index}`}>
                <td>{line.invoiceNumber}</td>
                <td>
                  {line.sourceFile ? `${line.sourceFile}, line ${line.sourceRow}` : line.sourceRow}
                </td>
                <td>{line.serviceIdRaw}</td>
                <td>{line.description}</td>
                <td>{line.period}</td>
                <td className="numeric">{formatCents(line.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>History</h3>
      <ol className="history">
        {finding.statusHistory.map((change, index) => (
          <li key={index}>
            {change.at.slice(0, 10)} — {STATUS_LABELS[change.status]}
            {change.note ? `: ${change.note}` : ''}
          </li>
        ))}
      </ol>
      <StatusForm
        // Another finding, or this one moved on: start from its own next step again.
        key={`${row.id}|${row.status}`}
        legend="Change this finding"
        submitLabel="Save status"
        initial={suggestedNextStatus(row.status)}
        onSubmit={async (choice) => {
          saved.current = true;
          await setFindingStatus(db, [row.id], choice.status, choice.at, choice.note);
        }}
      />
    </section>
  );
}

/**
 * How many of the finding's charge lines the table shows: all of them, or the first ones kept
 * with the finding ({@link MAX_CHARGE_REFS}) out of how many there are.
 */
export function linesShownText(shown: number, kept: number, total: number | undefined): string {
  const plural = (n: number) => `${n.toLocaleString('en-US')} charge line${n === 1 ? '' : 's'}`;
  if (total !== undefined && total > shown)
    return `${shown.toLocaleString('en-US')} of ${plural(total)} shown (the first kept with the finding); its money at stake and dispute letter count all ${total.toLocaleString('en-US')}.`;
  // Found by a version that did not note the count: the cap was reached, there may be more.
  if (total === undefined && kept >= MAX_CHARGE_REFS)
    return `The first ${plural(shown)} shown; this finding may have more (run the checks again to count them).`;
  return shown === kept ? `All ${plural(shown)} shown.` : `${plural(shown)} shown.`;
}
