/**
 * The thresholds beyond the grace period that have a range: the months and days that feed date
 * arithmetic (billed-after-disconnect, nrc-unexpected, nrc-recurring) and the streaks that flag
 * every line or read every month at zero (zero-usage, underused-plan). A value outside the range
 * is refused with a sentence; a stored one is not used, so a huge value no longer stops a check.
 */
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { resolveSettings, settingProblem, type SettingSpec } from '../../../shared/audit/rule';
import { ALL_RULES } from '../../../shared/audit/rules';
import { auditSettingProblems } from '../../../shared/audit/settings';
import { isoDate } from '../../../shared/dates';
import { generateSampleCompany } from '../../fixtures/generate/sample-company';
import { sampleSnapshot } from './sample-snapshot';

function specOf(ruleId: string, key: string): SettingSpec {
  const spec = ALL_RULES.find((rule) => rule.id === ruleId)?.settings.find((s) => s.key === key);
  if (spec === undefined) throw new Error(`${ruleId} has no ${key} setting`);
  return spec;
}

const RANGES = [
  { ruleId: 'billed-after-disconnect', key: 'longMonths', min: 1, max: 24, unit: 'months' },
  { ruleId: 'nrc-unexpected', key: 'windowDays', min: 0, max: 365, unit: 'days' },
  { ruleId: 'nrc-recurring', key: 'months', min: 1, max: 36, unit: 'months' },
  { ruleId: 'zero-usage', key: 'months', min: 1, max: 24, unit: 'months' },
  { ruleId: 'underused-plan', key: 'months', min: 1, max: 24, unit: 'months' },
] as const;

describe.each(RANGES)('$ruleId $key', ({ ruleId, key, min, max, unit }) => {
  const spec = specOf(ruleId, key);

  it(`is a whole number from ${min} to ${max} ${unit}`, () => {
    expect(spec.range).toEqual({ min, max, whole: true });
  });

  it('accepts its ends and its default', () => {
    for (const value of [min, max, spec.default]) expect(settingProblem(spec, value)).toBeNull();
  });

  it.each([min - 1, max + 1, 2.5, 1_000_000_000, Number.NaN])('refuses %d', (value) => {
    expect(settingProblem(spec, value)).toBe(
      `${spec.label} must be a whole number from ${min} to ${max} ${unit}; ${String(value)} is not.`,
    );
  });

  it('a stored value outside it is not used, and is said', () => {
    const settings = { [ruleId]: { [key]: 1_000_000_000 } };
    expect(resolveSettings(settings, ruleId, [spec])).toEqual({ [key]: spec.default });
    expect(resolveSettings({ [ruleId]: { [key]: max } }, ruleId, [spec])).toEqual({ [key]: max });
    const rule = ALL_RULES.filter((candidate) => candidate.id === ruleId);
    expect(auditSettingProblems(settings, rule)).toEqual([
      `${rule[0]?.title ?? ''} (${ruleId}): ${spec.label} must be a whole number from ${min} to ${max} ${unit}; 1000000000 is not. The check uses its default, ${spec.default} ${unit}.`,
    ]);
  });
});

describe('huge stored thresholds', () => {
  it('stop no check: every check runs, with its defaults', () => {
    const company = generateSampleCompany({ months: 6, scale: 0.2 });
    const snapshot = sampleSnapshot(company, isoDate(2026, 10, 31));
    const huge = { ...snapshot.settings };
    for (const { ruleId, key } of RANGES) huge[ruleId] = { ...huge[ruleId], [key]: 1_000_000_000 };
    const withDefaults = runAudit(snapshot, ALL_RULES);
    const withHuge = runAudit({ ...snapshot, settings: huge }, ALL_RULES);
    expect(withHuge.failedRules).toEqual([]);
    expect(withHuge.findings).toEqual(withDefaults.findings);
  });
});
