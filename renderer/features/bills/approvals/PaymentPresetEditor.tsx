import { useId, useState } from 'react';
import {
  PAYMENT_DATE_FORMATS,
  PAYMENT_FIELD_INFO,
  PAYMENT_FIELDS,
  paymentPresetProblem,
  type PaymentField,
  type PaymentPreset,
} from '../../../../shared/export/payment-file';
import { FormButtons } from './FormButtons';

/** Every field, the chosen ones first in their order, each with its header. */
function editableColumns(preset: PaymentPreset) {
  const chosen = preset.columns.map((c) => ({ ...c, on: true }));
  const rest = PAYMENT_FIELDS.filter((f) => !preset.columns.some((c) => c.field === f)).map(
    (field) => ({ field, header: PAYMENT_FIELD_INFO[field].label, on: false }),
  );
  return [...chosen, ...rest];
}

/** Choose, rename and reorder the payment file's columns; rows, date format, total row. */
export function PaymentPresetEditor({
  preset,
  onSave,
  onCancel,
}: {
  preset: PaymentPreset;
  onSave: (preset: PaymentPreset) => void;
  onCancel: () => void;
}) {
  const ids = useId();
  const [name, setName] = useState(preset.name);
  const [rows, setRows] = useState(preset.rows);
  const [dateFormat, setDateFormat] = useState(preset.dateFormat);
  const [totalRow, setTotalRow] = useState(preset.totalRow);
  const [columns, setColumns] = useState(() => editableColumns(preset));
  const [problem, setProblem] = useState('');

  const change = (field: PaymentField, patch: Partial<{ header: string; on: boolean }>) =>
    setColumns(columns.map((c) => (c.field === field ? { ...c, ...patch } : c)));
  const move = (index: number, by: number) => {
    const next = [...columns];
    const [item] = next.splice(index, 1);
    if (item) next.splice(index + by, 0, item);
    setColumns(next);
  };
  const save = () => {
    const edited: PaymentPreset = {
      id: preset.id,
      name: name.trim(),
      rows,
      dateFormat,
      totalRow,
      columns: columns
        .filter((c) => c.on)
        .map(({ field, header }) => ({ field, header: header.trim() })),
    };
    const why = paymentPresetProblem(edited);
    if (why !== null) setProblem(why);
    else onSave(edited);
  };

  return (
    <fieldset className="panel" aria-label="Payment file layout">
      <legend>Layout</legend>
      <label htmlFor={`${ids}-name`}>Layout name</label>
      <input id={`${ids}-name`} value={name} onChange={(e) => setName(e.target.value)} />
      <label htmlFor={`${ids}-rows`}>Rows</label>
      <select
        id={`${ids}-rows`}
        value={rows}
        onChange={(e) => setRows(e.target.value === 'invoice' ? 'invoice' : 'cost-center')}
      >
        <option value="cost-center">One per invoice and cost center (GL coding)</option>
        <option value="invoice">One per invoice</option>
      </select>
      <label htmlFor={`${ids}-dates`}>Date format (CSV)</label>
      <select
        id={`${ids}-dates`}
        value={dateFormat}
        onChange={(e) =>
          setDateFormat(PAYMENT_DATE_FORMATS.find((f) => f === e.target.value) ?? 'YYYY-MM-DD')
        }
      >
        {PAYMENT_DATE_FORMATS.map((format) => (
          <option key={format}>{format}</option>
        ))}
      </select>
      <label className="inline">
        <input type="checkbox" checked={totalRow} onChange={(e) => setTotalRow(e.target.checked)} />
        End with a total row
      </label>
      <ol className="column-list" aria-label="Columns">
        {columns.map((c, index) => (
          <li key={c.field}>
            <label className="inline">
              <input
                type="checkbox"
                checked={c.on}
                onChange={(e) => change(c.field, { on: e.target.checked })}
              />
              {PAYMENT_FIELD_INFO[c.field].label}
            </label>
            <input
              aria-label={`Header of ${PAYMENT_FIELD_INFO[c.field].label}`}
              value={c.header}
              onChange={(e) => change(c.field, { header: e.target.value })}
            />
            <button
              type="button"
              className="secondary"
              disabled={index === 0}
              onClick={() => move(index, -1)}
              aria-label={`Move ${c.header} up`}
            >
              ↑
            </button>
            <button
              type="button"
              className="secondary"
              disabled={index === columns.length - 1}
              onClick={() => move(index, 1)}
              aria-label={`Move ${c.header} down`}
            >
              ↓
            </button>
          </li>
        ))}
      </ol>
      <FormButtons label="Save layout" onSubmit={save} onCancel={onCancel} />
      {problem && <p role="alert">{problem}</p>}
    </fieldset>
  );
}
