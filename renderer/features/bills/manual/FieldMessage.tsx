import type { ManualField, ManualInvoiceError } from '../../../../shared/billing/manual-invoice';

/** The id of a field's error message (for `aria-describedby`). */
export function messageId(formId: string, field: ManualField): string {
  return `${formId}-${field}-message`;
}

/** Props that tie an input to its error: invalid state and description. */
export function fieldProps(
  formId: string,
  field: ManualField,
  errors: readonly ManualInvoiceError[],
): { 'aria-invalid': boolean; 'aria-describedby'?: string } {
  const invalid = errors.some((error) => error.field === field);
  return invalid
    ? { 'aria-invalid': true, 'aria-describedby': messageId(formId, field) }
    : { 'aria-invalid': false };
}

/** The sentence under a field that does not read. */
export function FieldMessage({
  formId,
  field,
  errors,
}: {
  formId: string;
  field: ManualField;
  errors: readonly ManualInvoiceError[];
}) {
  const error = errors.find((e) => e.field === field);
  if (error === undefined) return null;
  return (
    <p id={messageId(formId, field)} className="field-error">
      {error.message}
    </p>
  );
}
