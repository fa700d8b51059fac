import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Contract } from '../../../shared/model';
import { CONTRACT_STATUSES } from '../../../shared/model';
import { focusIfLost } from '../../components/focus-if-lost';
import { useDatabase } from '../../db/DatabaseContext';
import { saveContract, type ContractsData, type NewFile } from '../../db/contracts';
import { platform } from '../../platform';
import { CoverageFields } from './CoverageFields';
import {
  computedEndDate,
  contractFromValues,
  errorSentences,
  formValuesFrom,
  type ContractFormValues,
} from './form-values';
import { STATUS_LABELS } from './labels';
import { RateCardEditor } from './RateCardEditor';
import { TermFields } from './TermFields';

/** Enter or edit a contract: terms, coverage, rate card and the signed document. */
export function ContractForm({
  data,
  contract,
  onDone,
}: {
  data: ContractsData;
  contract?: Contract;
  onDone: (savedId?: string) => void;
}) {
  const db = useDatabase();
  const ids = useId();
  const [values, setValues] = useState<ContractFormValues>(() =>
    formValuesFrom(contract, data.carriers[0]?.id),
  );
  const [files, setFiles] = useState<NewFile[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  // The button that opened the form (New contract…, Edit contract…) is gone: focus its heading.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => focusIfLost(heading.current), []);
  const change = (patch: Partial<ContractFormValues>) => {
    setValues((before) => {
      const next = { ...before, ...patch };
      if (!next.endDateEdited) next.endDate = computedEndDate(next.startDate, next.termMonths);
      return next;
    });
  };

  const attach = async () => {
    const picked = await platform().openFiles({ title: 'Attach the signed contract' });
    setFiles((before) => [...before, ...picked]);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const id = contract?.id ?? `contract-${crypto.randomUUID()}`;
    const read = contractFromValues(values, id, contract);
    if (!read.ok) return setProblems(errorSentences(read.errors));
    const saved = await saveContract(db, read.value, files);
    if (!saved.ok) return setProblems(errorSentences(saved.errors));
    onDone(saved.value);
  };

  return (
    <form
      className="panel contract-form"
      onSubmit={(e) => void save(e)}
      aria-labelledby={`${ids}-title`}
      noValidate
    >
      <h2 id={`${ids}-title`} ref={heading} tabIndex={-1}>
        {contract ? `Edit ${contract.name}` : 'New contract'}
      </h2>
      <fieldset>
        <legend>Contract</legend>
        <div className="form-grid">
          <label htmlFor={`${ids}-carrier`}>Carrier</label>
          <select
            id={`${ids}-carrier`}
            value={values.carrierId}
            onChange={(e) => change({ carrierId: e.target.value, accountIds: [], serviceIds: [] })}
          >
            <option value="">Choose…</option>
            {data.carriers.map((carrier) => (
              <option key={carrier.id} value={carrier.id}>
                {carrier.name}
              </option>
            ))}
          </select>
          <label htmlFor={`${ids}-name`}>Name</label>
          <input
            id={`${ids}-name`}
            value={values.name}
            onChange={(e) => change({ name: e.target.value })}
          />
          <label htmlFor={`${ids}-number`}>Contract number</label>
          <input
            id={`${ids}-number`}
            value={values.contractNumber}
            onChange={(e) => change({ contractNumber: e.target.value })}
          />
          <label htmlFor={`${ids}-status`}>Status</label>
          <select
            id={`${ids}-status`}
            value={values.status}
            onChange={(e) =>
              change({
                status: CONTRACT_STATUSES.find((s) => s === e.target.value) ?? 'active',
              })
            }
          >
            {CONTRACT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <TermFields values={values} onChange={change} />
      <CoverageFields data={data} values={values} onChange={change} />
      <RateCardEditor data={data} values={values} onChange={change} />
      <fieldset>
        <legend>Signed document and notes</legend>
        <div className="button-row">
          <button type="button" className="secondary" onClick={() => void attach()}>
            Attach a file…
          </button>
        </div>
        {files.length > 0 && (
          <ul aria-label="Files to attach" className="file-list">
            {files.map((file, index) => (
              <li key={`${file.name}-${index}`}>
                {file.name} ({file.bytes.length.toLocaleString('en-US')} bytes){' '}
                <button
                  type="button"
                  className="secondary"
                  aria-label={`Do not attach ${file.name}`}
                  onClick={() => setFiles((before) => before.filter((_, i) => i !== index))}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="form-grid">
          <label htmlFor={`${ids}-notes`}>Notes</label>
          <textarea
            id={`${ids}-notes`}
            rows={3}
            value={values.notes}
            onChange={(e) => change({ notes: e.target.value })}
          />
        </div>
      </fieldset>
      {problems.length > 0 && (
        <div role="alert" className="form-problems">
          <p>The contract was not saved:</p>
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="button-row">
        <button type="submit">Save contract</button>
        <button type="button" className="secondary" onClick={() => onDone(contract?.id)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
