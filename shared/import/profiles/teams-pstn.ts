/**
 * Microsoft Teams PSTN usage report (Teams admin center → Usage reports → PSTN usage, exported as
 * CSV): one row per call, `UsageId, Call ID, Conference ID, User Location, AAD ObjectId, UPN,
 * User Display Name, Caller ID, Call Type, Number Type, Domestic/International, Destination
 * Dialed, Destination Number, Start Time, End Time, Duration Seconds, Connection Fee, Charge,
 * Currency, Capability`; times in ISO 8601 UTC.
 *
 * The report is the bill of Teams calling (Calling Plans, pay-as-you-go, Communications Credits):
 * a call costs its `Charge` plus its `Connection Fee`, in fractions of a cent (`0.135`). It names
 * no billing account, so the user is asked for it (`needs-invoice-details`), never guessed. Each
 * calendar month of the calls (UTC) is an invoice of that account, numbered by it
 * (`MS-100200-20261031`), covering the month. A user's calls of one kind (`Outbound calls,
 * domestic`) make one usage charge line per month — the exact sum of its calls, rounded to the cent
 * with the invoice's other lines so that they make the exact sum of all its calls (`SubCents`) —
 * with the number of calls as its quantity: a call is not a charge of its own (two calls of
 * the same price are not a charge billed twice). Its seat is the user's UPN (the inventory's
 * Service ID of a Teams seat); the minutes of all its calls are its usage record. Files of one pick
 * join; a call met twice (the same `UsageId`) is read once. A report in another currency than US
 * dollars is converted with the rate the user gives for it (`teams-currency.ts`), never read as
 * dollars.
 */
import type { IsoDate } from '../../dates';
import type { ExchangeRate } from '../../money/exchange-rate';
import { InvoiceConversion } from '../../money/exchange-rate';
import { endOfMonth, isoMonthOf, utcDateOf } from '../../dates';
import { cents } from '../../money/cents';
import { ABSENT, CellReader } from '../cells';
import { compactDate } from '../charge-rows';
import { USAGE_REPORT_PART, type DraftInvoice } from '../draft';
import { DraftBuilder } from '../draft-builder';
import { col, presentIndexes } from './columns';
import { startAccountRow } from './rows';
import {
  convertedSum,
  currencyOfTable,
  InvoiceRates,
  lacksRate,
  rateNote,
  rateOfTable,
  unitsOfMicro,
} from './teams-currency';
import type {
  CarrierProfile,
  InvoiceDetailField,
  InvoiceDetails,
  MissingDetails,
  ProfileTable,
  TableLayout,
} from './types';
import { UsageSums } from './usage-sums';

const PROFILE_ID = 'teams-pstn-usage';
const LAYOUT_NAME = 'Microsoft Teams — PSTN usage report';
const CARRIER = 'Microsoft Teams';

const PSTN_USAGE: TableLayout = {
  kind: 'pstn-usage',
  columns: {
    // Not in Microsoft's export: a column a user may add (the billing account of the calls).
    accountNumber: { aliases: ['Account Number', 'Billing Account', 'Billing Account ID'] },
    usageId: { aliases: ['UsageId', 'Usage ID'] },
    callId: { aliases: ['Call ID'] },
    upn: { aliases: ['UPN', 'User Principal Name', 'Username'], required: true },
    displayName: { aliases: ['User Display Name', 'Display Name'] },
    callerId: { aliases: ['Caller ID', 'Caller Number'] },
    callType: { aliases: ['Call Type'], required: true },
    numberType: { aliases: ['Number Type'] },
    destinationContext: { aliases: ['Domestic/International', 'Destination Context'] },
    destinationNumber: { aliases: ['Destination Number'] },
    startTime: { aliases: ['Start Time', 'Time stamp (UTC)', 'Start Time (UTC)'], required: true },
    endTime: { aliases: ['End Time'] },
    duration: { aliases: ['Duration Seconds', 'Duration (seconds)', 'Duration'], required: true },
    connectionFee: { aliases: ['Connection Fee', 'Connection Charge'], required: true },
    charge: { aliases: ['Charge'], required: true },
    currency: { aliases: ['Currency'], required: true },
    capability: { aliases: ['Capability', 'Capabilities name', 'License Capability'] },
  },
};

/** Millionths of a cent in a cent: the unit calls are summed in, exactly. */
const MICRO = 1_000_000;

/**
 * What a call is, in words a finance reader knows, from its `Call Type` (`user_out`,
 * `conf_out_international`, `ucap_in`, `emergency_call`, Direct Routing's `dr_out`…), its
 * `Domestic/International` and its `Number Type` (`toll_free`): `Outbound calls, international`.
 */
export function teamsCallKind(callType: string, context: string, numberType: string): string {
  const type = callType.trim().toLowerCase();
  if (type.startsWith('emergency')) return 'Emergency calls';
  const who = type.startsWith('conf')
    ? 'Audio conferencing '
    : type.startsWith('ucap')
      ? 'Auto attendant and call queue '
      : '';
  const direction = /(?:^|_)in(?:_|$)/.test(type)
    ? 'inbound calls'
    : /(?:^|_)out(?:_|$)/.test(type)
      ? 'outbound calls'
      : 'calls';
  const where =
    context.trim().toLowerCase() || (type.includes('international') ? 'international' : '');
  const tollFree = /toll/i.test(numberType) ? ' (toll-free)' : '';
  const text = `${who}${direction}${where === '' ? '' : `, ${where}`}${tollFree}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One user's calls of one kind on one invoice, summed exactly. */
interface CallSum {
  invoice: DraftInvoice;
  upn: string;
  description: string;
  /** The calls' cost (charge and connection fee), in millionths of a cent. */
  micro: number;
  calls: number;
  seconds: number;
  displayName: string;
  sourceFile: string;
  firstRow: number;
  /** The currency its calls are charged in ('' when the report does not say). */
  currency: string;
  /** The rate its calls are converted to dollars at; null when they are in dollars. */
  rate: ExchangeRate | null;
}

/** The exact amount of a money cell, in millionths of a cent (0 when blank or unreadable). */
function microOf(cells: CellReader, index: number): number {
  const amount = cells.cents(index);
  if (amount === null) return 0;
  // `subCentResidue` is what rounding to the cent took from the amount.
  return amount * MICRO + cells.subCentResidue(index);
}

/** A clock-style duration (`0:07:30`, `7:30`). */
const CLOCK = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/;

/** A call's length in seconds: `450`, or written as a clock (`0:07:30`); 0 when blank. */
function secondsOf(cells: CellReader, index: number): number {
  const clock = CLOCK.exec(cells.text(index));
  if (clock === null) return cells.quantity(index) ?? 0;
  return Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
}

/** Rounds millionths of a cent to the cent, half away from zero (as an amount is read). */
function centsOfMicro(micro: number): number {
  return Math.sign(micro) * Math.round(Math.abs(micro) / MICRO);
}

/** The month's invoice of an account: dated and numbered by the month's last day. */
function monthInvoice(accountNumber: string, day: IsoDate, fileName: string) {
  const invoiceDate = endOfMonth(day);
  return {
    carrierName: CARRIER,
    accountNumber,
    invoiceNumber: `${accountNumber}-${compactDate(invoiceDate)}`,
    invoiceDate,
    periodStart: `${day.slice(0, 8)}01` as IsoDate,
    periodEnd: invoiceDate,
    statedTotal: null,
    sourceFile: fileName,
    // The report's months with calls are its invoices; missing-invoice reads the months between
    // them as covered by the report (see `reportedMonths`).
    parts: [{ kind: USAGE_REPORT_PART, sourceFile: fileName }],
  };
}

/** What one pick of PSTN usage files adds up to, across its files. */
class PstnReading {
  readonly sums = new Map<string, CallSum>();
  /** Calls read, by `UsageId`: where each was first met. */
  private readonly calls = new Map<string, { file: string; row: number }>();
  /** The currency of the pick's first call. */
  private currency = '';
  /** Each seat's minutes per invoice, across the pick's files (two exports of a month join). */
  private usage: UsageSums | undefined;
  /** The rate of each month's invoice, when the calls are in another currency. */
  private readonly rates = new InvoiceRates();

  constructor(readonly draft: DraftBuilder) {}

  read(table: ProfileTable, details: InvoiceDetails | undefined): void {
    const { draft } = this;
    const c = table.columns;
    const cells = new CellReader(table.fileName, table.header, draft);
    cells.amountIndexes = presentIndexes(c, ['connectionFee', 'charge']);
    const identifying = presentIndexes(c, ['usageId', 'callId', 'upn', 'callerId']);
    const usage = (this.usage ??= new UsageSums(draft, table.fileName));
    // A call whose `Currency` is blank is in its file's currency.
    const { currency: fileCurrency, rate } = rateOfTable(table, details);
    for (const row of table.rows) {
      const accountNumber = startAccountRow(
        table,
        row,
        draft,
        cells,
        identifying,
        details?.accountNumber ?? '',
      );
      if (accountNumber === null) continue;
      const usageId = cells.text(col(c, 'usageId'));
      const seen = usageId === '' ? undefined : this.calls.get(usageId);
      if (seen !== undefined) {
        const where = seen.file === table.fileName ? '' : ` of ${seen.file}`;
        draft.skip(
          table.fileName,
          row.line,
          `Not imported: the same call (UsageId ${usageId}) is already read from row ${seen.row}${where}.`,
        );
        continue;
      }
      const upn = cells.identifier(col(c, 'upn'));
      // The call's calendar month in UTC: a time written with its offset is moved to UTC first.
      const written = cells.date(col(c, 'startTime'), 'YMD');
      const start = written === null ? null : utcDateOf(cells.text(col(c, 'startTime')), written);
      if (start === null && !cells.failed)
        cells.reject(col(c, 'startTime'), 'the start time is blank.');
      const seconds = secondsOf(cells, col(c, 'duration'));
      if (seconds < 0) cells.reject(col(c, 'duration'), 'a call cannot last less than 0 seconds.');
      const micro = microOf(cells, col(c, 'charge')) + microOf(cells, col(c, 'connectionFee'));
      const currency = cells.text(col(c, 'currency')).toUpperCase();
      if (currency !== '' && this.currency !== '' && currency !== this.currency && !cells.failed)
        cells.reject(
          col(c, 'currency'),
          `the call is charged in ${currency}, the calls before it in ${this.currency}; an invoice holds one currency: export the calls of each currency on their own.`,
        );
      if (cells.failed || start === null) continue;
      if (currency !== '') this.currency ||= currency;

      const invoice = draft.invoice(monthInvoice(accountNumber, start, table.fileName));
      const callCurrency = currency || fileCurrency;
      if (!this.rates.admit(invoice, callCurrency, rate, table.fileName, cells, col(c, 'currency')))
        continue;
      if (usageId !== '') this.calls.set(usageId, { file: table.fileName, row: row.line });
      this.rates.add(invoice, micro);
      const description = teamsCallKind(
        cells.text(col(c, 'callType')),
        cells.text(col(c, 'destinationContext')),
        cells.text(col(c, 'numberType')),
      );
      // Calls converted and calls in dollars are never summed together.
      const key = `${invoice.key}\u0000${upn.toLowerCase()}\u0000${description}\u0000${rate?.text ?? ''}`;
      let sum = this.sums.get(key);
      if (sum === undefined) {
        sum = {
          invoice,
          upn,
          description,
          micro: 0,
          calls: 0,
          seconds: 0,
          displayName: cells.text(col(c, 'displayName')),
          sourceFile: table.fileName,
          firstRow: row.line,
          currency: callCurrency,
          rate,
        };
        this.sums.set(key, sum);
      }
      sum.micro += micro;
      sum.calls += 1;
      sum.seconds += seconds;
      const record = usage.recordOf(invoice, upn, isoMonthOf(start), seatUsage, row.line);
      if (record !== null) record.minutes = (record.minutes ?? 0) + seconds / 60;
    }
  }

  /** One charge line per user, kind of call and month, in the order first met; the seats' minutes. */
  finish(): void {
    const usage = this.usage;
    if (usage !== undefined) {
      for (const record of usage.records.values())
        record.minutes = record.minutes === null ? null : Math.round(record.minutes * 100) / 100;
      // Nothing is in the draft's usage before this reading: no seat's minutes are read twice.
      usage.finish('');
    }
    // One conversion per invoice: its lines make its exact converted sum, rounded once.
    const conversions = new Map<string, InvoiceConversion>();
    for (const sum of this.sums.values()) {
      if (sum.micro === 0) continue;
      const { rate } = sum;
      let conversion = rate === null ? undefined : conversions.get(sum.invoice.key);
      if (rate !== null && conversion === undefined) {
        conversion = new InvoiceConversion(rate);
        conversions.set(sum.invoice.key, conversion);
      }
      const converted =
        conversion === undefined ? null : convertedSum(sum.micro, sum.currency, conversion);
      const amount = converted?.amount ?? centsOfMicro(sum.micro);
      const extras: Record<string, string> = {
        Calls: String(sum.calls),
        Minutes: String(Math.round((sum.seconds / 60) * 100) / 100),
      };
      if (sum.displayName !== '') extras['User'] = sum.displayName;
      if (sum.currency !== '') extras['Currency'] = sum.currency;
      if (converted !== null) Object.assign(extras, converted.extras);
      this.draft.line(
        sum.invoice,
        { sourceFile: sum.sourceFile, sourceRow: sum.firstRow },
        sum.upn,
        sum.description,
        'usage',
        cents(amount),
        { quantity: sum.calls, extras },
      );
      // Rounded with the invoice's other lines so that they make the exact sum of its calls.
      const calls = `the sum of ${sum.calls === 1 ? 'a call' : `${sum.calls} calls`}`;
      this.draft.noteSubCent(
        converted?.residue ?? sum.micro - amount * MICRO,
        sum.sourceFile,
        sum.firstRow,
        converted === null
          ? `$${unitsOfMicro(sum.micro)}, ${calls}`
          : `${converted.words}, ${calls}`,
      );
    }
    this.rates.finish(this.draft);
  }
}

/** A seat's usage starts at zero minutes; texts and data are not in the report. */
const seatUsage = { minutes: 0, messages: null, dataKb: null };

const DETAILS_NOTE =
  'A Teams PSTN usage report names no billing account: give the account its calls are billed to (your Microsoft account, as your inventory names it). Each calendar month of calls becomes an invoice of that account, so export whole months: a month imported again is recognised as already imported.';

/** What a file lacks: the account it is billed to, the rate of a currency other than dollars. */
function missingOf(table: ProfileTable, details: InvoiceDetails | undefined): MissingDetails {
  const missing: InvoiceDetailField[] = [];
  if (col(table.columns, 'accountNumber') === ABSENT && !details?.accountNumber)
    missing.push('accountNumber');
  const need: MissingDetails = { fileName: table.fileName, missing };
  if (lacksRate(table, details)) {
    missing.push('exchangeRate');
    need.currency = currencyOfTable(table);
    const account = missing.includes('accountNumber') ? `${DETAILS_NOTE} ` : '';
    need.note = `${account}${rateNote(need.currency)}`;
  }
  return need;
}

export const teamsPstnUsage: CarrierProfile = {
  id: PROFILE_ID,
  carrierName: CARRIER,
  layoutName: LAYOUT_NAME,
  // ISO 8601 times: one reading whatever the order.
  dateOrder: 'YMD',
  layouts: [PSTN_USAGE],
  detailsNote: DETAILS_NOTE,
  missingDetails: (tables, context) =>
    tables
      .map((table) => missingOf(table, context.invoiceDetails[table.fileName]))
      .filter((need) => need.missing.length > 0),
  read(tables, context) {
    const reading = new PstnReading(new DraftBuilder());
    for (const table of tables) reading.read(table, context.invoiceDetails[table.fileName]);
    reading.finish();
    return reading.draft.finish(PROFILE_ID, LAYOUT_NAME, context.dateOrder);
  },
};
