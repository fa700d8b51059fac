import { useMemo } from 'react';
import {
  emptyManualLine,
  isChargeCategory,
  runningDifference,
  type ManualInvoiceError,
  type ManualInvoiceForm,
  type ManualLineForm,
  type ManualLineMode,
} from '../../../../shared/billing/manual-invoice';
import { CATEGORY_LABELS } from '../../../../shared/export/chargeback';
import { CHARGE_CATEGORIES } from '../../../../shared/model';
import { FieldMessage, fieldProps } from './FieldMessage';
import { ServicePicker, type ServiceChoice } from './ServicePicker';

/** The charge lines, by category or by service, with the running difference to the stated total. */
export function LinesEditor({
  formId,
  form,
  errors,
  services,
  onChange,
}: {
  formId: string;
  form: ManualInvoiceForm;
  errors: readonly ManualInvoiceError[];
  /** The account's inventory services. */
  services: readonly ServiceChoice[];
  onChange: (next: Pick<ManualInvoiceForm, 'mode' | 'lines'>) => void;
}) {
  const difference = useMemo(() => runningDifference(form), [form]);
  const { mode, lines } = form;
  const setLine = (index: number, patch: Partial<ManualLineForm>) =>
    onChange({ mode, lines: lines.map((line, i) => (i === index ? { ...line, ...patch } : line)) });
  const setMode = (next: ManualLineMode) => onChange({ mode: next, lines });
  return (
    <fieldset className="manual-lines">
      <legend>Charges</legend>
      <div className="radio" role="radiogroup" aria-label="Enter the charges">
        {(
          [
            ['category', 'By charge category'],
            ['service', 'By service'],
          ] as const
        ).map(([value, label]) => (
          <label key={value}>
            <input
              type="radio"
              name={`${formId}-mode`}
              checked={mode === value}
              onChange={() => setMode(value)}
            />
            {label}
          </label>
        ))}
      </div>
      {mode === 'service' && services.length === 0 && (
        <p className="hint">
          The inventory has no service on this account yet: pick “Whole account” or enter the lines
          by charge category.
        </p>
      )}
      <FieldMessage formId={formId} field="lines" errors={errors} />
      <table className="data-table manual-lines__table">
        <caption className="visually-hidden">Charge lines</caption>
        <thead>
          <tr>
            <th scope="col" className="manual-col-n">
              #
            </th>
            {mode === 'service' && (
              <th scope="col" className="manual-col-service">
                Service
              </th>
            )}
            <th scope="col" className="manual-col-category">
              Category
            </th>
            <th scope="col">Description</th>
            <th scope="col" className="manual-col-amount">
              Amount
            </th>
            <th scope="col" className="manual-col-remove">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line, index) => {
            const n = index + 1;
            return (
              <tr key={index}>
                <td>{n}</td>
                {mode === 'service' && (
                  <td>
                    <ServicePicker
                      line={line}
                      label={`Line ${n} service`}
                      services={services}
                      onPick={(patch) => setLine(index, patch)}
                      {...fieldProps(formId, `line-${n}-service`, errors)}
                    />
                    <FieldMessage formId={formId} field={`line-${n}-service`} errors={errors} />
                  </td>
                )}
                <td>
                  <select
                    aria-label={`Line ${n} category`}
                    value={line.category}
                    onChange={(event) => {
                      const value = event.target.value;
                      if (isChargeCategory(value)) setLine(index, { category: value });
                    }}
                  >
                    {CHARGE_CATEGORIES.map((category) => (
                      <option key={category} value={category}>
                        {CATEGORY_LABELS[category]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    aria-label={`Line ${n} description`}
                    value={line.description}
                    onChange={(event) => setLine(index, { description: event.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={`Line ${n} amount`}
                    inputMode="decimal"
                    placeholder="0.00"
                    value={line.amount}
                    onChange={(event) => setLine(index, { amount: event.target.value })}
                    {...fieldProps(formId, `line-${n}-amount`, errors)}
                  />
                  <FieldMessage formId={formId} field={`line-${n}-amount`} errors={errors} />
                </td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`Remove line ${n}`}
                    disabled={lines.length === 1}
                    onClick={() => onChange({ mode, lines: lines.filter((_, i) => i !== index) })}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="hint">Credits are subtracted: type them as positive amounts.</p>
      <div className="button-row">
        <button
          type="button"
          className="secondary"
          onClick={() => onChange({ mode, lines: [...lines, emptyManualLine()] })}
        >
          Add a line
        </button>
      </div>
      <p
        role="status"
        className={
          difference.difference === null || difference.difference === 0
            ? 'manual-difference'
            : 'manual-difference money-mismatch'
        }
      >
        {difference.sentence}
      </p>
    </fieldset>
  );
}
