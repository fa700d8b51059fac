import type { PdfSuggestion, SuggestedField } from '../../../../shared/billing/pdf-suggestions';

const FIELD_LABELS: Record<SuggestedField, string> = {
  accountNumber: 'account number',
  invoiceNumber: 'invoice number',
  invoiceDate: 'invoice date',
  dueDate: 'due date',
  statedTotal: 'stated total',
};

/** Values read in the PDF's text, each filled in only when the user says "Use". */
export function SuggestionsPanel({
  suggestions,
  current,
  onUse,
}: {
  suggestions: readonly PdfSuggestion[];
  /** What each field holds now (a suggestion already used says so). */
  current: Record<SuggestedField, string>;
  onUse: (suggestion: PdfSuggestion) => void;
}) {
  if (suggestions.length === 0) {
    return (
      <p className="hint">
        Nothing in the PDF’s text looks like an account number, invoice number, date or total: type
        them from the bill.
      </p>
    );
  }
  return (
    <section className="manual-suggestions" aria-labelledby="manual-suggestions-title">
      <h2 id="manual-suggestions-title">Found in the PDF</h2>
      <p className="hint">Check each value against the bill before you use it.</p>
      <ul>
        {suggestions.map((suggestion) => {
          const label = FIELD_LABELS[suggestion.field];
          const used = current[suggestion.field] === suggestion.value;
          return (
            <li key={`${suggestion.field}|${suggestion.value}`}>
              <span>
                <strong>{label[0]?.toUpperCase() + label.slice(1)}:</strong> {suggestion.value}{' '}
                <span className="hint">(“{suggestion.found}”)</span>
              </span>
              {used ? (
                <span className="badge badge--ok">Used</span>
              ) : (
                <button
                  type="button"
                  className="secondary"
                  aria-label={`Use ${label} ${suggestion.value}`}
                  onClick={() => onUse(suggestion)}
                >
                  Use
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
