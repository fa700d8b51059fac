import type { ChargeBlock } from '../../storage/charge-blocks';
import type { InvoiceFacts, ServiceCharges } from '../context';
import { Tallies, addRef, money, tallyDraft, tallySpan } from '../findings';
import type { AuditRule } from '../rule';

/** A line of a service group, wherever it is. */
interface Line {
  facts: InvoiceFacts;
  block: ChargeBlock;
  row: number;
  position: number;
}

/** Above this many lines a service's lines are compared through a map instead of pairwise. */
const PAIRWISE_LIMIT = 16;

/**
 * The same service, description, amount and period billed more than once — on one invoice, or on
 * invoices of the carrier covering the same period (another account). Copies of a whole invoice
 * are `duplicate-invoice`'s finding and are left out here.
 */
export const duplicateChargeRule: AuditRule = {
  id: 'duplicate-charge',
  title: 'Charge billed twice',
  description:
    'The same service + charge description + amount + period billed twice (same or different invoice or account). Impact: the extra copies.',
  severity: 'error',
  settings: [],
  check(context) {
    // Invoices of one carrier covering the same period can repeat each other's lines.
    const byPeriod = new Map<string, InvoiceFacts[]>();
    // Copies of a whole invoice are duplicate-invoice's finding: `originals` leaves them out.
    for (const facts of context.originals) {
      const key = `${facts.invoice.carrierId}|${facts.periodStart}|${facts.periodEnd}`;
      const list = byPeriod.get(key);
      if (list === undefined) byPeriod.set(key, [facts]);
      else list.push(facts);
    }
    const tallies = new Tallies();
    for (const group of byPeriod.values()) {
      const byService = new Map<string, { facts: InvoiceFacts; charges: ServiceCharges }[]>();
      for (const facts of group) {
        for (const charges of facts.services) {
          const list = byService.get(charges.serviceKey);
          if (list === undefined) byService.set(charges.serviceKey, [{ facts, charges }]);
          else list.push({ facts, charges });
        }
      }
      for (const parts of byService.values()) {
        const count = parts.reduce((sum, part) => sum + part.charges.to - part.charges.from, 0);
        if (count < 2) continue;
        const [only] = parts;
        if (parts.length === 1 && only !== undefined && count <= PAIRWISE_LIMIT) {
          // The common case, without building a line object per charge.
          const { facts, charges } = only;
          for (let i = charges.from + 1; i < charges.to; i++) {
            const position = charges.blockPositions[i] ?? 0;
            const block = facts.blocks[position];
            const row = charges.rows[i] ?? 0;
            if (block === undefined || (block.amount[row] ?? 0) === 0) continue;
            for (let j = charges.from; j < i; j++) {
              const other = facts.blocks[charges.blockPositions[j] ?? 0];
              if (
                other === undefined ||
                !sameCharge({ block, row }, { block: other, row: charges.rows[j] ?? 0 })
              )
                continue;
              const tally = tallies.on(
                facts,
                charges.serviceKey,
                charges.serviceIdRaw,
                charges.service,
              );
              tally.impact += block.amount[row] ?? 0;
              addRef(tally.refs, facts, position, row);
              break;
            }
          }
          continue;
        }
        const lines: Line[] = [];
        for (const { facts, charges } of parts) {
          for (let i = charges.from; i < charges.to; i++) {
            const position = charges.blockPositions[i] ?? 0;
            const block = facts.blocks[position];
            if (block !== undefined)
              lines.push({ facts, block, row: charges.rows[i] ?? 0, position });
          }
        }
        if (lines.length < 2) continue;
        for (const extra of extraCopies(lines)) {
          const charges = extra.facts.serviceCharges.get(extra.block.serviceKey[extra.row] ?? '');
          const tally = tallies.on(
            extra.facts,
            charges?.serviceKey ?? '',
            charges?.serviceIdRaw ?? '',
            charges?.service,
          );
          tally.impact += extra.block.amount[extra.row] ?? 0;
          addRef(tally.refs, extra.facts, extra.position, extra.row);
        }
      }
    }
    return tallies
      .list()
      .filter((tally) => tally.impact > 0)
      .map((tally) => {
        const lines = tally.refs.length;
        const message = `${tally.serviceIdRaw}: ${lines} charge line${lines === 1 ? '' : 's'} billed a second time on ${tallySpan(tally)} — ${money(tally.impact)} extra.`;
        return tallyDraft(this, tally, tally.impact, message);
      });
  },
};

/** Lines identical to an earlier line of the list (first copy kept). */
function extraCopies(lines: readonly Line[]): Line[] {
  const extras: Line[] = [];
  if (lines.length <= PAIRWISE_LIMIT) {
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i];
      if (line === undefined || (line.block.amount[line.row] ?? 0) === 0) continue;
      for (let j = 0; j < i; j++) {
        const other = lines[j];
        if (other !== undefined && sameCharge(line, other)) {
          extras.push(line);
          break;
        }
      }
    }
    return extras;
  }
  const seen = new Set<string>();
  for (const line of lines) {
    const { block, row } = line;
    if ((block.amount[row] ?? 0) === 0) continue;
    const key = `${block.description[row]}\u0000${block.amount[row]}\u0000${block.periodStart[row]}\u0000${block.periodEnd[row]}`;
    if (seen.has(key)) extras.push(line);
    else seen.add(key);
  }
  return extras;
}

function sameCharge(a: Pick<Line, 'block' | 'row'>, b: Pick<Line, 'block' | 'row'>): boolean {
  return (
    a.block.amount[a.row] === b.block.amount[b.row] &&
    a.block.description[a.row] === b.block.description[b.row] &&
    a.block.periodStart[a.row] === b.block.periodStart[b.row] &&
    a.block.periodEnd[a.row] === b.block.periodEnd[b.row]
  );
}
