import { dueState } from '../../../shared/billing/invoice-rows';
import { renewalRows } from '../../../shared/contracts/renewals';
import { todayIso } from '../../../shared/dates';
import { cents, formatCents } from '../../../shared/money/cents';
import { useDatabase } from '../../app/DatabaseContext';
import { useLiveQuery } from '../../app/useLiveQuery';
import type { TemDeskDatabase } from '../../db/database';

async function loadAttention(db: TemDeskDatabase) {
  const today = todayIso(new Date());
  const [invoices, findings, contracts] = await Promise.all([
    db.invoices.toArray(),
    db.findings.where('status').anyOf('open', 'disputed').toArray(),
    db.contracts.toArray(),
  ]);
  const due = invoices.map((invoice) => dueState(invoice, today));
  const renewals = renewalRows(contracts, new Map(), today);
  return {
    overdue: due.filter((d) => d === 'overdue').length,
    dueSoon: due.filter((d) => d === 'due-soon').length,
    findings: findings.length,
    atStake: cents(findings.reduce((sum, f) => sum + f.impact, 0)),
    deadlines: renewals.filter((r) => r.daysToNotice >= 0 && r.daysToNotice <= 90).length,
    pastDeadline: renewals.filter((r) => r.state === 'past-deadline' || r.state === 'expired')
      .length,
  };
}

/** What needs the user's attention now, each tile a link to the section behind it. */
export function AttentionTiles() {
  const db = useDatabase();
  const data = useLiveQuery(() => loadAttention(db), [db]);
  if (data.status !== 'ready') return null;
  const v = data.value;
  return (
    <ul className="tiles attention" aria-label="Needs attention">
      <li className="tile">
        <a href="#/findings">
          <span className="tile__label">Money at stake in open findings</span>
          <span className="tile__value">{formatCents(v.atStake)}</span>
          <span className="tile__meta">{v.findings} findings open or disputed</span>
        </a>
      </li>
      <li className="tile">
        <a href="#/bills">
          <span className="tile__label">Invoices to pay</span>
          <span className="tile__value">{v.overdue} overdue</span>
          <span className="tile__meta">{v.dueSoon} due within 7 days</span>
        </a>
      </li>
      <li className="tile">
        <a href="#/contracts">
          <span className="tile__label">Contract notice deadlines</span>
          <span className="tile__value">{v.deadlines} in 90 days</span>
          <span className="tile__meta">{v.pastDeadline} past deadline or out of contract</span>
        </a>
      </li>
    </ul>
  );
}
