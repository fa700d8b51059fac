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
import { tmobileForBusiness } from './tmobile';
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
  tmobileForBusiness,
  verizonRawData,
};

/** The registered profiles, most specific first (ties in header fit go to the earlier one). */
export const CARRIER_PROFILES: readonly CarrierProfile[] = [
  verizonRawData,
  attPremierSummary,
  attRawData,
  bellMobility,
  rogersCharges,
  tmobileForBusiness,
  teamsPstnUsage,
  temdeskCharges,
];
