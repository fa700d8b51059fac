import type {
  ManualInvoiceError,
  ManualInvoiceForm,
} from '../../../../shared/billing/manual-invoice';
import { FieldMessage, fieldProps } from './FieldMessage';

type HeaderField = Exclude<keyof ManualInvoiceForm, 'mode' | 'lines'>;

const FIELDS: readonly { field: HeaderField; label: string; type: 'text' | 'date' }[] = [
  { field: 'carrierName', label: 'Carrier', type: 'text' },
  { field: 'accountNumber', label: 'Account number', type: 'text' },
  { field: 'invoiceNumber', label: 'Invoice number', type: 'text' },
  { field: 'invoiceDate', label: 'Invoice date', type: 'date' },
  { field: 'dueDate', label: 'Due date', type: 'date' },
  { field: 'periodStart', label: 'Period start', type: 'date' },
  { field: 'periodEnd', label: 'Period end', type: 'date' },
  { field: 'statedTotal', label: 'Stated total', type: 'text' },
];

/** The invoice header: who billed, which invoice, when, and the total the bill states. */
export function HeaderFields({
  formId,
  form,
  errors,
  carriers,
  accounts,
  onChange,
}: {
  formId: string;
  form: ManualInvoiceForm;
  errors: readonly ManualInvoiceError[];
  /** Carrier names offered while typing. */
  carriers: readonly string[];
  /** Account numbers of the typed carrier offered while typing. */
  accounts: readonly string[];
  onChange: (field: HeaderField, value: string) => void;
}) {
  const lists = { carrierName: carriers, accountNumber: accounts } as const;
  return (
    <fieldset className="manual-header">
      <legend>Invoice</legend>
      {FIELDS.map(({ field, label, type }) => {
        const id = `${formId}-${field}`;
        const list = field === 'carrierName' || field === 'accountNumber' ? lists[field] : null;
        return (
          <div key={field} className="manual-field">
            <label htmlFor={id}>{label}</label>
            <input
              id={id}
              type={type}
              value={form[field]}
              inputMode={field === 'statedTotal' ? 'decimal' : undefined}
              placeholder={field === 'statedTotal' ? '0.00' : undefined}
              list={list ? `${id}-choices` : undefined}
              autoComplete="off"
              onChange={(event) => onChange(field, event.target.value)}
              {...fieldProps(formId, field, errors)}
            />
            {list && (
              <datalist id={`${id}-choices`}>
                {list.map((choice) => (
                  <option key={choice} value={choice} />
                ))}
              </datalist>
            )}
            <FieldMessage formId={formId} field={field} errors={errors} />
          </div>
        );
      })}
    </fieldset>
  );
}
