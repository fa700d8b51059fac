/**
 * The payment file in the database: its saved layouts, the invoices and allocation it reads (with
 * the chargeback's settings: account policies, GL mapping, split rules), and the "already
 * exported" marks that keep an invoice from being paid twice.
 */
import { addMonths, endOfMonth, startOfMonth, type IsoDate } from '../../shared/dates';
import {
  BUILT_IN_PAYMENT_PRESETS,
  buildPaymentFile,
  invoicesToPay,
  STANDARD_PAYMENT_PRESET,
  type PaymentFile,
  type PaymentPreset,
  type PaymentSelection,
} from '../../shared/export/payment-file';
import type { Invoice } from '../../shared/model';
import { loadAllocationSetup } from './chargeback';
import { chargeBlocksOf } from './charges';
import type { TemDeskDatabase } from './database';

/** Settings keys of the payment file (stored in the `settings` table). */
export const PAYMENT_KEYS = {
  presets: 'payments:presets',
  presetId: 'payments:presetId',
} as const;

/** The payment file layouts: the built-in ones, then the user's. */
export async function loadPaymentPresets(db: TemDeskDatabase): Promise<{
  presets: PaymentPreset[];
  chosenId: string;
}> {
  const [stored, chosen] = await db.settings.bulkGet([PAYMENT_KEYS.presets, PAYMENT_KEYS.presetId]);
  const own = Array.isArray(stored?.value) ? (stored.value as PaymentPreset[]) : [];
  const presets = [...BUILT_IN_PAYMENT_PRESETS, ...own];
  const id = typeof chosen?.value === 'string' ? chosen.value : STANDARD_PAYMENT_PRESET.id;
  return { presets, chosenId: presets.some((p) => p.id === id) ? id : STANDARD_PAYMENT_PRESET.id };
}

/** Saves a user layout (a built-in id is saved as a new copy) and makes it the chosen one. */
export async function savePaymentPreset(db: TemDeskDatabase, preset: PaymentPreset): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const record = await db.settings.get(PAYMENT_KEYS.presets);
    const own = Array.isArray(record?.value) ? (record.value as PaymentPreset[]) : [];
    const next = own.some((p) => p.id === preset.id)
      ? own.map((p) => (p.id === preset.id ? preset : p))
      : [...own, preset];
    await db.settings.put({ key: PAYMENT_KEYS.presets, value: next });
    await db.settings.put({ key: PAYMENT_KEYS.presetId, value: preset.id });
  });
}

export async function choosePaymentPreset(db: TemDeskDatabase, id: string): Promise<void> {
  await db.settings.put({ key: PAYMENT_KEYS.presetId, value: id });
}

/** Marks invoices as written to payment file `batch`; returns how to unmark them. */
export async function markExportedForPayment(
  db: TemDeskDatabase,
  ids: readonly string[],
  batch: string,
  now: Date,
): Promise<() => Promise<void>> {
  return db.transaction('rw', db.invoices, async () => {
    const found = (await db.invoices.bulkGet([...ids])).filter(
      (invoice): invoice is Invoice => invoice !== undefined,
    );
    await db.invoices.bulkPut(
      found.map((invoice) => ({
        ...invoice,
        exportedForPaymentAt: now.toISOString(),
        paymentBatch: batch,
      })),
    );
    return async () => {
      await db.invoices.bulkPut(found);
    };
  });
}

/** Default payment date range: from the start of last month (overdue bills) to the end of this one. */
export function defaultPaymentRange(today: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: startOfMonth(addMonths(today, -1)), to: endOfMonth(today) };
}

/**
 * The payment file of the approved invoices due in the range, written in `preset`'s layout; the
 * caller marks the invoices exported once the file is saved ({@link markExportedForPayment}).
 */
export async function paymentFileOf(
  db: TemDeskDatabase,
  selection: PaymentSelection,
  preset: PaymentPreset,
  format: 'csv' | 'xlsx',
  batch: string,
): Promise<PaymentFile> {
  const invoices = invoicesToPay(await db.invoices.toArray(), selection);
  const [blocks, setup] = await Promise.all([
    Promise.all(invoices.map((invoice) => chargeBlocksOf(db, invoice.id))).then((b) => b.flat()),
    loadAllocationSetup(db),
  ]);
  return buildPaymentFile({
    ...selection,
    invoices,
    // Mark-up is a chargeback matter: AP pays the carrier's amount.
    allocation: { ...setup, blocks, markups: {} },
    names: { carriers: setup.carriers, costCenters: setup.costCenters },
    preset,
    format,
    batch,
  });
}
