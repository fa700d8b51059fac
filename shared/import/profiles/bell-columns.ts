/**
 * The columns of Bell Mobility's CSV exports (ACC account file, MOB mobile summary, DTL call
 * detail): two header rows (English, then French), ISO-8859-1, values padded with spaces.
 */
import type { ChargeCategory } from '../../model';
import type { ColumnSpec, TableLayout } from './types';

/** A money column, the category it becomes and the account-summary bucket it is tallied under. */
export interface BellCharge {
  field: string;
  header: string;
  category: ChargeCategory;
  bucket: string;
}

/**
 * Tax columns that are totals. `HST` is the total of the harmonized sales tax; its provinces
 * (`HST-PEI Tel`, `HST-ON Tel`, `HST-BC Tel`) are a breakdown of it, listed in
 * {@link HST_BREAKDOWN} and never added on top.
 */
export const BELL_TAXES: readonly BellCharge[] = [
  ['gst', 'GST'],
  ['hst', 'HST'],
  ['orst', 'ORST'],
  ['qstTelecom', 'QST - Telec'],
  ['qstOther', 'QST - Other'],
  ['peiPst', 'P.E.I. PST'],
  ['bcPst', 'BC PST'],
  ['saskatchewan', 'Sask'],
  ['manitoba', 'Manitoba'],
  ['foreignTax', 'Foreign tax'],
].map(([field = '', header = '']) => ({ field, header, category: 'tax', bucket: field }));

/** The provinces of `HST`: shown on the bill, already inside `HST`. */
export const HST_BREAKDOWN = ['HST-PEI Tel', 'HST-ON Tel', 'HST-BC Tel'] as const;

/** The category of each account-summary bucket (taxes are `tax`). */
const BUCKET_CATEGORY: Readonly<Record<string, ChargeCategory>> = {
  monthly: 'recurring',
  other: 'one-time',
  usage: 'usage',
  longDistance: 'usage',
  adjustments: 'adjustment',
  discounts: 'credit',
  lateFee: 'late-fee',
};

/** Charges from `[field, header, bucket]` (the bucket defaults to the field). */
function bellCharges(rows: readonly (readonly [string, string, string?])[]): BellCharge[] {
  return rows.map(([field, header, bucket = field]) => ({
    field,
    header,
    bucket,
    category: BUCKET_CATEGORY[bucket] ?? 'one-time',
  }));
}

/** ACC current charges, before taxes; with the taxes they add up to `Cur Chg Ttl`. */
export const ACC_CHARGES: readonly BellCharge[] = [
  ...bellCharges([
    ['monthly', 'Monthly Chg'],
    ['other', 'Other Chg'],
    ['usage', 'Usage'],
    ['longDistance', 'Long Distan'],
    ['adjustments', 'Acct Adj'],
    ['discounts', 'Acct Disc'],
  ]),
  ...BELL_TAXES,
];

/** ACC's late payment charge: in the current charges only when they add up with it. */
export const ACC_LATE_FEE: BellCharge = {
  field: 'lateFee',
  header: 'Late PayChg',
  category: 'late-fee',
  bucket: 'lateFee',
};

/** MOB charges per line, by the ACC bucket they add to; with the taxes they add up to `Ttl Charges`. */
export const MOB_CHARGES: readonly BellCharge[] = [
  ...bellCharges([
    ['adjustments', 'Adj App Ttl'],
    ['monthly', 'Mth Chg Ttl'],
    ['features', 'Ftr Chg Ttl', 'monthly'],
    ['airtime', 'Airtime Chg', 'usage'],
    ['data', 'Data Chg', 'usage'],
    ['roaming', 'Roamer Chg', 'usage'],
    ['roamingLd', 'Roamer LD', 'longDistance'],
    ['longDistance', 'LD Chg'],
    ['other', 'Other Chgs'],
    ['discounts', 'Disc Ttl'],
  ]),
  ...BELL_TAXES,
];

function specs(charges: readonly BellCharge[]): Record<string, ColumnSpec> {
  return Object.fromEntries(
    charges.map(({ field, header }) => [field, { aliases: [header], required: true }]),
  );
}

const BREAKDOWN_SPECS = Object.fromEntries(
  HST_BREAKDOWN.map((header, i) => [`hstBreakdown${i}`, { aliases: [header] }]),
);

const INVOICE = {
  accountNumber: { aliases: ['Acct Nbr'], required: true },
  invoiceDate: { aliases: ['Invc Date'], required: true },
} as const;

export const BELL_ACC: TableLayout = {
  kind: 'bell-acc',
  columns: {
    ...INVOICE,
    previousBalance: { aliases: ['Prev Bal'] },
    paymentReceived: { aliases: ['Paymt Recvd'] },
    balanceOwing: { aliases: ['Bal Owing'] },
    lateFee: { aliases: [ACC_LATE_FEE.header] },
    ...specs(ACC_CHARGES),
    ...BREAKDOWN_SPECS,
    currentCharges: { aliases: ['Cur Chg Ttl'], required: true },
    amountDue: { aliases: ['Ttl Amt Due'] },
  },
};

/** MOB columns kept as line extras. */
export const MOB_EXTRA_FIELDS = ['surname', 'givenName', 'reference', 'group', 'category'];

export const BELL_MOB: TableLayout = {
  kind: 'bell-mob',
  columns: {
    ...INVOICE,
    mobileNumber: { aliases: ['Mobile Nbr'], required: true },
    surname: { aliases: ['Surname'] },
    givenName: { aliases: ['Given Name'] },
    reference: { aliases: ['Ref Nbr'] },
    group: { aliases: ['Group Subscriber'] },
    category: { aliases: ['Category'] },
    ...specs(MOB_CHARGES),
    ...BREAKDOWN_SPECS,
    totalCharges: { aliases: ['Ttl Charges'], required: true },
    airDuration: { aliases: ['Air Dur'] },
    roamingDuration: { aliases: ['Roam Dur'] },
    textMessages: { aliases: ['Txt Msg'] },
    dataMb: { aliases: ['PktDtVol'] },
    roamingDataMb: { aliases: ['Rmdatdur'] },
  },
};

export const BELL_DTL: TableLayout = {
  kind: 'bell-dtl',
  columns: {
    ...INVOICE,
    mobileNumber: { aliases: ['Mobile Nbr'], required: true },
    callSequence: { aliases: ['CallSeq'], required: true },
    date: { aliases: ['Date'] },
    duration: { aliases: ['Duration'], required: true },
    callCost: { aliases: ['Call Cost'] },
    dataMb: { aliases: ['PktDvol'] },
    description: { aliases: ['Desc'] },
    eventType: { aliases: ['Event Type'] },
  },
};
