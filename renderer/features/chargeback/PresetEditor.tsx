import { useId, useState, type FormEvent } from 'react';
import {
  DETAIL_FIELDS,
  presetProblem,
  type DetailField,
  type ExportPreset,
} from '../../../shared/export';
import { useDatabase } from '../../db/DatabaseContext';
import { deletePreset, isBuiltInPreset, savePreset } from '../../db/chargeback';

/** What each field holds, for the "Add column" list. */
export const FIELD_LABELS: Record<DetailField, string> = {
  month: 'Month',
  costCenterCode: 'Cost center code',
  costCenterName: 'Cost center name',
  glAccount: 'GL account',
  siteCode: 'Site code',
  siteName: 'Site name',
  carrier: 'Carrier',
  accountNumber: 'Account number',
  invoiceNumber: 'Invoice number',
  serviceId: 'Service ID',
  userName: 'User',
  category: 'Category',
  description: 'Description',
  amount: 'Amount',
  markup: 'Mark-up',
  amountWithMarkup: 'Amount with mark-up',
  debit: 'Debit',
  credit: 'Credit',
  memo: 'Memo',
  invoiceCount: 'Invoice count',
  budget: 'Budget (month)',
  variance: 'Variance (actual − budget)',
  variancePercent: 'Variance %',
};

/** Choose, order and rename a layout's columns; save it under a name. */
export function PresetEditor({
  initial,
  isNew,
  onDone,
}: {
  initial: ExportPreset;
  /** A copy not saved yet (nothing to delete). */
  isNew: boolean;
  /** Called with the layout to select afterwards (null: keep the current one) and what happened. */
  onDone: (selectId: string | null, message: string) => void;
}) {
  const db = useDatabase();
  const ids = useId();
  const [preset, setPreset] = useState<ExportPreset>(initial);
  const [adding, setAdding] = useState<DetailField>('amount');
  const [error, setError] = useState('');
  const columns = preset.columns;
  const setColumns = (next: ExportPreset['columns']) => setPreset({ ...preset, columns: next });
  const move = (index: number, delta: number) => {
    const next = [...columns];
    const [column] = next.splice(index, 1);
    if (column === undefined) return;
    next.splice(index + delta, 0, column);
    setColumns(next);
  };
  const unused = DETAIL_FIELDS.filter((field) => !columns.some((column) => column.field === field));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = presetProblem(preset);
    if (problem !== null) return setError(problem);
    const outcome = await savePreset(db, preset);
    if (outcome.ok) onDone(outcome.value, `Layout “${preset.name.trim()}” saved.`);
    else setError(outcome.errors.map((e) => e.message).join(' '));
  };
  return (
    <form
      className="panel preset-editor"
      aria-labelledby={`${ids}-title`}
      onSubmit={(e) => void submit(e)}
    >
      <h2 id={`${ids}-title`}>Edit column layout</h2>
      <div className="form-grid">
        <label htmlFor={`${ids}-name`}>Layout name</label>
        <input
          id={`${ids}-name`}
          value={preset.name}
          onChange={(event) => setPreset({ ...preset, name: event.target.value })}
        />
        <label htmlFor={`${ids}-grouping`}>Rows</label>
        <select
          id={`${ids}-grouping`}
          value={preset.grouping}
          onChange={(event) =>
            setPreset({
              ...preset,
              grouping: event.target.value === 'cost-center-gl' ? 'cost-center-gl' : 'charge',
            })
          }
        >
          <option value="charge">One row per charge</option>
          <option value="cost-center-gl">One row per cost center × GL account (journal)</option>
        </select>
      </div>
      <table className="data-table">
        <caption>Columns, in order</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Header in the file</th>
            <th scope="col">Order</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((column, index) => (
            <tr key={column.field}>
              <th scope="row">{FIELD_LABELS[column.field]}</th>
              <td>
                <input
                  aria-label={`Header for ${FIELD_LABELS[column.field]}`}
                  value={column.header}
                  onChange={(event) =>
                    setColumns(
                      columns.map((other, j) =>
                        j === index ? { ...other, header: event.target.value } : other,
                      ),
                    )
                  }
                />
              </td>
              <td>
                <div className="button-row">
                  <button
                    type="button"
                    aria-label={`Move ${FIELD_LABELS[column.field]} up`}
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    aria-label={`Move ${FIELD_LABELS[column.field]} down`}
                    disabled={index === columns.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    aria-label={`Remove ${FIELD_LABELS[column.field]}`}
                    onClick={() => setColumns(columns.filter((_, j) => j !== index))}
                  >
                    Remove
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {unused.length > 0 && (
        <div className="inline-form">
          <label className="inline">
            Add column
            <select
              value={unused.includes(adding) ? adding : unused[0]}
              onChange={(event) => {
                const field = unused.find((entry) => entry === event.target.value);
                if (field !== undefined) setAdding(field);
              }}
            >
              {unused.map((field) => (
                <option key={field} value={field}>
                  {FIELD_LABELS[field]}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            onClick={() => {
              const field = unused.includes(adding) ? adding : unused[0];
              if (field !== undefined)
                setColumns([...columns, { field, header: FIELD_LABELS[field] }]);
            }}
          >
            Add
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="money-mismatch">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit">Save layout</button>
        <button type="button" onClick={() => onDone(null, '')}>
          Cancel
        </button>
        {!isNew && !isBuiltInPreset(initial.id) && (
          <button
            type="button"
            onClick={() =>
              void deletePreset(db, initial.id).then(() =>
                onDone('standard', `Layout “${initial.name}” deleted.`),
              )
            }
          >
            Delete layout
          </button>
        )}
      </div>
    </form>
  );
}
