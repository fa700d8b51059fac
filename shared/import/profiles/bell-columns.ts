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
  /** What the charge is, in words (Bell's headers are abbreviations like `Mth Chg Ttl`). */
  label: string;
  category: ChargeCategory;
  bucket: string;
}

/**
 * Tax columns that are totals. `HST` is the total of the harmonized sales tax; its provinces
 * (`HST-PEI Tel`, `HST-ON Tel`, `HST-BC Tel`) are a breakdown of it, listed in
 * {@link HST_BREAKDOWN} and never added on top.
 */
export const BELL_TAXES: readonly BellCharge[] = [
  ['gst', 'GST', 'GST'],
  ['hst', 'HST', 'HST'],
  ['orst', 'ORST', 'Ontario retail sales tax'],
  ['qstTelecom', 'QST - Telec', 'QST on telecommunications'],
  ['qstOther', 'QST - Other', 'QST, other'],
  ['peiPst', 'P.E.I. PST', 'PEI sales tax'],
  ['bcPst', 'BC PST', 'BC sales tax'],
  ['saskatchewan', 'Sask', 'Saskatchewan sales tax'],
  ['manitoba', 'Manitoba', 'Manitoba sales tax'],
  ['foreignTax', 'Foreign tax', 'Foreign tax'],
].map(([field = '', header = '', label = '']) => ({
  field,
  header,
  label,
  category: 'tax',
  bucket: field,
}));

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

/** Charges from `[field, header, label, bucket]` (the bucket defaults to the field). */
function bellCharges(rows: readonly (readonly [string, string, string, string?])[]): BellCharge[] {
  return rows.map(([field, header, label, bucket = field]) => ({
    field,
    header,
    label,
    bucket,
    category: BUCKET_CATEGORY[bucket] ?? 'one-time',
  }));
}

/** ACC current charges, before taxes; with the taxes they add up to `Cur Chg Ttl`. */
export const ACC_CHARGES: readonly BellCharge[] = [
  ...bellCharges([
    ['monthly', 'Monthly Chg', 'Monthly charges'],
    ['other', 'Other Chg', 'Other charges and credits'],
    ['usage', 'Usage', 'Usage'],
    ['longDistance', 'Long Distan', 'Long distance'],
    ['adjustments', 'Acct Adj', 'Account adjustments'],
    ['discounts', 'Acct Disc', 'Account discounts'],
  ]),
  ...BELL_TAXES,
];

/** ACC's late payment charge: in the current charges only when they add up with it. */
export const ACC_LATE_FEE: BellCharge = {
  field: 'lateFee',
  header: 'Late PayChg',
  label: 'Late payment charge',
  category: 'late-fee',
  bucket: 'lateFee',
};

/** MOB charges per line, by the ACC bucket they add to; with the taxes they add up to `Ttl Charges`. */
export const MOB_CHARGES: readonly BellCharge[] = [
  ...bellCharges([
    ['adjustments', 'Adj App Ttl', 'Adjustments'],
    ['monthly', 'Mth Chg Ttl', 'Monthly charges'],
    ['features', 'Ftr Chg Ttl', 'Features', 'monthly'],
    ['airtime', 'Airtime Chg', 'Airtime', 'usage'],
    ['data', 'Data Chg', 'Data', 'usage'],
    ['roaming', 'Roamer Chg', 'Roaming', 'usage'],
    ['roamingLd', 'Roamer LD', 'Roaming long distance', 'longDistance'],
    ['longDistance', 'LD Chg', 'Long distance'],
    ['other', 'Other Chgs', 'Other charges and credits'],
    ['discounts', 'Disc Ttl', 'Discounts'],
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

/** The MOB and DTL columns that say whose a row is: a row without them is a total. */
export const BELL_LINE_IDENTIFYING = ['accountNumber', 'invoiceDate', 'mobileNumber'];
/** The MOB and DTL columns a report may write its `Total for Cost Center :` in. */
export const BELL_LINE_LABELS = ['surname', 'givenName', 'group', 'description'];

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

/** How a charge is described: its meaning, then the column as the file spells it. */
export function bellDescription(charge: BellCharge, fileHeader: string | undefined): string {
  const header = fileHeader ?? charge.header;
  return charge.label === header ? header : `${charge.label} (${header})`;
}
