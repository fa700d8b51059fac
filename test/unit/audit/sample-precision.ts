/**
 * A whole audit of a sample company, read against its planted list: the planted errors the
 * checks miss (or find with another impact or month) and the findings no planted error explains.
 */
import { ALL_RULES } from '../../../shared/audit/rules';
import { runAudit } from '../../../shared/audit/run';
import type { IsoDate } from '../../../shared/dates';
import type { SampleCompany } from '../../fixtures/generate/sample-company';
import { findingsOfPlanted } from './planted';
import { sampleSnapshot } from './sample-snapshot';

export interface Precision {
  /** Planted errors not found exactly once with their impact (and month), as one line each. */
  missed: string[];
  /** Findings no planted error explains, as one line each. */
  unplanted: string[];
}

export function precisionOf(company: SampleCompany, today: IsoDate): Precision {
  const result = runAudit(sampleSnapshot(company, today));
  const implemented = new Set(ALL_RULES.map((rule) => rule.id));
  const explained = new Set<string>();
  const missed: string[] = [];
  for (const error of company.plantedErrors) {
    // The re-sent invoice is refused at import: the stored data holds no copy to flag.
    if (!implemented.has(error.ruleId) || error.ruleId === 'duplicate-invoice') continue;
    const found = findingsOfPlanted(error, result.findings);
    for (const finding of found) explained.add(finding.id);
    const [finding] = found;
    // renewal-due is dated by its notice deadline; the planted entry by the last billed month.
    const sameMonth = error.ruleId === 'renewal-due' || finding?.subject.period === error.month;
    if (found.length !== 1 || finding?.impact !== error.impactCents || !sameMonth)
      missed.push(
        `${error.ruleId} ${error.month} planted ${error.impactCents}, found ${found.map((f) => `${f.impact} ${f.subject.period ?? ''}`).join('; ') || 'nothing'}: ${error.description}`,
      );
  }
  const unplanted = result.findings
    .filter((finding) => !explained.has(finding.id))
    .map((finding) => `${finding.ruleId} ${finding.subject.period ?? ''}: ${finding.message}`);
  return { missed, unplanted };
}
