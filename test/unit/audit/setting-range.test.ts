/**
 * A threshold with a range (the missing-invoice grace period, 0 to 90 whole days): a value outside
 * it is refused with a sentence naming the setting, the value and the range, and a stored one (an
 * older version's, a backup's) is not used: the rule runs with its default.
 */
import { describe, expect, it } from 'vitest';
import {
  resolveSettings,
  settingProblem,
  settingRangeText,
  type SettingSpec,
} from '../../../shared/audit/rule';
import { ALL_RULES } from '../../../shared/audit/rules';
import { auditSettingProblems } from '../../../shared/audit/settings';

function graceSpec(): SettingSpec {
  const spec = ALL_RULES.find((rule) => rule.id === 'missing-invoice')?.settings[0];
  if (spec?.key !== 'graceDays') throw new Error('missing-invoice has no graceDays setting');
  return spec;
}

describe('the missing-invoice grace period', () => {
  it('is documented as a whole number from 0 to 90 days', () => {
    expect(graceSpec().range).toEqual({ min: 0, max: 90, whole: true });
    expect(settingRangeText(graceSpec())).toBe('a whole number from 0 to 90 days');
  });

  it.each([0, 1, 10, 45, 90])('accepts %d days', (days) => {
    expect(settingProblem(graceSpec(), days)).toBeNull();
  });

  it.each([
    [91, '91'],
    [400, '400'],
    [-1, '-1'],
    [2.5, '2.5'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
  ])('refuses %d days with a sentence', (days, written) => {
    expect(settingProblem(graceSpec(), days)).toBe(
      `Days after the bill date before it counts as missing must be a whole number from 0 to 90 days; ${written} is not.`,
    );
  });

  it('a stored value outside the range is not used: the check runs with the default', () => {
    const specs = [graceSpec()];
    expect(
      resolveSettings({ 'missing-invoice': { graceDays: 400 } }, 'missing-invoice', specs),
    ).toEqual({ graceDays: 10 });
    expect(
      resolveSettings({ 'missing-invoice': { graceDays: 30 } }, 'missing-invoice', specs),
    ).toEqual({ graceDays: 30 });
  });

  it('a stored value outside the range is said, for a restored backup or the CLI', () => {
    expect(
      auditSettingProblems({
        'missing-invoice': { graceDays: 400 },
        overage: { percent: 400 },
      }),
    ).toEqual([
      'Invoice missing (missing-invoice): Days after the bill date before it counts as missing must be a whole number from 0 to 90 days; 400 is not. The check uses its default, 10 days.',
    ]);
    expect(auditSettingProblems({ 'missing-invoice': { graceDays: 90 } })).toEqual([]);
  });

  it('every range holds its default', () => {
    for (const rule of ALL_RULES) {
      for (const spec of rule.settings) {
        if (spec.range !== undefined) expect(settingProblem(spec, spec.default)).toBeNull();
      }
    }
  });
});
