import { useState } from 'react';
import { ALL_RULES } from '../../../shared/audit/rules';
import {
  settingFromText,
  settingProblem,
  settingRangeText,
  type AuditRule,
  type SettingSpec,
  type SettingUnit,
} from '../../../shared/audit/rule';
import { cents, formatCents } from '../../../shared/money/cents';
import { plural } from '../../../shared/text/wording';
import { useDatabase } from '../../db/DatabaseContext';
import { useLiveQuery } from '../../app/useLiveQuery';
import { readAuditSettings, writeAuditSetting, type AuditRunSummary } from '../../db/findings';
import { SEVERITY_LABELS } from './rows';

const UNIT_LABELS: Record<SettingUnit, string> = {
  percent: '%',
  cents: 'cents',
  days: 'days',
  months: 'months',
  count: '',
};

function formatDefault(spec: SettingSpec): string {
  return spec.unit === 'cents'
    ? formatCents(cents(spec.default))
    : `${spec.default}${spec.unit === 'count' ? '' : ` ${UNIT_LABELS[spec.unit]}`}`;
}

/** The sentence for a stored value the checks do not use; '' when it is fine or absent. */
function storedProblem(spec: SettingSpec, value: number | undefined): string {
  const problem = value === undefined ? null : settingProblem(spec, value);
  return problem === null
    ? ''
    : `${problem} The checks use the default, ${formatDefault(spec)}, until you change it.`;
}

function SettingInput({
  rule,
  spec,
  value,
}: {
  rule: AuditRule;
  spec: SettingSpec;
  value: number | undefined;
}) {
  const db = useDatabase();
  const [text, setText] = useState(value === undefined ? '' : String(value));
  // A stored value the range refuses (an older version's, a restored backup's) is said at once.
  const [problem, setProblem] = useState(() => storedProblem(spec, value));
  const save = async () => {
    const trimmed = text.trim();
    if (trimmed === '') {
      setProblem('');
      return writeAuditSetting(db, rule.id, spec.key, undefined);
    }
    const read = settingFromText(spec, trimmed);
    if (!read.ok) return setProblem(`${read.message} Leave it blank for the default.`);
    setProblem('');
    await writeAuditSetting(db, rule.id, spec.key, read.value);
  };
  const range = settingRangeText(spec);
  return (
    <div className="rule-setting">
      <label>
        {spec.label} {UNIT_LABELS[spec.unit] && `(${UNIT_LABELS[spec.unit]})`}
        <input
          type="text"
          inputMode="decimal"
          value={text}
          placeholder={String(spec.default)}
          onChange={(e) => setText(e.target.value)}
          onBlur={() => void save()}
          aria-invalid={problem === '' ? undefined : true}
        />
      </label>
      <span className="hint">
        Default {formatDefault(spec)}; {range}
      </span>
      {problem && <span role="alert">{problem}</span>}
    </div>
  );
}

/** Every validation check with what it finds, its last result and its thresholds. */
export function RulesTab({ lastRun }: { lastRun: AuditRunSummary | undefined }) {
  const db = useDatabase();
  const settings = useLiveQuery(() => readAuditSettings(db), [db]);
  if (settings.status !== 'ready') return null;
  return (
    <section aria-labelledby="rules-title">
      <h2 id="rules-title">Rules and thresholds</h2>
      <p className="hint">
        Thresholds left blank use their default. A change re-runs the checks; what you dismissed
        stays dismissed.
      </p>
      <ul className="rule-list">
        {ALL_RULES.map((rule) => {
          const summary = lastRun?.byRule[rule.id];
          return (
            <li key={rule.id} className="panel rule-card" aria-labelledby={`rule-${rule.id}`}>
              <h3 id={`rule-${rule.id}`}>
                {rule.title} <code>{rule.id}</code>{' '}
                <span className="badge">{SEVERITY_LABELS[rule.severity]}</span>
              </h3>
              <p>{rule.description}</p>
              {summary && (
                <p className="hint">
                  Last run: {plural(summary.count, 'finding')}, {formatCents(summary.impact)}.
                </p>
              )}
              {rule.settings.map((spec) => (
                <SettingInput
                  key={spec.key}
                  rule={rule}
                  spec={spec}
                  value={settings.value[rule.id]?.[spec.key]}
                />
              ))}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
