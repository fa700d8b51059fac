/**
 * TELUS Airtime Detail: per subscriber (`C:` number), sections of calls (Phone, Roaming, Video…)
 * under a column header row, each ending with a `Total` row. Call lengths (`m:ss`) are summed
 * into one usage record per line for the invoice's month; roaming calls count as roaming minutes
 * too. Its charges are already in the invoice's current charges, so none becomes a charge line.
 */
import { isoMonthOf } from '../../dates';
import type { DraftUsage } from '../draft';
import type { DraftBuilder } from '../draft-builder';
import { headerKey } from '../table';
import { labelOf, minutesOfDuration } from './report-text';
import type { TelusReport } from './telus-invoice';
import { telusInvoice } from './telus-invoice';
import { pushAll } from '../../arrays';

const CALL_NUMBER = /^\d+$/;
const LENGTH_COLUMN = headerKey('Call Length');

export const AIRTIME_ALONE =
  'airtime detail is read with the Invoice Summary or Individual Detail report of the same invoice; import them together.';

/** Sums an Airtime Detail report's calls into usage of its invoice (read from another report). */
export function readTelusAirtime(report: TelusReport, draft: DraftBuilder): void {
  const invoice = telusInvoice(draft, report, null);
  if (invoice === null) {
    draft.ignoredFiles.push({ sourceFile: report.file.name, reason: AIRTIME_ALONE });
    return;
  }
  const records: DraftUsage[] = [];
  let record: DraftUsage | null = null;
  let section = '';
  let lengthAt = -1;
  for (const line of report.lines) {
    const label = labelOf(line);
    if (label === 'C:') {
      const number = line.cells[1] ?? '';
      const serviceKey = draft.serviceKey(number);
      record = null;
      if (serviceKey === null) {
        report.errors.add(
          line.line,
          `"C:" should be followed by the subscriber's number, but found "${number}".`,
          number,
        );
        continue;
      }
      record = {
        invoiceKey: invoice.key,
        serviceIdRaw: number,
        serviceKey,
        month: isoMonthOf(invoice.invoiceDate),
        // Airtime Detail gives call lengths only: texts and data are not known from it.
        minutes: 0,
        messages: null,
        dataKb: null,
        roamingMinutes: 0,
        sourceFile: report.file.name,
        sourceRow: line.line,
      };
      records.push(record);
    } else if (line.cells.length === 1) {
      section = label;
      lengthAt = -1;
    } else if (label === 'Call' || label === 'Date') {
      lengthAt = line.cells.findIndex((cell) => headerKey(cell) === LENGTH_COLUMN);
    } else if (/^total$/i.test(label)) {
      draft.skip(
        report.file.name,
        line.line,
        `Not imported: the "Total" row of ${section} repeats the calls above.`,
      );
    } else if (CALL_NUMBER.test(label) && record !== null && lengthAt !== -1) {
      const text = line.cells[lengthAt] ?? '';
      const minutes = minutesOfDuration(text);
      if (minutes === null) {
        report.errors.add(
          line.line,
          `the "Call Length" should be minutes and seconds like 7:00, but found "${text}".`,
          text,
        );
        continue;
      }
      record.minutes = (record.minutes ?? 0) + minutes;
      if (/roaming/i.test(section)) record.roamingMinutes = (record.roamingMinutes ?? 0) + minutes;
    }
  }
  pushAll(
    draft.usage,
    records.filter((usage) => (usage.minutes ?? 0) > 0),
  );
}
