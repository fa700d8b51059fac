/**
 * The audit's state as the app stores it (the thresholds the user changed, the disputes), turned
 * into what the rules read. The app's repository and the command line's `--workspace` (a backup of
 * the app) both go through here, so both audit with the same settings and disputes.
 */
import type { AuditSettings, Dispute } from '../model';
import type { Cents } from '../money/cents';
import type { AuditDispute } from './snapshot';

/** Settings key of the user's audit thresholds (only the changed ones). */
export const AUDIT_SETTINGS_KEY = 'audit:settings';

function isNumberRecord(value: unknown): value is Record<string, number> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((v) => typeof v === 'number')
  );
}

/** The thresholds in a stored `audit:settings` value, by rule id and setting key; others ignored. */
export function auditSettingsOf(value: unknown): AuditSettings {
  if (typeof value !== 'object' || value === null) return {};
  const settings: Record<string, Record<string, number>> = {};
  for (const [ruleId, values] of Object.entries(value)) {
    if (isNumberRecord(values)) settings[ruleId] = values;
  }
  return settings;
}

/** A stored dispute as the rules read it. */
export function auditDisputeOf(dispute: Dispute & { expectedCredit?: Cents }): AuditDispute {
  return {
    id: dispute.id,
    carrierId: dispute.carrierId,
    accountNumber: dispute.accountNumber,
    ...(dispute.submittedOn === undefined ? {} : { filedOn: dispute.submittedOn }),
    expectedCredit: dispute.expectedCredit ?? dispute.claimedAmount,
    creditedAmount: dispute.creditedAmount,
    status: dispute.status,
    ...(dispute.carrierReference === undefined ? {} : { reference: dispute.carrierReference }),
  };
}
