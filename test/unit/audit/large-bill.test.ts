/**
 * A bill of more lines than a function call takes arguments (about 120,000 in V8): every check
 * still runs on it, in time. `out-of-contract` appended a bill's claimed lines with
 * `push(...lines)`, which overflowed the call stack past that many (the check was reported as not
 * run), and looked up each claimed line's block by searching every block of the invoice.
 */
import { describe, expect, it } from 'vitest';
import { pushAll, keepOnly } from '../../../shared/arrays';
import { isoDate } from '../../../shared/dates';
import { ALL_RULES } from '../../../shared/audit/rules';
import { runAudit } from '../../../shared/audit/run';
import { blockAt, packChargeLines } from '../../../shared/storage/charge-blocks';
import { billed, line, makeContract, makeInvoice, makeService, snapshotOf } from './helpers';

/** More lines than one call can take as spread arguments. */
const LINES = 150_000;

describe('a bill of 150,000 charge lines', () => {
  it('is checked for billing after the contract ended, every line claimed', () => {
    const invoice = makeInvoice({ month: '2026-10', invoiceNumber: 'BIG-1' });
    const lines = Array.from({ length: LINES }, (_, i) =>
      line('recurring', 1, { description: `Port ${i}`, sourceRow: i + 2 }),
    );
    const run = runAudit(
      snapshotOf({
        bills: [billed(invoice, lines)],
        contracts: [makeContract({ endDate: isoDate(2026, 6, 30), status: 'expired' })],
        services: [makeService()],
      }),
      ALL_RULES.filter((rule) => rule.id === 'out-of-contract'),
    );
    expect(run.failedRules).toEqual([]);
    const [finding] = run.findings;
    // $1,500.00 billed in one-cent lines against the card's $45.00: $1,455.00 over.
    expect(finding?.ruleId).toBe('out-of-contract');
    expect(finding?.impact).toBe(LINES - 45_00);
    expect(finding?.message).toContain('billed $1,455.00 above');
    // Claims are quadruples (invoice, block, row, cents): the cents add up to the impact.
    const claimed = (finding?.evidence?.claims?.lines ?? []).filter((_, i) => i % 4 === 3);
    expect(claimed.reduce((sum, claim) => sum + claim, 0)).toBe(LINES - 45_00);
  });
});

describe('appending and keeping in place, past the arguments one call takes', () => {
  const many = Array.from({ length: 300_000 }, (_, i) => i);

  it('appends every item, in order', () => {
    const target = [-1];
    expect(pushAll(target, many)).toBe(target);
    expect(target).toHaveLength(many.length + 1);
    expect(target[1]).toBe(0);
    expect(target.at(-1)).toBe(many.length - 1);
    expect(pushAll([0], new Set([1, 2]).values())).toEqual([0, 1, 2]);
  });

  it('keeps the accepted items, in order, in the array itself', () => {
    const target = [...many];
    expect(keepOnly(target, (n) => n % 3 === 0)).toBe(target);
    expect(target).toHaveLength(many.length / 3);
    expect(target.slice(0, 3)).toEqual([0, 3, 6]);
    expect(keepOnly([1, 2, 3], () => false)).toEqual([]);
  });
});

describe('a charge reference’s block', () => {
  const blocks = packChargeLines('inv', [line('recurring', 1), line('usage', 2)], 1);

  it('is the block at its own position', () => {
    expect(blockAt(blocks, 1)).toBe(blocks[1]);
    expect(blockAt(blocks, 2)).toBeUndefined();
  });

  it('is found by its index when the blocks are not in order', () => {
    const shuffled = [blocks[1], blocks[0]].filter((block) => block !== undefined);
    expect(blockAt(shuffled, 0)).toBe(blocks[0]);
    expect(blockAt(shuffled, 1)).toBe(blocks[1]);
  });
});
