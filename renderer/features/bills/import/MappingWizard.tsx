import { useId, useMemo, useState } from 'react';
import { DATE_ORDERS } from '../../../../shared/dates';
import { CHARGE_FIELDS } from '../../../../shared/import/charge-rows';
import type { ColumnMapping, MappedField } from '../../../../shared/import/mapping';
import { FIELD_LABELS, previewMapping } from '../../../../shared/import/mapping-preview';
import { CHARGE_CATEGORIES } from '../../../../shared/model';
import { formatCents } from '../../../../shared/money/cents';
import { useImport } from './ImportContext';
import { STEP_FOCUS } from './useStepFocus';
import { DATE_ORDER_LABELS } from './DateOrderQuestion';
import type { Question } from './session';

const FIELD_CHOICES: readonly MappedField[] = [...CHARGE_FIELDS, 'ignore'];

/**
 * For a file no carrier profile recognises: map each column to a field, choose the conventions,
 * and see the result live. The mapping is saved with the file's header signature, so the next
 * file shaped like this one imports with no questions.
 */
export function MappingWizard({
  question,
}: {
  question: Extract<Question, { kind: 'needs-mapping' }>;
}) {
  const { answer, cancel } = useImport();
  const ids = useId();
  const [mapping, setMapping] = useState<ColumnMapping>(question.guess);
  const preview = useMemo(
    () => previewMapping(question.header, question.sample, mapping),
    [question, mapping],
  );
  const update = (patch: Partial<ColumnMapping>) =>
    setMapping((current) => ({ ...current, ...patch }));

  return (
    <section className="panel import-panel wizard" aria-labelledby="import-title">
      <h2 id="import-title" {...STEP_FOCUS}>
        Map the columns of {question.fileName}
      </h2>
      {question.drift ? (
        <div className="notice" role="note">
          <p>
            <strong>This looks like {question.drift.layoutName}, but its columns changed.</strong>
          </p>
          {question.drift.missing.length > 0 && <p>Missing: {question.drift.missing.join(', ')}</p>}
          {question.drift.added.length > 0 && <p>New: {question.drift.added.join(', ')}</p>}
          <p>Check the mapping below; it will be remembered for files with these columns.</p>
        </div>
      ) : (
        <p>
          TEM Desk does not know this layout yet. The guesses below come from the column names —
          check each one.
        </p>
      )}
      {question.problems && question.problems.length > 0 && (
        <ul role="alert">
          {question.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}

      <div className="wizard-options">
        <label htmlFor={`${ids}-carrier`}>Carrier (when the file has no carrier column)</label>
        <input
          id={`${ids}-carrier`}
          value={mapping.carrierName}
          onChange={(e) => update({ carrierName: e.target.value })}
        />
        <label htmlFor={`${ids}-account`}>
          Account number (when the file has no account column)
        </label>
        <input
          id={`${ids}-account`}
          value={mapping.accountNumber ?? ''}
          onChange={(e) => update({ accountNumber: e.target.value })}
        />
        <label htmlFor={`${ids}-order`}>Date order</label>
        <select
          id={`${ids}-order`}
          value={mapping.dateOrder}
          onChange={(e) =>
            update({ dateOrder: DATE_ORDERS.find((order) => order === e.target.value) ?? 'auto' })
          }
        >
          <option value="auto">Detect from the file’s dates</option>
          {DATE_ORDERS.map((order) => (
            <option key={order} value={order}>
              {DATE_ORDER_LABELS[order]}
            </option>
          ))}
        </select>
        <label htmlFor={`${ids}-decimal`}>Numbers</label>
        <select
          id={`${ids}-decimal`}
          value={mapping.decimal}
          onChange={(e) => update({ decimal: e.target.value === ',' ? ',' : '.' })}
        >
          <option value=".">1,234.56 (decimal point)</option>
          <option value=",">1.234,56 (decimal comma)</option>
        </select>
        <label htmlFor={`${ids}-sign`}>Credits</label>
        <select
          id={`${ids}-sign`}
          value={mapping.signConvention}
          onChange={(e) =>
            update({
              signConvention: e.target.value === 'credits-positive' ? 'credits-positive' : 'as-is',
            })
          }
        >
          <option value="as-is">Credits are negative amounts</option>
          <option value="credits-positive">
            Credits are positive amounts in a credit category
          </option>
        </select>
        <label htmlFor={`${ids}-category`}>Category when the file gives none</label>
        <select
          id={`${ids}-category`}
          value={mapping.defaultCategory}
          onChange={(e) =>
            update({
              defaultCategory: CHARGE_CATEGORIES.find((c) => c === e.target.value) ?? 'recurring',
            })
          }
        >
          {CHARGE_CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {category}
            </option>
          ))}
        </select>
      </div>

      <table className="data-table wizard-columns">
        <caption>Columns of the file</caption>
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">First values</th>
            <th scope="col">Holds</th>
          </tr>
        </thead>
        <tbody>
          {question.header.map((name, index) => (
            <tr key={`${name}-${index}`}>
              <th scope="row">{name || `(column ${index + 1})`}</th>
              <td className="sample">
                {question.sample
                  .slice(0, 3)
                  .map((row) => row[index] ?? '')
                  .join(' · ')}
              </td>
              <td>
                <select
                  aria-label={`Column “${name}” holds`}
                  value={mapping.columns[name] ?? 'ignore'}
                  onChange={(e) => {
                    const field =
                      FIELD_CHOICES.find((choice) => choice === e.target.value) ?? 'ignore';
                    update({ columns: { ...mapping.columns, [name]: field } });
                  }}
                >
                  {FIELD_CHOICES.map((field) => (
                    <option key={field} value={field}>
                      {FIELD_LABELS[field]}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <section aria-labelledby={`${ids}-preview`} className="wizard-preview">
        <h3 id={`${ids}-preview`}>Preview of the first rows</h3>
        {preview.ok ? (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Invoice</th>
                <th scope="col">Date</th>
                <th scope="col">Service</th>
                <th scope="col">Description</th>
                <th scope="col">Category</th>
                <th scope="col" className="numeric">
                  Amount
                </th>
              </tr>
            </thead>
            <tbody>
              {preview.draft.lines.map((line, i) => {
                const invoice = preview.draft.invoices.find((inv) => inv.key === line.invoiceKey);
                return (
                  <tr key={i}>
                    <td>{invoice?.invoiceNumber}</td>
                    <td>{invoice?.invoiceDate}</td>
                    <td>{line.serviceIdRaw || 'Account level'}</td>
                    <td>{line.description}</td>
                    <td>{line.category}</td>
                    <td className="numeric">{formatCents(line.amount)}</td>
                  </tr>
                );
              })}
              {preview.draft.errors.map((error, i) => (
                <tr key={`e${i}`} className="row-error">
                  <td colSpan={6}>
                    Row {error.row}: {error.message}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <ul role="status">
            {preview.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        )}
      </section>

      <div className="button-row">
        <button type="button" disabled={!preview.ok} onClick={() => answer({ mapping })}>
          Use this mapping
        </button>
        <button type="button" className="secondary" onClick={cancel}>
          Cancel import
        </button>
      </div>
    </section>
  );
}
