import { useState } from 'react';
import { formatCents } from '../../../shared/money/cents';
import { useDatabase } from '../../db/DatabaseContext';
import { useLiveQuery } from '../../app/useLiveQuery';
import type { DisputeRecord } from '../../db/findings';
import { platform } from '../../platform';
import { CreditForm, DisputeEditForm } from './DisputeForms';
import { readSettings } from '../../db/settings';
import { DisputeLetter } from './DisputeLetter';
import { letterCsv, loadLetterItems } from './letter';

/** One dispute: its details, the credits received, the claim letter and its CSV. */
export function DisputeDetail({
  dispute,
  carrier,
  onClose,
}: {
  dispute: DisputeRecord;
  carrier: string;
  onClose: () => void;
}) {
  const db = useDatabase();
  const [showLetter, setShowLetter] = useState(false);
  const [message, setMessage] = useState('');
  const items = useLiveQuery(() => loadLetterItems(db, dispute), [db, dispute]);
  const company = useLiveQuery(async () => (await readSettings(db)).organizationName, [db]);
  const exportCsv = async () => {
    if (items.status !== 'ready') return;
    const name = `dispute-${carrier}-${dispute.accountNumber}-${dispute.openedOn}.csv`
      .replace(/[^A-Za-z0-9.-]+/g, '-')
      .toLowerCase();
    const result = await platform().saveFile(name, letterCsv(dispute, carrier, items.value), 'csv');
    setMessage(result.saved ? `Saved ${name}.` : 'Not saved.');
  };
  return (
    <section className="panel dispute-detail" aria-labelledby="dispute-title">
      <div className="toolbar">
        <h2 id="dispute-title">
          Dispute {carrier} {dispute.accountNumber}
          {dispute.carrierReference ? ` — ticket ${dispute.carrierReference}` : ''}
        </h2>
        <button type="button" className="secondary" onClick={onClose}>
          Close details
        </button>
      </div>
      <dl className="tiles" aria-label="Dispute amounts">
        <div className="tile">
          <dt>Claimed</dt>
          <dd>{formatCents(dispute.claimedAmount)}</dd>
        </div>
        <div className="tile">
          <dt>Expected credit</dt>
          <dd>{formatCents(dispute.expectedCredit ?? dispute.claimedAmount)}</dd>
        </div>
        <div className="tile">
          <dt>Recovered</dt>
          <dd>{formatCents(dispute.creditedAmount)}</dd>
        </div>
      </dl>
      <DisputeEditForm dispute={dispute} />
      <h3>Credits</h3>
      {(dispute.credits ?? []).length === 0 ? (
        <p className="hint">No credit recorded yet.</p>
      ) : (
        <ul className="history" aria-label="Credits received">
          {(dispute.credits ?? []).map((credit, index) => (
            <li key={index}>
              {credit.on}: {formatCents(credit.amount)}
              {credit.note ? ` — ${credit.note}` : ''}
            </li>
          ))}
        </ul>
      )}
      <CreditForm dispute={dispute} />
      <h3>Claim</h3>
      <div className="button-row">
        <button type="button" onClick={() => setShowLetter((shown) => !shown)}>
          {showLetter ? 'Hide dispute letter' : 'Show dispute letter'}
        </button>
        <button type="button" className="secondary" onClick={() => void exportCsv()}>
          Export claim (CSV)
        </button>
        <span role="status" className="hint">
          {message}
        </span>
      </div>
      {showLetter && items.status === 'ready' && (
        <DisputeLetter
          dispute={dispute}
          carrier={carrier}
          company={company.status === 'ready' ? company.value : ''}
          items={items.value}
        />
      )}
    </section>
  );
}
