import { useId, useState } from 'react';
import { isIsoDate } from '../../../../shared/dates';
import { useImport } from './ImportContext';
import { STEP_FOCUS } from './useStepFocus';
import { QuestionButtons } from './QuestionParts';
import type { Question } from './session';

/**
 * Asked when a file carries no account number or invoice date (T-Mobile's bare summary, a Teams
 * PSTN usage report), with the layout's own words on why and what the answer is used for.
 */
export function InvoiceDetailsQuestion({
  question,
}: {
  question: Extract<Question, { kind: 'needs-invoice-details' }>;
}) {
  const { answer } = useImport();
  const accountId = useId();
  const dateId = useId();
  const [accountNumber, setAccountNumber] = useState('');
  const [invoiceDate, setInvoiceDate] = useState('');
  const needsAccount = question.missing.includes('accountNumber');
  const needsDate = question.missing.includes('invoiceDate');
  const ready =
    (!needsAccount || accountNumber.trim() !== '') && (!needsDate || isIsoDate(invoiceDate));

  return (
    <section className="panel import-panel" aria-labelledby="import-title">
      <h2 id="import-title" {...STEP_FOCUS}>
        {question.fileName} does not say{' '}
        {needsDate ? 'which invoice it is' : 'which account it is billed to'}
      </h2>
      <p>
        {question.note ??
          'Type what the printed bill shows; it applies to every line of this file.'}
      </p>
      {needsAccount && (
        <>
          <label htmlFor={accountId}>Account number</label>
          <input
            id={accountId}
            value={accountNumber}
            onChange={(e) => setAccountNumber(e.target.value)}
          />
        </>
      )}
      {needsDate && (
        <>
          <label htmlFor={dateId}>Invoice date</label>
          <input
            id={dateId}
            type="date"
            value={invoiceDate}
            onChange={(e) => setInvoiceDate(e.target.value)}
          />
        </>
      )}
      <QuestionButtons
        ready={ready}
        onContinue={() =>
          answer({
            invoiceDetails: {
              [question.fileName]: {
                ...(needsAccount ? { accountNumber: accountNumber.trim() } : {}),
                ...(needsDate && isIsoDate(invoiceDate) ? { invoiceDate } : {}),
              },
            },
          })
        }
      />
    </section>
  );
}
