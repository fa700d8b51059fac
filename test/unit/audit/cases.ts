import { expect } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import type { AuditSnapshot } from '../../../shared/audit/snapshot';

/** One table row of the rule tests. */
export interface Case {
  name: string;
  rule: string;
  snapshot: AuditSnapshot;
  /** Expected findings (id, impact, message); empty when the rule must stay quiet. */
  expected: { id: string; impact: number; message: string }[];
}

/** Runs only `rule` over the case's snapshot and compares id, impact and message of every finding. */
export function checkCase({ rule, snapshot, expected }: Case): void {
  const only = ALL_RULES.filter((candidate) => candidate.id === rule);
  expect(only).toHaveLength(1);
  const { findings } = runAudit(snapshot, only);
  expect(
    findings.map((finding) => ({
      id: finding.id,
      impact: finding.impact,
      message: finding.message,
    })),
  ).toEqual(expected);
}
