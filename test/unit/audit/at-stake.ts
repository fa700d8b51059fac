/**
 * What a run found, as the tests of money counted once compare it: each finding's rule and
 * impact, and the money at stake of them all (open), each dollar once.
 */
import { countOnce } from '../../../shared/audit/claims';
import type { FindingDraft } from '../../../shared/audit/rule';

export function foundAndNet(findings: readonly FindingDraft[]): {
  found: (string | number)[][];
  net: number;
} {
  const net = countOnce(findings.map((f) => ({ ...f, status: 'open' as const }))).net;
  return { found: findings.map((f) => [f.ruleId, f.impact]), net };
}
