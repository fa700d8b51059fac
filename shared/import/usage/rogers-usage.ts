/**
 * Reads Rogers usage archives (see `rogers-archive.ts`) as usage: per wireless number (`User
 * Number`) per billing cycle, Voice rows' `Seconds` become minutes, SMS rows count one message
 * each, GPRS rows' `Volume (KB)` become data; `-RM` archives (and rows whose `Roaming Indicator`
 * is 1) are roaming too. Their charges are the bill's, never read. Usage only: it joins the Rogers
 * bill of the same `BAN` (by `Invoice No.`, else the cycle end as the invoice date or period end),
 * read in the same pick (the charges breakdown report, a mapped file or a TEM Desk charges CSV) or
 * stored by an earlier import.
 */
import type { IsoDate } from '../../dates';
import { isIsoDate, isoMonthOf } from '../../dates';
import { accountNumberKey, invoiceNumberKey } from '../../ids/keys';
import { CellReader } from '../cells';
import type { BillDraft, DraftInvoice, DraftUsage } from '../draft';
import { DraftBuilder } from '../draft-builder';
import type { StoredInvoiceRef } from '../stored-usage';
import { detachStoredInvoices, seedStoredInvoices } from '../stored-usage';
import type { RogersArchive, RogersCallFile, RogersHeader } from './rogers-archive';

export const ROGERS_CARRIER = 'Rogers';
export const ROGERS_PROFILE_ID = 'rogers-usage';
export const ROGERS_LAYOUT_NAME = 'Rogers — usage archive (ALL_CALLS)';

/** The sentence for usage whose bill is neither in the pick nor stored. */
export function rogersAlone(accountNumber: string, cycleEnd: IsoDate): string {
  return `Rogers usage archives hold usage only: import the Rogers bill of account ${accountNumber} for the cycle ending ${cycleEnd} first (the portal's "Cost Centre Detail-Monthly Charges Breakdown" report, or the bill as a TEM Desk charges CSV or with a saved column mapping), then this archive.`;
}

type UsageKind = 'voice' | 'sms' | 'data';

function kindOf(type: string): UsageKind | null {
  if (/^voice/i.test(type)) return 'voice';
  if (/^(sms|text)/i.test(type)) return 'sms';
  if (/^(gprs|data)/i.test(type)) return 'data';
  return null;
}

/** Letters and digits only, lower case: how column names are compared. */
function nameKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** `MMDDYYYY` as an ISO date; null when not one. */
function compactMdy(text: string): IsoDate | null {
  const match = /^(\d{2})(\d{2})(\d{4})$/.exec(text);
  if (match === null) return null;
  const iso = `${match[3]}-${match[1]}-${match[2]}`;
  return isIsoDate(iso) ? iso : null;
}

/** The bill a row belongs to: same account, then its invoice number, else the cycle's end. */
function invoiceFor(
  draft: DraftBuilder,
  accountNumber: string,
  invoiceNumber: string,
  cycleEnd: IsoDate,
): DraftInvoice | undefined {
  let byDate: DraftInvoice | undefined;
  const account = accountNumberKey(accountNumber);
  const number = invoiceNumberKey(invoiceNumber);
  for (const invoice of draft.invoices.values()) {
    if (accountNumberKey(invoice.accountNumber) !== account) continue;
    if (number !== '' && invoiceNumberKey(invoice.invoiceNumber) === number) return invoice;
    if (invoice.invoiceDate === cycleEnd || invoice.periodEnd === cycleEnd) byDate ??= invoice;
  }
  return byDate;
}

/** One line's usage being summed (seconds kept whole until the end). */
interface Sum {
  record: DraftUsage;
  seconds: number | null;
  roamingSeconds: number;
}

class RogersSums {
  readonly sums = new Map<string, Sum>();

  constructor(private readonly draft: DraftBuilder) {}

  sumOf(invoice: DraftInvoice, number: string, cycleEnd: IsoDate, file: string, row: number) {
    const serviceKey = this.draft.serviceKey(number);
    if (serviceKey === null) return null;
    const key = `${invoice.key}\u0000${serviceKey}`;
    let sum = this.sums.get(key);
    if (sum === undefined) {
      const record: DraftUsage = {
        invoiceKey: invoice.key,
        serviceIdRaw: number,
        serviceKey,
        month: isoMonthOf(cycleEnd),
        minutes: null,
        messages: null,
        dataKb: null,
        sourceFile: file,
        sourceRow: row,
      };
      sum = { record, seconds: null, roamingSeconds: 0 };
      this.sums.set(key, sum);
    }
    return sum;
  }

  finish(): void {
    for (const { record, seconds, roamingSeconds } of this.sums.values()) {
      if (seconds !== null) record.minutes = seconds / 60;
      if (roamingSeconds > 0) record.roamingMinutes = roamingSeconds / 60;
      this.draft.usage.push(record);
    }
  }
}

/** Reads one call file's rows into the sums; returns the first "no bill" sentence. */
function readCallFile(
  file: RogersCallFile,
  header: RogersHeader,
  kind: UsageKind,
  draft: DraftBuilder,
  sums: RogersSums,
): string | null {
  const { columns } = header;
  const at = (name: string) => columns.findIndex((column) => nameKey(column) === nameKey(name));
  const c = {
    ban: at('BAN'),
    invoice: at('Invoice No.'),
    number: at('User Number'),
    date: at('Date'),
    seconds: at('Seconds'),
    volume: at('Volume (KB)'),
    roaming: at('Roaming Indicator'),
  };
  const cells = new CellReader(file.fileName, columns, draft);
  const roamingFile = /-?RM$/i.test(header.type);
  let alone: string | null = null;
  const lines = file.text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? '';
    if (text.trim() === '') continue;
    draft.rowsRead += 1;
    const fields = text.split('|');
    // Every row ends with a `|`: one empty value more than the Header names.
    if (/\|\s*$/.test(text)) fields.pop();
    cells.startRow(i + 1, fields);
    if (fields.length !== columns.length) {
      cells.rejectRow(
        `has ${fields.length} values but ${header.fileName} names ${columns.length} columns; import the ALL_CALLS file with the Header file it came with.`,
      );
      continue;
    }
    const accountNumber = cells.text(c.ban);
    if (accountNumber === '') cells.reject(c.ban, 'the BAN (account number) is blank.');
    const number = cells.text(c.number);
    if (number === '' && !cells.failed) cells.reject(c.number, 'the user number is blank.');
    const dateText = cells.text(c.date);
    if (c.date !== -1 && compactMdy(dateText) === null && !cells.failed)
      cells.reject(c.date, `expected a date like 04202023 (MMDDYYYY) but found "${dateText}".`);
    const seconds = kind === 'voice' ? cells.quantity(c.seconds) : null;
    const kb = kind === 'data' ? cells.quantity(c.volume) : null;
    if (cells.failed) continue;
    const invoice = invoiceFor(draft, accountNumber, cells.text(c.invoice), header.cycleEnd);
    if (invoice === undefined) {
      const sentence = rogersAlone(accountNumber, header.cycleEnd);
      alone ??= sentence;
      cells.rejectRow(sentence);
      continue;
    }
    const sum = sums.sumOf(invoice, number, header.cycleEnd, file.fileName, i + 1);
    if (sum === null) continue;
    const roaming = roamingFile || cells.text(c.roaming) === '1';
    const { record } = sum;
    if (kind === 'voice' && seconds !== null) {
      sum.seconds = (sum.seconds ?? 0) + seconds;
      if (roaming) sum.roamingSeconds += seconds;
    } else if (kind === 'sms') {
      record.messages = (record.messages ?? 0) + 1;
    } else if (kind === 'data' && kb !== null) {
      record.dataKb = (record.dataKb ?? 0) + Math.round(kb);
      if (roaming) record.roamingDataKb = (record.roamingDataKb ?? 0) + Math.round(kb);
    }
  }
  return alone;
}

/** Reads the Rogers archives of a pick into one usage draft for the bills `invoices` lists. */
export function readRogersUsage(
  archives: readonly RogersArchive[],
  invoices: readonly StoredInvoiceRef[],
): BillDraft {
  const draft = new DraftBuilder();
  seedStoredInvoices(draft, invoices, ROGERS_CARRIER);
  const sums = new RogersSums(draft);
  let alone: string | null = null;
  const problems: { sourceFile: string; message: string }[] = [];
  for (const archive of archives) {
    for (const bad of archive.badHeaders)
      problems.push({ sourceFile: bad.fileName, message: bad.message });
    if (archive.calls.length === 0) {
      for (const header of archive.headers)
        problems.push({
          sourceFile: header.fileName,
          message: `"${header.fileName}" names the columns of Rogers ALL_CALLS files, but the upload holds none: import the whole ZIP.`,
        });
    }
    for (const file of archive.calls) {
      const { header } = file;
      if (header === null) {
        problems.push({
          sourceFile: file.fileName,
          message: `"${file.fileName}" is a Rogers ALL_CALLS file, which has no header row: import the whole ZIP it came in, with the Header-….txt file naming its columns.`,
        });
        continue;
      }
      const kind = kindOf(header.type);
      if (kind === null) {
        problems.push({
          sourceFile: file.fileName,
          message: `"${file.fileName}" holds Rogers "${header.type}" usage, which is not read (Voice, SMS and GPRS are).`,
        });
        continue;
      }
      alone = readCallFile(file, header, kind, draft, sums) ?? alone;
    }
  }
  sums.finish();
  for (const problem of problems) draft.errors.push({ ...problem, row: 0 });
  const result = detachStoredInvoices(
    draft.finish(ROGERS_PROFILE_ID, ROGERS_LAYOUT_NAME, 'MDY'),
    alone,
  );
  if (result.usage.length === 0 && result.refusal === undefined) {
    const [firstError] = result.errors;
    result.refusal =
      problems.length > 0
        ? problems.map((problem) => problem.message).join(' ')
        : `No usage could be read from the Rogers archive${firstError === undefined ? '.' : `: ${firstError.message}`}`;
  }
  return result;
}
