import { describe, expect, it } from 'vitest';
import { isoDate } from '../../../shared/dates';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { readBills } from '../../../shared/import/read-bill';
import { generateSampleCompany } from '../../fixtures/generate/sample-company';
import { findingsOfPlanted } from './planted';
import { sampleSnapshot } from './sample-snapshot';

/**
 * The sample company's bills through the real import pipeline and the whole audit: every planted
 * error of an implemented rule is found, on the right subject, with the planted impact.
 */
describe('audit of the sample company', () => {
  const company = generateSampleCompany();
  const result = runAudit(sampleSnapshot(company, isoDate(2026, 10, 31)));
  const implemented = new Set(ALL_RULES.map((rule) => rule.id));
  const planted = company.plantedErrors.filter(
    (error) => implemented.has(error.ruleId) && error.ruleId !== 'duplicate-invoice',
  );
  const matches = (error: (typeof planted)[number]) => findingsOfPlanted(error, result.findings);

  it.each(
    planted.map((error) => ({
      ...error,
      label: `${error.ruleId} ${error.serviceId ?? error.invoiceNumber ?? error.accountNumber}`,
    })),
  )('finds $label', (error) => {
    const found = matches(error);
    expect(found, error.description).toHaveLength(1);
    expect(found[0]?.impact, error.description).toBe(error.impactCents);
    // renewal-due is dated by its notice deadline; the planted entry by the last billed month.
    if (error.ruleId !== 'renewal-due') expect(found[0]?.subject.period).toBe(error.month);
  });

  it('finds nothing that was not planted', () => {
    const explained = new Set(
      planted.flatMap((error) => matches(error).map((finding) => finding.id)),
    );
    expect(result.findings.filter((finding) => !explained.has(finding.id))).toEqual([]);
  });

  it('the re-sent duplicate invoice is refused by the importer, so the stored data has no copy to flag', () => {
    const resent = company.plantedErrors.find((error) => error.ruleId === 'duplicate-invoice');
    expect(resent).toBeDefined();
    const outcomes = readBills(
      company.files.map((file) => ({ name: file.name, bytes: file.bytes })),
    );
    const copies = outcomes.flatMap((outcome) =>
      outcome.kind === 'draft' ? (outcome.draft.copies ?? []) : [],
    );
    expect(copies.map((copy) => copy.sourceFile)).toEqual([expect.stringContaining('resent')]);
    expect(result.byRule['duplicate-invoice']?.count).toBe(0);
  });
});
