/**
 * Every carrier profile the importer knows. To add a carrier: write one file next to this one
 * exporting a `CarrierProfile`, add it here, and add its fixtures and tests.
 */
import { attPremierSummary } from './att-premier-summary';
import { attRawData } from './att-raw-data';
import { bellMobility } from './bell-mobility';
import { rogersCharges } from './rogers-charges';
import { teamsPstnUsage } from './teams-pstn';
import { temdeskCharges } from './temdesk-charges';
import { tmobileDetail } from './tmobile-detail';
import { tmobileSummary } from './tmobile-summary';
import type { CarrierProfile } from './types';
import { verizonRawData } from './verizon-raw-data';

export type * from './types';
export {
  attPremierSummary,
  attRawData,
  bellMobility,
  rogersCharges,
  teamsPstnUsage,
  temdeskCharges,
  tmobileDetail,
  tmobileSummary,
  verizonRawData,
};

/** The registered profiles, most specific first (ties in header fit go to the earlier one). */
export const CARRIER_PROFILES: readonly CarrierProfile[] = [
  verizonRawData,
  attPremierSummary,
  attRawData,
  bellMobility,
  rogersCharges,
  tmobileSummary,
  tmobileDetail,
  teamsPstnUsage,
  temdeskCharges,
];
