/**
 * A rule that stopped with an error: the run goes on without it, and the user is told which check
 * did not run and why, so a missing finding is never mistaken for a clean bill.
 */
import type { AuditRule } from './rule';

/** One check that could not run in an audit run. */
export interface RuleFailure {
  ruleId: string;
  /** The rule's title, as the rules screen shows it (e.g. `Invoice missing`). */
  ruleTitle: string;
  /** A short reason: the first line of the error, at most {@link MAX_REASON_LENGTH} characters. */
  reason: string;
}

/** Longest reason kept: enough to recognise the problem, short enough for one line of a notice. */
export const MAX_REASON_LENGTH = 160;

/** The failure of `rule` from what it threw. */
export function ruleFailure(rule: Pick<AuditRule, 'id' | 'title'>, error: unknown): RuleFailure {
  const text = error instanceof Error ? error.message : String(error);
  const firstLine = (text.split('\n')[0] ?? '').trim() || 'it stopped with an unknown error';
  const reason =
    firstLine.length > MAX_REASON_LENGTH
      ? `${firstLine.slice(0, MAX_REASON_LENGTH - 1)}…`
      : firstLine;
  return { ruleId: rule.id, ruleTitle: rule.title, reason };
}

/**
 * One sentence for the Findings page and the CLI summary, e.g. `1 check could not run: Invoice
 * missing — <reason>. Its earlier findings are kept as they were. The other checks ran.`;
 * '' when every check ran.
 */
export function ruleFailureNotice(failures: readonly RuleFailure[]): string {
  if (failures.length === 0) return '';
  const which = failures
    .map((failure) => `${failure.ruleTitle} — ${withoutFinalStop(failure.reason)}`)
    .join('; ');
  const count = failures.length === 1 ? '1 check' : `${failures.length} checks`;
  const earlier = failures.length === 1 ? 'Its earlier findings are' : 'Their earlier findings are';
  return `${count} could not run: ${which}. ${earlier} kept as they were. The other checks ran.`;
}

function withoutFinalStop(text: string): string {
  return text.replace(/[.\s]+$/, '');
}
