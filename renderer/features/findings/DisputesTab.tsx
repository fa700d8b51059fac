import { useState } from 'react';
import { formatCents } from '../../../shared/money/cents';
import type { FindingsData } from './data';
import { DisputeDetail } from './DisputeDetail';
import { DISPUTE_STATUS_LABELS } from './rows';

/** Every dispute with the carrier, and the one chosen. */
export function DisputesTab({ data }: { data: FindingsData }) {
  const [openId, setOpenId] = useState<string | null>(null);
  const carrierName = new Map(data.carriers.map((c) => [c.id, c.name]));
  const open = data.disputes.find((d) => d.id === openId);
  if (data.disputes.length === 0)
    return (
      <p className="panel">
        No disputes yet. In Findings, tick the findings of one carrier account and choose “Create
        dispute from selected”.
      </p>
    );
  const sorted = [...data.disputes].sort((a, b) => b.openedOn.localeCompare(a.openedOn));
  return (
    <>
      <table className="data-table disputes-table">
        <caption>Disputes with carriers</caption>
        <thead>
          <tr>
            <th scope="col">Carrier and account</th>
            <th scope="col">Ticket</th>
            <th scope="col">Filed</th>
            <th scope="col">Status</th>
            <th scope="col">Findings</th>
            <th scope="col" className="numeric">
              Claimed
            </th>
            <th scope="col" className="numeric">
              In draft (not filed)
            </th>
            <th scope="col" className="numeric">
              Expected credit
            </th>
            <th scope="col" className="numeric">
              Recovered
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((d) => (
            <tr key={d.id} aria-selected={d.id === openId}>
              <td>
                <button type="button" className="link-button" onClick={() => setOpenId(d.id)}>
                  {carrierName.get(d.carrierId) ?? d.carrierId} {d.accountNumber}
                </button>
              </td>
              <td>{d.carrierReference ?? '—'}</td>
              <td>{d.submittedOn ?? (d.status === 'draft' ? 'Not filed' : '—')}</td>
              <td>{DISPUTE_STATUS_LABELS[d.status]}</td>
              <td>{d.findingIds.length}</td>
              {/* A draft claims nothing yet (as the In dispute tile): its amount is apart. */}
              <td className="numeric">
                {d.status === 'draft' ? '—' : formatCents(d.claimedAmount)}
              </td>
              <td className="numeric">
                {d.status === 'draft' ? formatCents(d.claimedAmount) : '—'}
              </td>
              <td className="numeric">
                {d.status === 'draft' ? '—' : formatCents(d.expectedCredit ?? d.claimedAmount)}
              </td>
              <td className="numeric">{formatCents(d.creditedAmount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {open && (
        <DisputeDetail
          key={open.id}
          dispute={open}
          carrier={carrierName.get(open.carrierId) ?? open.carrierId}
          onClose={() => setOpenId(null)}
        />
      )}
    </>
  );
}
