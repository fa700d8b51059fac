import { useId, useState } from 'react';
import { isIsoDate } from '../../../../shared/dates';
import { exchangeRateFromText } from '../../../../shared/money/exchange-rate';
import { useImport } from './ImportContext';
import { STEP_FOCUS } from './useStepFocus';
import { QuestionButtons } from './QuestionParts';
import type { Question } from './session';

/** Text on its way to a rate: blank, digits, a point (`0`, `1.`, `.5`), spaces around. */
const PARTIAL_RATE = /^\s*\d*\.?\d*\s*$/;

/**
 * Asked when a file carries no account number or invoice date (T-Mobile's bare summary, a Teams
 * PSTN usage report), or its amounts are in another currency than US dollars (the rate, US dollars
 * per 1 unit, converts them), with the layout's own words on why and what the answer is used for.
 */
export function InvoiceDetailsQuestion({
  question,
}: {
  question: Extract<Question, { kind: 'needs-invoice-details' }>;
}) {
  const { answer } = useImport();
  const accountId = useId();
  const dateId = useId();
  const rateId = useId();
  const [accountNumber, setAccountNumber] = useState('');
  const [invoiceDate, setInvoiceDate] = useState('');
  const [rate, setRate] = useState('');
  const [rateTouched, setRateTouched] = useState(false);
  const needsAccount = question.missing.includes('accountNumber');
  const needsDate = question.missing.includes('invoiceDate');
  const currency = question.currency ?? '';
  const needsRate = question.missing.includes('exchangeRate') && currency !== '';
  const rateRead = exchangeRateFromText(rate, currency);
  // Said once the field is left, or as soon as no more typing can make the text a rate (`1,0842`):
  // never "cannot be 0" while `0.92` is being typed. Announced (an alert) when it appears.
  const rateProblem =
    needsRate && !rateRead.ok && (rateTouched || !PARTIAL_RATE.test(rate))
      ? (rateRead.errors[0]?.message ?? '')
      : '';
  const ready =
    (!needsAccount || accountNumber.trim() !== '') &&
    (!needsDate || isIsoDate(invoiceDate)) &&
    (!needsRate || rateRead.ok);

  return (
    <section className="panel import-panel" aria-labelledby="import-title">
      <h2 id="import-title" {...STEP_FOCUS}>
        {question.fileName} does not say{' '}
        {needsDate
          ? 'which invoice it is'
          : needsAccount
            ? `which account it is billed to${needsRate ? `, and its amounts are in ${currency}` : ''}`
            : `what its ${currency} amounts are in US dollars`}
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
      {needsRate && (
        <>
          <label htmlFor={rateId}>US dollars per 1 {currency}</label>
          <input
            id={rateId}
            inputMode="decimal"
            value={rate}
            onChange={(e) => setRate(e.target.value)}
            onBlur={() => setRateTouched(true)}
            aria-required="true"
            aria-invalid={rateProblem !== ''}
            {...(rateProblem === '' ? {} : { 'aria-describedby': `${rateId}-problem` })}
          />
          {rateProblem !== '' && (
            <p id={`${rateId}-problem`} className="field-error" role="alert">
              {rateProblem}
            </p>
          )}
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
                ...(needsRate ? { exchangeRates: { [currency]: rate.trim() } } : {}),
              },
            },
          })
        }
      />
    </section>
  );
}
