/**
 * How many charge lines a sample company will hold, without generating it: benchmarks use this
 * to pick `months` and `scale` for a target volume (e.g. one million lines).
 */
import { serviceCounts } from './inventory';
import type { SampleOptions } from './types';

/**
 * Average charge lines (non-zero amount columns, or CSV rows) per billed service per month, measured
 * on generated data: mobile lines carry monthly, surcharge and tax amounts plus sometimes equipment
 * and usage; wireline services a recurring line plus their fees.
 */
const LINES_PER_SERVICE_MONTH = {
  verizon: 3.38,
  att: 3.45,
  tmobile: 2.4,
  lumenData: 2,
  lumenVoice: 3.9,
  comcastInternet: 2,
  pots: 3.3,
  ringcentral: 4,
} as const;

/** Share of inventory services billed in an average month (some are added or disconnected mid-window). */
const BILLED_SHARE = 0.975;

/** Estimated charge lines of `generateSampleCompany(options)`, within a few percent. */
export function estimateChargeLines(options: SampleOptions = {}): number {
  const months = options.months ?? 12;
  const c = serviceCounts(options.scale ?? 1);
  const perMonth =
    (c.verizonMain + c.verizonField) * LINES_PER_SERVICE_MONTH.verizon +
    c.att * LINES_PER_SERVICE_MONTH.att +
    c.tmobile * LINES_PER_SERVICE_MONTH.tmobile +
    (c.mpls + c.dia + c.privateLine) * LINES_PER_SERVICE_MONTH.lumenData +
    (c.pri + c.sip + c.tollFree) * LINES_PER_SERVICE_MONTH.lumenVoice +
    c.comcastInternet * LINES_PER_SERVICE_MONTH.comcastInternet +
    c.pots * LINES_PER_SERVICE_MONTH.pots +
    c.ringcentral * LINES_PER_SERVICE_MONTH.ringcentral;
  // Account-level rows (credits, discounts, invoice-level taxes): about ten a month.
  return Math.round((perMonth * BILLED_SHARE + 10) * months);
}
