/**
 * T-Mobile for Business: the Summary report (per line, the PDF's category totals) and the Detail
 * report (per line, each charge item) are two views of one bill. Files of both are one profile, so
 * a pick holding both is read as one draft: each invoice the detail bills is read from the detail
 * (its items, categories and usage) and the summary's rows of it are checked against those lines,
 * never added to them; the summary is kept as the invoice's `summary` part (its companion). An
 * invoice only a summary gives is read from the summary. A summary or a detail imported after the
 * other is read again with the stored original (see `renderer/db/companions.ts`), so the bill is
 * joined the same whichever came first, counted once.
 */
import { DraftBuilder } from '../draft-builder';
import { missingPerTable } from './rows';
import {
  DETAIL_LAYOUT,
  DETAIL_LAYOUT_NAME,
  DETAIL_PROFILE_ID,
  readDetailTable,
} from './tmobile-detail';
import {
  missingSummaryDetails,
  readSummaryTable,
  SUMMARY_DETAILS_NOTE,
  SUMMARY_LAYOUT,
  SUMMARY_LAYOUT_NAME,
  SUMMARY_PROFILE_ID,
} from './tmobile-summary';
import { TMOBILE_CARRIER, TmobileViews } from './tmobile-views';
import type { CarrierProfile } from './types';

export const tmobileForBusiness: CarrierProfile = {
  id: 'tmobile',
  carrierName: TMOBILE_CARRIER,
  layoutName: 'T-Mobile for Business — summary or detail',
  dateOrder: 'MDY',
  layouts: [SUMMARY_LAYOUT, DETAIL_LAYOUT],
  detailsNote: SUMMARY_DETAILS_NOTE,
  missingDetails(tables, context) {
    const summaries = tables.filter((table) => table.layout === SUMMARY_LAYOUT);
    return missingPerTable(missingSummaryDetails)(summaries, context);
  },
  read(tables, context) {
    const draft = new DraftBuilder();
    const views = new TmobileViews(draft, context.storedInvoices);
    const details = tables.filter((table) => table.layout === DETAIL_LAYOUT);
    for (const table of details) readDetailTable(table, draft);
    views.detailRead();
    for (const table of tables) {
      if (table.layout !== SUMMARY_LAYOUT) continue;
      readSummaryTable(table, context.invoiceDetails[table.fileName], draft, views);
    }
    // Settles the detail's parts (copies dropped) before its lines are compared.
    draft.checkStatedTotals();
    views.compare();
    return details.length > 0
      ? draft.finish(DETAIL_PROFILE_ID, DETAIL_LAYOUT_NAME, context.dateOrder)
      : draft.finish(SUMMARY_PROFILE_ID, SUMMARY_LAYOUT_NAME, context.dateOrder);
  },
};
