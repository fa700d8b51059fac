import { useId, useState } from 'react';
import { isIsoDate, todayIso } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money/cents';
import {
  creditSentences,
  paymentBatchId,
  PaymentCurrencyError,
  paymentTotalsText,
  type PaymentPreset,
} from '../../../../shared/export/payment-file';
import { plural } from '../../../../shared/text/wording';
import { useUndo } from '../../../app/UndoContext';
import { useLiveQuery } from '../../../app/useLiveQuery';
import { useDatabase } from '../../../db/DatabaseContext';
import {
  choosePaymentPreset,
  defaultPaymentRange,
  loadPaymentPresets,
  markExportedForPayment,
  paymentFileOf,
  savePaymentPreset,
} from '../../../db/payments';
import { platform } from '../../../platform';
import { PaymentPresetEditor } from './PaymentPresetEditor';

/** The AP payment file: approved invoices due in a date range, as CSV or XLSX, in a saved layout. */
export function PaymentFilePanel() {
  const db = useDatabase();
  const { perform } = useUndo();
  const ids = useId();
  const presets = useLiveQuery(() => loadPaymentPresets(db), [db]);
  // clock: the default date range starts from today
  const [range, setRange] = useState(() => defaultPaymentRange(todayIso(new Date())));
  const [includeExported, setIncludeExported] = useState(false);
  const [editing, setEditing] = useState<PaymentPreset | null>(null);
  const [message, setMessage] = useState('');
  if (presets.status !== 'ready') return null;
  const { chosenId } = presets.value;
  const preset = presets.value.presets.find((p) => p.id === chosenId) ?? presets.value.presets[0];
  if (preset === undefined) return null;

  const exportFile = async (format: 'csv' | 'xlsx') => {
    if (!isIsoDate(range.from) || !isIsoDate(range.to) || range.from > range.to) {
      setMessage('Choose a date range: the first day on or before the last.');
      return;
    }
    const now = new Date(); // clock: the export's time stamps the batch
    const batch = paymentBatchId(now);
    let file: Awaited<ReturnType<typeof paymentFileOf>>;
    try {
      file = await paymentFileOf(db, { ...range, includeExported }, preset, format, batch);
    } catch (error) {
      if (!(error instanceof PaymentCurrencyError)) throw error;
      setMessage(`No file was written: ${error.message}`);
      return;
    }
    // A credit memo is not a payment: said, with what to do, whether or not a file is written.
    const credits = creditSentences(file.credits, formatCents)
      .map((sentence) => ` ${sentence}`)
      .join('');
    if (file.invoices.length === 0) {
      setMessage(
        file.credits.length === 0
          ? `No approved invoice is due from ${range.from} to ${range.to}${includeExported ? '' : ' that was not exported before'}.`
          : `Nothing to pay from ${range.from} to ${range.to}: no payment file was written.${credits}`,
      );
      return;
    }
    const name = `payments-${range.from}-to-${range.to}.${format}`;
    const outcome = await platform().saveFile(name, file.bytes, format);
    if (!outcome.saved) {
      setMessage('Export cancelled; no invoice was marked exported.');
      return;
    }
    const count = plural(file.invoices.length, 'invoice');
    const summary = `Payment file ${batch}: ${count}, ${paymentTotalsText(file.totals, formatCents)}`;
    await perform('payment-file', summary, () =>
      markExportedForPayment(
        db,
        file.invoices.map((i) => i.id),
        batch,
        now,
      ),
    );
    setMessage(
      `Saved ${name}: ${count}, ${paymentTotalsText(file.totals, formatCents)} (${plural(file.rowCount, 'row')}). ${file.invoices.length === 1 ? 'It is' : 'They are'} marked exported in batch ${batch}.${credits}`,
    );
  };

  return (
    <details className="panel payment-file">
      <summary>Payment file</summary>
      <p className="hint">
        The approved invoices due in the range, for the AP upload. Invoices already in a payment
        file are left out unless you include them, so nothing is paid twice. A credit memo (a total
        of zero or below) is not a payment: it is left out and named, to apply against the
        carrier&apos;s next invoice.
      </p>
      <div className="form-row">
        <span className="field">
          <label htmlFor={`${ids}-from`}>Due from</label>
          <input
            id={`${ids}-from`}
            type="date"
            value={range.from}
            onChange={(e) => setRange({ ...range, from: e.target.value as typeof range.from })}
          />
        </span>
        <span className="field">
          <label htmlFor={`${ids}-to`}>Due to</label>
          <input
            id={`${ids}-to`}
            type="date"
            value={range.to}
            onChange={(e) => setRange({ ...range, to: e.target.value as typeof range.to })}
          />
        </span>
        <label className="inline">
          <input
            type="checkbox"
            checked={includeExported}
            onChange={(e) => setIncludeExported(e.target.checked)}
          />
          Include invoices already exported
        </label>
      </div>
      <div className="form-row">
        <span className="field">
          <label htmlFor={`${ids}-layout`}>Payment file layout</label>
          <select
            id={`${ids}-layout`}
            value={preset.id}
            onChange={(e) => void choosePaymentPreset(db, e.target.value)}
          >
            {presets.value.presets.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </span>
        <button
          type="button"
          className="secondary"
          onClick={() =>
            setEditing({
              ...preset,
              id: preset.id.startsWith('payment-') ? `custom-${String(Date.now())}` : preset.id,
            })
          }
        >
          Edit layout…
        </button>
      </div>
      {editing && (
        <PaymentPresetEditor
          preset={editing}
          onCancel={() => setEditing(null)}
          onSave={(edited) => {
            void savePaymentPreset(db, edited).then(() => setEditing(null));
          }}
        />
      )}
      <div className="button-row">
        <button type="button" onClick={() => void exportFile('csv')}>
          Export payment file (CSV)
        </button>
        <button type="button" onClick={() => void exportFile('xlsx')}>
          Export payment file (XLSX)
        </button>
      </div>
      <p role="status">{message}</p>
    </details>
  );
}
