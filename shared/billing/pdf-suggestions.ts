/**
 * Values a PDF bill's text seems to state (account number, invoice number, invoice and due dates,
 * amount due or total), offered to the user as suggestions to confirm one by one — never filled
 * in silently. Pure: the renderer extracts the text with pdf.js and passes it here.
 */
import { parseDate } from '../dates';
import { centsFromText, centsToDecimalString } from '../money/cents';

/** The form fields a suggestion can fill. */
export type SuggestedField =
  'accountNumber' | 'invoiceNumber' | 'invoiceDate' | 'dueDate' | 'statedTotal';

/** One value found in the bill's text. */
export interface PdfSuggestion {
  field: SuggestedField;
  /** The value as the form takes it: ISO date, decimal amount (`1234.56`) or the identifier. */
  value: string;
  /** The label and value exactly as found in the text, to show where it came from. */
  found: string;
}

/** A date as bills print it: `03/01/2026`, `2026-03-01`, `March 1, 2026`, `Mar 1 2026`, `01-Mar-26`. */
const DATE = String.raw`(\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}-[A-Z][a-z]{2}-\d{2,4})`;
/** An amount: `$1,234.56`, `1234.56`, `$ 85.00`. */
const AMOUNT = String.raw`(-?\$?\s?\d{1,3}(?:,\d{3})*(?:\.\d{2})|-?\$?\s?\d+\.\d{2})`;
/** An identifier: letters, digits and `-`, at least 3 characters, with at least one digit. */
const IDENTIFIER = String.raw`((?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{2,})`;
/** Between a label and its value: spaces, a colon, `#`, `No.`, `Number`. */
const SEP = String.raw`\s*(?:Number|No\.?|#)?\s*[:#]?\s*`;

interface Pattern {
  field: SuggestedField;
  label: string;
  kind: 'identifier' | 'date' | 'amount';
}

/** Labels in order of preference per field (the first found comes first). */
const PATTERNS: readonly Pattern[] = [
  { field: 'accountNumber', label: String.raw`(?:Billing\s+)?Account`, kind: 'identifier' },
  { field: 'invoiceNumber', label: String.raw`(?:Invoice|Bill|Statement)`, kind: 'identifier' },
  { field: 'invoiceDate', label: String.raw`(?:Invoice|Bill|Statement)\s+Date`, kind: 'date' },
  {
    field: 'dueDate',
    label: String.raw`(?:Payment\s+)?(?:Due\s+Date|Due\s+By|Due|Please\s+Pay\s+By)`,
    kind: 'date',
  },
  {
    field: 'statedTotal',
    label: String.raw`(?:Total\s+Current\s+Charges|Total\s+Amount\s+Due|Amount\s+Due|Total\s+Due|Balance\s+Due|Invoice\s+Total|Total\s+Charges)`,
    kind: 'amount',
  },
];

function valueOf(kind: Pattern['kind'], text: string): string | null {
  if (kind === 'identifier') return text;
  if (kind === 'date') {
    // US carriers print month first; the user confirms the date before it is used.
    const read = parseDate(text, 'MDY');
    return read.ok && read.value !== null ? read.value : null;
  }
  const read = centsFromText(text.replace(/\s/g, ''));
  return read.ok && read.value !== null ? centsToDecimalString(read.value) : null;
}

/**
 * The suggestions in a bill's text: for each field, every distinct value found after one of its
 * labels, in the order found (a bill prints the account number on every page: it is offered once).
 */
export function suggestionsFromText(text: string): PdfSuggestion[] {
  const flat = text.replace(/[\u00a0\t]/g, ' ');
  const suggestions: PdfSuggestion[] = [];
  for (const pattern of PATTERNS) {
    const value =
      pattern.kind === 'identifier' ? IDENTIFIER : pattern.kind === 'date' ? DATE : AMOUNT;
    // Dates and amounts may sit on the next line of a two-column layout; identifiers follow the label.
    const gap = pattern.kind === 'identifier' ? SEP : String.raw`\s*[:#]?\s*`;
    const regex = new RegExp(String.raw`\b${pattern.label}${gap}${value}`, 'gi');
    const seen = new Set<string>();
    for (const match of flat.matchAll(regex)) {
      const raw = match[1];
      if (raw === undefined) continue;
      const read = valueOf(pattern.kind, raw.trim());
      if (read === null || seen.has(read)) continue;
      // "Account" followed by "Number" etc. is the label, not the value.
      if (pattern.kind === 'identifier' && /^(NUMBER|DATE|NO)$/i.test(read)) continue;
      seen.add(read);
      suggestions.push({
        field: pattern.field,
        value: read,
        found: match[0].replace(/\s+/g, ' ').trim(),
      });
    }
  }
  return suggestions;
}
