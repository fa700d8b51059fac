import type { ContractsData } from '../../db/contracts';
import { ALLOWANCE_INPUTS, EMPTY_RATE } from './form-values';
import type { ContractFormValues, RateValues } from './form-values';

/**
 * Contracted monthly rates: per plan or service type, and per service, with the plan's allowances
 * (a number, `unlimited`, or blank when not known).
 */
export function RateCardEditor({
  data,
  values,
  onChange,
}: {
  data: ContractsData;
  values: ContractFormValues;
  onChange: (patch: Partial<ContractFormValues>) => void;
}) {
  const covered = data.services.filter((s) => values.serviceIds.includes(s.id));
  const setRate = (index: number, patch: Partial<RateValues>) =>
    onChange({
      rates: values.rates.map((rate, i) => (i === index ? { ...rate, ...patch } : rate)),
    });
  return (
    <fieldset>
      <legend>Rate card</legend>
      {values.rates.length === 0 ? (
        <p className="hint">No contracted rate yet.</p>
      ) : (
        <table className="data-table rate-card">
          <caption>Contracted monthly rates</caption>
          <thead>
            <tr>
              <th scope="col">Plan or service type</th>
              <th scope="col">Service (optional)</th>
              <th scope="col">Monthly rate ($)</th>
              <th
                scope="col"
                title="What the carrier bills once the term ends without a renewal; the year-end forecast uses it"
              >
                Month-to-month ($)
              </th>
              <th scope="col" className="allowance">
                Data (GB)
              </th>
              <th scope="col" className="allowance">
                Voice minutes
              </th>
              <th scope="col" className="allowance">
                Messages
              </th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {values.rates.map((rate, index) => (
              <tr key={index}>
                <td>
                  <input
                    aria-label={`Rate ${index + 1} plan or service type`}
                    value={rate.plan}
                    onChange={(e) => setRate(index, { plan: e.target.value })}
                  />
                </td>
                <td>
                  <select
                    aria-label={`Rate ${index + 1} service`}
                    value={rate.serviceId}
                    onChange={(e) => setRate(index, { serviceId: e.target.value })}
                  >
                    <option value="">All services of this plan</option>
                    {covered.map((service) => (
                      <option key={service.id} value={service.id}>
                        {service.serviceIdRaw}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    aria-label={`Rate ${index + 1} monthly rate`}
                    inputMode="decimal"
                    value={rate.monthly}
                    onChange={(e) => setRate(index, { monthly: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={`Rate ${index + 1} month-to-month rate`}
                    inputMode="decimal"
                    value={rate.monthToMonth}
                    onChange={(e) => setRate(index, { monthToMonth: e.target.value })}
                  />
                </td>
                {ALLOWANCE_INPUTS.map(({ key, label }) => (
                  <td key={key}>
                    <input
                      aria-label={`Rate ${index + 1} ${label}`}
                      value={rate[key]}
                      onChange={(e) => setRate(index, { [key]: e.target.value })}
                    />
                  </td>
                ))}
                <td>
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`Remove rate ${index + 1}`}
                    onClick={() => onChange({ rates: values.rates.filter((_, i) => i !== index) })}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="button-row">
        <button
          type="button"
          className="secondary"
          onClick={() => onChange({ rates: [...values.rates, { ...EMPTY_RATE }] })}
        >
          Add a rate
        </button>
      </div>
      <p className="hint">
        Allowances are per month: a number, or unlimited; leave blank when not known. The
        month-to-month rate (blank when not known) is what the year-end forecast uses once a
        contract that does not renew ends.
      </p>
      {covered.length === 0 && (
        <p className="hint">Pick services above to give one of them its own rate.</p>
      )}
    </fieldset>
  );
}
