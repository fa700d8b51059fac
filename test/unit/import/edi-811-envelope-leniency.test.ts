/**
 * What real senders write around a valid interchange and is no damage: control numbers of the
 * group and the interchange written with and without their zero padding (they are numbers in
 * X12), and padding after the last segment (NULs, a DOS end-of-file mark).
 */
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Segment } from '../../helpers/x12';
import { interchange, lumenInvoice, x12Text } from '../../helpers/x12';
import { readDraft, totalOf } from './fixtures';

function draftOfText(text: string) {
  return readDraft([{ name: 'lumen.edi', bytes: strToU8(text) }]);
}

describe('EDI X12 envelopes as real senders write them', () => {
  it('reads GE02 and IEA02 written with other zero padding than GS06 and ISA13', () => {
    const segments = interchange([lumenInvoice()]).map((segment): Segment => {
      if (segment[0] === 'ISA') return [...segment.slice(0, 13), '202', ...segment.slice(14)];
      if (segment[0] === 'GS') return [...segment.slice(0, 6), '0202', ...segment.slice(7)];
      if (segment[0] === 'GE') return ['GE', '1', '202'];
      if (segment[0] === 'IEA') return ['IEA', '1', '000000202'];
      return segment;
    });
    const draft = draftOfText(x12Text(segments, { lineBreak: '\n' }));
    expect(draft.errors).toEqual([]);
    expect(totalOf(draft.lines)).toBe(891_85);
  });

  it('still reports control numbers that differ as numbers, and an SE02 written otherwise', () => {
    const segments = interchange([lumenInvoice()]).map((segment): Segment => {
      if (segment[0] === 'SE') return ['SE', segment[1] ?? '', '1'];
      if (segment[0] === 'GE') return ['GE', '1', '102'];
      return segment;
    });
    const draft = draftOfText(x12Text(segments));
    expect(draft.errors.map((e) => e.column)).toEqual(['SE02', 'GE02']);
  });

  it.each([
    ['a DOS end-of-file mark', '\r\n\r\n   \r\n\u001a'],
    ['NUL padding', '\r\n\u0000\u0000\u0000\u0000'],
  ])('ignores %s after the last segment', (_label, padding) => {
    const text = x12Text(interchange([lumenInvoice()]), { lineBreak: '\r\n' }) + padding;
    const draft = draftOfText(text);
    expect(draft.errors).toEqual([]);
    expect(draft.invoices).toHaveLength(1);
  });
});
