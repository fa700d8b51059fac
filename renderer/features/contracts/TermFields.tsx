import { useId } from 'react';
import { computedEndDate, type ContractFormValues } from './form-values';

/** Start, term, end date (computed unless typed), renewal, notice, early termination and MARC. */
export function TermFields({
  values,
  onChange,
}: {
  values: ContractFormValues;
  onChange: (patch: Partial<ContractFormValues>) => void;
}) {
  const ids = useId();
  const computed = computedEndDate(values.startDate, values.termMonths);
  return (
    <fieldset>
      <legend>Term and renewal</legend>
      <div className="form-grid">
        <label htmlFor={`${ids}-start`}>Start date</label>
        <input
          id={`${ids}-start`}
          type="date"
          value={values.startDate}
          onChange={(e) => onChange({ startDate: e.target.value })}
        />
        <label htmlFor={`${ids}-from`}>Term counts from</label>
        <select
          id={`${ids}-from`}
          value={values.countsFrom}
          onChange={(e) =>
            onChange({
              countsFrom: e.target.value === 'installation' ? 'installation' : 'signature',
            })
          }
        >
          <option value="signature">Signature</option>
          <option value="installation">Installation of the services</option>
        </select>
        <label htmlFor={`${ids}-term`}>Term (months)</label>
        <input
          id={`${ids}-term`}
          inputMode="numeric"
          value={values.termMonths}
          onChange={(e) => onChange({ termMonths: e.target.value })}
        />
        <label htmlFor={`${ids}-end`}>End date</label>
        <div className="field-with-hint">
          <input
            id={`${ids}-end`}
            type="date"
            value={values.endDate}
            aria-describedby={`${ids}-end-hint`}
            onChange={(e) => onChange({ endDate: e.target.value, endDateEdited: true })}
          />
          <span id={`${ids}-end-hint`} className="hint">
            {values.endDateEdited
              ? 'Typed by you (an amended term). '
              : 'Computed from the start date and term; type another date to change it.'}
          </span>
          {values.endDateEdited && computed !== '' && (
            <button
              type="button"
              className="secondary"
              onClick={() => onChange({ endDateEdited: false })}
            >
              Use the computed date ({computed})
            </button>
          )}
        </div>
        <label htmlFor={`${ids}-auto`}>Renews automatically (evergreen)</label>
        <input
          id={`${ids}-auto`}
          type="checkbox"
          checked={values.autoRenew}
          onChange={(e) => onChange({ autoRenew: e.target.checked })}
        />
        {values.autoRenew && (
          <>
            <label htmlFor={`${ids}-renewal`}>Renewal term (months)</label>
            <div className="field-with-hint">
              <input
                id={`${ids}-renewal`}
                inputMode="numeric"
                value={values.renewalTermMonths}
                aria-describedby={`${ids}-renewal-hint`}
                onChange={(e) => onChange({ renewalTermMonths: e.target.value })}
              />
              <span id={`${ids}-renewal-hint`} className="hint">
                0 means it goes month-to-month.
              </span>
            </div>
          </>
        )}
        <label htmlFor={`${ids}-notice`}>Notice period (days)</label>
        <input
          id={`${ids}-notice`}
          inputMode="numeric"
          value={values.noticeDays}
          onChange={(e) => onChange({ noticeDays: e.target.value })}
        />
        <label htmlFor={`${ids}-etf`}>Early termination terms</label>
        <input
          id={`${ids}-etf`}
          value={values.earlyTermination}
          placeholder="e.g. 50 % of the remaining monthly charges"
          onChange={(e) => onChange({ earlyTermination: e.target.value })}
        />
        <label htmlFor={`${ids}-marc`}>MARC — minimum annual commitment ($)</label>
        <input
          id={`${ids}-marc`}
          inputMode="decimal"
          value={values.marc}
          onChange={(e) => onChange({ marc: e.target.value })}
        />
      </div>
    </fieldset>
  );
}
