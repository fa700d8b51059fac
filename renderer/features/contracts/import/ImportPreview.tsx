import type {
  ContractCsvError,
  ContractDraft,
  ContractRateDraft,
} from '../../../../shared/contracts';
import type { ContractImportPlan } from '../../../db/contracts-import';

/** What was read from the chosen files, and what committing it would do. */
export interface ImportSession {
  contractsFile?: string;
  ratesFile?: string;
  drafts: ContractDraft[];
  rates: ContractRateDraft[];
  contractErrors: ContractCsvError[];
  rateErrors: ContractCsvError[];
  plan: ContractImportPlan;
}

/** “2 contracts and 12 rates”, “12 rates”: what the button imports, never rates called contracts. */
export function importLabel(plan: Pick<ContractImportPlan, 'created' | 'updated' | 'rates'>) {
  const contracts = plan.created + plan.updated;
  const parts = [
    contracts > 0 && `${contracts} contract${contracts === 1 ? '' : 's'}`,
    plan.rates > 0 && `${plan.rates} rate${plan.rates === 1 ? '' : 's'}`,
  ].filter((part): part is string => typeof part === 'string');
  return parts.join(' and ') || 'nothing';
}

/** Exactly what the commit will write, and every row that stops it. */
export function ImportPreview({
  session,
  onCommit,
  onCancel,
}: {
  session: ImportSession;
  onCommit: () => void;
  onCancel: () => void;
}) {
  const { plan } = session;
  const errors: (ContractCsvError & { file: string })[] = [
    ...session.contractErrors.map((e) => ({ ...e, file: session.contractsFile ?? '' })),
    ...session.rateErrors.map((e) => ({ ...e, file: session.ratesFile ?? '' })),
    ...plan.refusals.map((e) => ({ ...e, file: session.ratesFile ?? '' })),
  ];
  const nothing = plan.created + plan.updated + plan.rates === 0;
  return (
    <section className="import-preview" aria-labelledby="contracts-preview-title">
      <h3 id="contracts-preview-title">Preview</h3>
      <p>
        {[session.contractsFile, session.ratesFile].filter(Boolean).join(' and ')}: {plan.created}{' '}
        new contracts, {plan.updated} updated, {plan.rates} rates.
        {plan.newCarriers.length > 0 &&
          ` New carriers: ${plan.newCarriers.map((c) => c.name).join(', ')}.`}
        {plan.newAccounts.length > 0 &&
          ` New accounts: ${plan.newAccounts.map((a) => a.accountNumber).join(', ')}.`}
      </p>
      {plan.notes.length > 0 && (
        <ul className="hint" aria-label="Notes on the rows imported">
          {plan.notes.map((note) => (
            <li key={note.message}>{note.message}</li>
          ))}
        </ul>
      )}
      {plan.contracts.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <caption>Contracts to import</caption>
            <thead>
              <tr>
                <th scope="col">Contract ID</th>
                <th scope="col">Name</th>
                <th scope="col">Start</th>
                <th scope="col">End</th>
                <th scope="col">Notice days</th>
                <th scope="col">Auto-renew</th>
                <th scope="col">Rates</th>
              </tr>
            </thead>
            <tbody>
              {plan.contracts.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.id}</th>
                  <td>{c.name}</td>
                  <td>{c.startDate}</td>
                  <td>{c.endDate}</td>
                  <td>{c.noticeDays}</td>
                  <td>{c.autoRenew ? 'Yes' : 'No'}</td>
                  <td>{c.rateCard?.length ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {errors.length > 0 && (
        <table className="data-table import-errors">
          <caption>
            {errors.length} problem{errors.length === 1 ? '' : 's'} to fix in the file before
            importing
          </caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Row</th>
              <th scope="col">Column</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((e, index) => (
              <tr key={index}>
                <td>{e.file}</td>
                <td>{e.row}</td>
                <td>{e.column}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="button-row">
        <button type="button" disabled={errors.length > 0 || nothing} onClick={onCommit}>
          Import {importLabel(plan)}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {errors.length > 0 && (
        <p className="hint">
          Nothing is imported while a row has a problem: fix the file and choose it again.
        </p>
      )}
    </section>
  );
}
