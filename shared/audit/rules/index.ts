/**
 * Every audit rule, in the order the rules screen lists them. Adding a rule: one file in this
 * folder and one line here.
 */
import type { AuditRule } from '../rule';
import { billedAfterDisconnectRule } from './billed-after-disconnect';
import { closedSiteRule } from './closed-site';
import { creditNotAppliedRule } from './credit-not-applied';
import { duplicateChargeRule } from './duplicate-charge';
import { duplicateInvoiceRule } from './duplicate-invoice';
import { invoiceMathRule } from './invoice-math';
import { lateFeeRule } from './late-fee';
import { marcShortfallRule } from './marc-shortfall';
import { missingCostCenterRule } from './missing-cost-center';
import { missingInvoiceRule } from './missing-invoice';
import { notBilledRule } from './not-billed';
import { nrcRecurringRule } from './nrc-recurring';
import { nrcUnexpectedRule } from './nrc-unexpected';
import { outOfContractRule } from './out-of-contract';
import { overageRule } from './overage';
import { periodOverlapRule } from './period-overlap';
import { rateMismatchRule } from './rate-mismatch';
import { renewalDueRule } from './renewal-due';
import { spikeRule } from './spike';
import { taxDriftRule } from './tax-drift';
import { thirdPartyRule } from './third-party';
import { underusedPlanRule } from './underused-plan';
import { unknownServiceRule } from './unknown-service';
import { wrongAccountRule } from './wrong-account';
import { zeroUsageRule } from './zero-usage';

export const ALL_RULES: readonly AuditRule[] = [
  rateMismatchRule,
  outOfContractRule,
  billedAfterDisconnectRule,
  closedSiteRule,
  unknownServiceRule,
  notBilledRule,
  wrongAccountRule,
  missingCostCenterRule,
  duplicateInvoiceRule,
  duplicateChargeRule,
  periodOverlapRule,
  invoiceMathRule,
  lateFeeRule,
  taxDriftRule,
  nrcUnexpectedRule,
  nrcRecurringRule,
  thirdPartyRule,
  spikeRule,
  missingInvoiceRule,
  zeroUsageRule,
  overageRule,
  underusedPlanRule,
  creditNotAppliedRule,
  renewalDueRule,
  marcShortfallRule,
];

const TITLES: ReadonlyMap<string, string> = new Map(ALL_RULES.map((rule) => [rule.id, rule.title]));

/** A rule's title for the user, e.g. `Late fee`; the id itself for a rule this release lacks. */
export function ruleTitleOf(ruleId: string): string {
  return TITLES.get(ruleId) ?? ruleId;
}
