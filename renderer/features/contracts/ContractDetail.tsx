import { useState } from 'react';
import { describeTerm, noticeDeadline, termOnDay } from '../../../shared/contracts';
import type { IsoDate } from '../../../shared/dates';
import type { Contract } from '../../../shared/model';
import { formatCents } from '../../../shared/money/cents';
import { useDatabase } from '../../db/DatabaseContext';
import { useUndo } from '../../app/UndoContext';
import { deleteContract, type ContractsData } from '../../db/contracts';
import { AttachmentsPanel } from './AttachmentsPanel';
import { STATUS_LABELS } from './labels';
import { ContractServices, SpendByMonth } from './ContractTables';

/** One contract: its terms, services with their contracted rates, spend by month and files. */
export function ContractDetail({
  contract,
  data,
  today,
  onEdit,
  onClose,
}: {
  contract: Contract;
  data: ContractsData;
  /** The day the current term is shown for. */
  today: IsoDate;
  onEdit: () => void;
  onClose: () => void;
}) {
  const db = useDatabase();
  const { perform } = useUndo();
  const [confirming, setConfirming] = useState(false);
  const carrier = data.carriers.find((c) => c.id === contract.carrierId)?.name ?? '—';
  const accounts = contract.accountIds
    .map((id) => data.accounts.find((a) => a.id === id)?.accountNumber ?? id)
    .join(', ');
  const facts: [string, string][] = [
    ['Carrier', carrier],
    ['Contract number', contract.contractNumber ?? '—'],
    ['Status', STATUS_LABELS[contract.status]],
    ['Accounts', accounts || '—'],
    [
      'Start date',
      `${contract.startDate} (counts from ${contract.countsFrom === 'installation' ? 'installation' : 'signature'})`,
    ],
    ['Term', `${contract.termMonths} months`],
    ['End date', contract.endDate],
    ['Notice period', `${contract.noticeDays} days — deadline ${noticeDeadline(contract)}`],
    [
      'Auto-renew',
      contract.autoRenew
        ? contract.renewalTermMonths > 0
          ? `Yes, for ${contract.renewalTermMonths} months`
          : 'Yes, month-to-month'
        : 'No',
    ],
    ['Current term', describeTerm(termOnDay(contract, today))],
    ['Early termination', contract.earlyTermination ?? '—'],
    ['MARC', contract.marcCents > 0 ? formatCents(contract.marcCents) : 'None'],
    ['Notes', contract.notes ?? '—'],
  ];
  return (
    <article className="contract-detail" aria-labelledby="contract-title">
      <p className="breadcrumb">
        <button type="button" className="link-button" onClick={onClose}>
          ← All contracts
        </button>
      </p>
      <div className="toolbar">
        <h2 id="contract-title">{contract.name}</h2>
        <button type="button" onClick={onEdit}>
          Edit contract…
        </button>
        {confirming ? (
          <span role="group" aria-label="Confirm deletion">
            Delete this contract and its files?{' '}
            <button
              type="button"
              className="danger"
              onClick={() =>
                void perform('delete-contract', `Deleted contract ${contract.name}`, () =>
                  deleteContract(db, contract.id),
                ).then(onClose)
              }
            >
              Yes, delete
            </button>{' '}
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </span>
        ) : (
          <button type="button" className="secondary" onClick={() => setConfirming(true)}>
            Delete…
          </button>
        )}
      </div>
      <div className="detail-grid">
        <section className="panel" aria-labelledby="contract-terms">
          <h3 id="contract-terms">Terms</h3>
          <dl className="facts">
            {facts.map(([label, value]) => (
              <div key={label} className="facts__row">
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </section>
        <AttachmentsPanel contract={contract} attachments={data.attachments} />
      </div>
      <ContractServices contract={contract} data={data} />
      <SpendByMonth spend={data.spend.get(contract.id)} />
    </article>
  );
}
