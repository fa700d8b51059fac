/**
 * Audit thresholds: per rule, per setting key, a number. Only what the user changed needs storing;
 * everything else falls back to the defaults the rules declare (from the audit catalogue).
 */
import type { AuditRule } from './rule';
import { ALL_RULES } from './rules';

/** Rule id → setting key → value (units as the rule's {@link SettingSpec} says). */
export type AuditSettings = Readonly<Record<string, Readonly<Record<string, number>>>>;

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
