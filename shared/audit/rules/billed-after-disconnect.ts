import { addMonths } from '../../dates/iso-date';
import { Tallies, addRef, forEachLine, lineStart, money, tallyDraft, tallySpan } from '../findings';
import { resolveSettings, type AuditRule, type SettingSpec } from '../rule';

const SETTINGS = [
  {
    key: 'longMonths',
    label: 'Months after the disconnect that make it a long-running case',
    unit: 'months',
    default: 3,
    // Two years of billing after a disconnect is long-running by any measure; the date stays real.
    range: { min: 1, max: 24, whole: true },
  },
] as const satisfies readonly SettingSpec[];

/** Charges for a service whose disconnect date is before the charge period. */
export const billedAfterDisconnectRule: AuditRule = {
  id: 'billed-after-disconnect',
  title: 'Billed after disconnect',
  description:
    'Charges for a service whose disconnect date is before the period they cover, bucketed as under or over 3 months after the disconnect. Impact: all such charges.',
  severity: 'error',
  settings: SETTINGS,
  check(context) {
    const settings = resolveSettings(context.settings, this.id, SETTINGS);
    const tallies = new Tallies();
    const latestStart = new Map<string, string>();
    for (const facts of context.originals) {
      for (const charges of facts.services) {
        const disconnectedOn = charges.service?.disconnectedOn;
        if (disconnectedOn === undefined) continue;
        forEachLine(facts, charges, (block, row, position) => {
          const start = lineStart(facts, block, row);
          if (start <= disconnectedOn) return;
          const tally = tallies.on(
            facts,
            charges.serviceKey,
            charges.serviceIdRaw,
            charges.service,
          );
          tally.impact += block.amount[row] ?? 0;
          addRef(tally.refs, facts, position, row);
          const key = `${facts.accountKey}|${charges.serviceKey}`;
          if (start > (latestStart.get(key) ?? '')) latestStart.set(key, start);
        });
      }
    }
    // Credits for the months after the disconnect are netted: charges refunded in full (or a
    // refund alone) leave nothing billed, never a finding of $0.00 or less.
    return tallies.list().flatMap((tally) => {
      if (tally.impact <= 0) return [];
      const disconnectedOn = tally.service?.disconnectedOn;
      const last = latestStart.get(`${tally.first.accountKey}|${tally.subjectKey}`) ?? '';
      const long =
        disconnectedOn !== undefined && last >= addMonths(disconnectedOn, settings.longMonths);
      const bucket = long
        ? `${settings.longMonths} months or more after the disconnect`
        : `less than ${settings.longMonths} months after the disconnect`;
      const message = `${tally.serviceIdRaw} was disconnected on ${disconnectedOn ?? '?'} but billed ${money(tally.impact)} on ${tallySpan(tally)}, ${bucket}.`;
      return [tallyDraft(this, tally, tally.impact, message)];
    });
  },
};
