/**
 * Audit thresholds at their defaults: the values the rules declare (from the audit catalogue).
 * The `AuditSettings` type lives in `shared/model`, a leaf: the rule engine (rule, context,
 * snapshot) needs it, and this module imports every rule, so defining it here makes a cycle.
 */
import type { AuditSettings } from '../model';
import { settingProblem, withUnit, type AuditRule } from './rule';
import { ALL_RULES } from './rules';

/** The settings of `rules` at their catalogue defaults. */
export function defaultSettings(rules: readonly AuditRule[]): AuditSettings {
  const settings: Record<string, Record<string, number>> = {};
  for (const rule of rules) {
    const values: Record<string, number> = {};
    for (const spec of rule.settings) values[spec.key] = spec.default;
    settings[rule.id] = values;
  }
  return settings;
}

/** Every rule's thresholds at their defaults. */
export const DEFAULT_AUDIT_SETTINGS: AuditSettings = defaultSettings(ALL_RULES);

/**
 * The stored thresholds the rules will not use, each as a sentence naming the rule, the setting,
 * the value, its range and the default used instead (for a restored backup, the CLI's
 * `--workspace`).
 */
export function auditSettingProblems(
  settings: AuditSettings,
  rules: readonly AuditRule[] = ALL_RULES,
): string[] {
  const problems: string[] = [];
  for (const rule of rules) {
    for (const spec of rule.settings) {
      const value = settings[rule.id]?.[spec.key];
      if (value === undefined) continue;
      const problem = settingProblem(spec, value);
      if (problem === null) continue;
      problems.push(
        `${rule.title} (${rule.id}): ${problem} The check uses its default, ${withUnit(spec.default, spec.unit)}.`,
      );
    }
  }
  return problems;
}
