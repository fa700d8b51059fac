import { ruleFailureNotice } from '../../../shared/audit/rule-failure';
import type { AuditRunSummary } from '../../db/findings';
import { useAuditRunState } from './auditRunner';

/**
 * Says which checks could not run in the last run (a rule that stopped with an error): without
 * it, a check that found nothing would look like a clean bill.
 */
export function RuleFailuresNotice({ stored }: { stored: AuditRunSummary | undefined }) {
  const run = useAuditRunState();
  const last = run.last ?? stored;
  const notice = ruleFailureNotice(last?.failedRules ?? []);
  if (run.running || notice === '') return null;
  return (
    <p className="notice" role="alert" aria-label="Checks that could not run">
      {notice}
    </p>
  );
}
