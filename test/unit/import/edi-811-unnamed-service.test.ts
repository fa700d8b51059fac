/**
 * An 811 service level (HL03 as the other services' levels) that names no service (no SI or
 * REF*CN): its charges are the account's, and that is said in the reading's notes, never passed
 * over (before, $63.59 of a line's charges left the line without a word).
 */
import { describe, expect, it } from 'vitest';
import { interchange, lumenInvoice, x12File } from '../../helpers/x12';
import type { Segment } from '../../helpers/x12';
import { readDraft } from './fixtures';

const NAMED: Segment[] = [
  ['IT1', '1', '1', 'MO', '850.00', '', 'SV', 'MRC'],
  ['PID', 'F', '', '', '', 'Ethernet 100M port'],
];

describe('an 811 service level naming no service', () => {
  it('reads its charges as the account’s and says so, naming the level and the money', () => {
    const charges: Segment[] = [
      ...NAMED,
      ['HL', '3', '1', '8'],
      ['IT1', '1', '1', 'MO', '45.00', '', 'SV', 'MRC'],
      ['PID', 'F', '', '', '', 'Business line'],
      ['TXI', 'CT', '2.10'],
    ];
    const draft = readDraft([
      x12File('lumen.811', interchange([lumenInvoice({ charges, total: '89710' })])),
    ]);
    expect(draft.errors).toEqual([]);
    expect(draft.lines.filter((line) => line.serviceIdRaw === '').map((l) => l.amount)).toEqual([
      45_00, 2_10,
    ]);
    expect(draft.warnings?.map((warning) => warning.message)).toEqual([
      expect.stringMatching(
        /^The level HL 3 \(segment \d+\) is a service level like the others \(HL03 "8"\) but names no service \(no SI or REF\*CN\): its 2 charges, \$47\.10, are read as the account's, so they cannot be matched to the inventory\.$/,
      ),
    ]);
  });

  it('says nothing of a level of another kind holding account charges', () => {
    const charges: Segment[] = [
      ...NAMED,
      ['HL', '3', '1', '9'],
      ['SAC', 'C', '', '', '', '1240', '', '', '', '', '', '', '', '', '', 'Federal USF'],
    ];
    const draft = readDraft([
      x12File('lumen.811', interchange([lumenInvoice({ charges, total: '86240' })])),
    ]);
    expect(draft.warnings ?? []).toEqual([]);
  });
});
