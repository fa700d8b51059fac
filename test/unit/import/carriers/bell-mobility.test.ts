import { describe, expect, it } from 'vitest';
import type { BillDraft } from '../../../../shared/import/draft';
import { DTL_ALONE, DTL_WITH_MOB } from '../../../../shared/import/profiles/bell-detail';
import { readDraft, totalOf } from '../fixtures';
import { carrierFile, editedCarrierFile, AS_WRITTEN } from './carrier-fixtures';

const ACC = 'bell-acc.synthetic.csv';
const MOB = 'bell-mob.synthetic.csv';
const DTL = 'bell-dtl.synthetic.csv';
const STATED = 202_98;

function linesOf(draft: BillDraft, serviceIdRaw: string) {
  return draft.lines.filter((line) => line.serviceIdRaw === serviceIdRaw);
}

describe('Bell Mobility ACC + MOB (two header rows, ISO-8859-1, padded values)', () => {
  const draft = readDraft([carrierFile(MOB), carrierFile(ACC)], AS_WRITTEN);

  it('joins the account file and the mobile summary into one invoice', () => {
    expect(draft.profileId).toBe('bell-mobility');
    expect(draft.invoices).toEqual([
      expect.objectContaining({
        carrierName: 'Bell Mobility',
        accountNumber: '512345678',
        invoiceNumber: '512345678-20261001',
        invoiceDate: '2026-10-01',
        statedTotal: STATED,
        parts: [
          { kind: 'bell-acc', sourceFile: ACC },
          { kind: 'bell-mob', sourceFile: MOB },
        ],
      }),
    ]);
    expect(draft.errors).toEqual([]);
  });

  it('reconciles: MOB lines plus the account-level rest add up to "Cur Chg Ttl"', () => {
    expect(totalOf(draft.lines)).toBe(STATED);
    expect(draft.warnings).toBeUndefined();
  });

  it('counts HST once: its provincial breakdown (HST-ON Tel, HST-PEI Tel) is never a charge', () => {
    expect(draft.lines.some((line) => /HST-/.test(line.description))).toBe(false);
    const hst = draft.lines.filter((line) => line.description.startsWith('HST'));
    expect(totalOf(hst)).toBe(10_59);
    expect(hst.map((line) => [line.serviceIdRaw, line.amount])).toEqual([
      ['4165550101', 8_64],
      ['', 1_95],
    ]);
  });

  it("keeps each mobile line's charges, with its own totals checked, and the account-level rest", () => {
    expect(totalOf(linesOf(draft, '4165550101'))).toBe(74_39);
    expect(totalOf(linesOf(draft, '6045550102'))).toBe(78_40);
    expect(totalOf(linesOf(draft, '5145550103'))).toBe(57_49);
    expect(
      linesOf(draft, '').map((line) => [line.description, line.category, line.amount]),
    ).toEqual([
      ['Monthly charges (Monthly Chg) — account level, not on any line', 'recurring', 15_00],
      ['Other charges and credits (Other Chg) — account level, not on any line', 'credit', -25_00],
      ['GST — account level, not on any line', 'tax', 75],
      ['HST — account level, not on any line', 'tax', 1_95],
    ]);
    expect(linesOf(draft, '4165550101')[0]?.extras).toMatchObject({
      'Given Name': 'Hélène',
      Surname: 'Tremblay',
    });
  });

  it('reads MOB usage per line: m:ss minutes with roaming, texts, MB as KB', () => {
    expect(
      draft.usage.map((u) => [u.serviceIdRaw, u.month, u.minutes, u.messages, u.dataKb]),
    ).toEqual([
      ['4165550101', '2026-10', 95.5, 42, 2048.5 * 1024],
      ['6045550102', '2026-10', 22, 7, 1100 * 1024],
      ['5145550103', '2026-10', 0, 0, 0],
    ]);
    expect(draft.usage[1]).toMatchObject({ roamingMinutes: 12, roamingDataKb: 100 * 1024 });
  });

  it('skips the French header row and says so', () => {
    expect(
      draft.skipped
        .filter((row) => row.row === 2)
        .map((row) => row.sourceFile)
        .sort(),
    ).toEqual([ACC, MOB]);
  });
});

describe('Bell Mobility files alone and with call detail', () => {
  it('ACC alone: its current charges become the lines and add up to the stated total', () => {
    const draft = readDraft([carrierFile(ACC)], AS_WRITTEN);
    expect(totalOf(draft.lines)).toBe(STATED);
    expect(draft.lines.map((line) => line.description)).toEqual([
      'Monthly charges (Monthly Chg)',
      'Other charges and credits (Other Chg)',
      'Usage',
      'Long distance (Long Distan)',
      'Account discounts (Acct Disc)',
      'GST',
      'HST',
      'QST on telecommunications (QST - Telec)',
      'BC sales tax (BC PST)',
    ]);
  });

  it('MOB alone: the lines, and no stated total to check', () => {
    const draft = readDraft([carrierFile(MOB)], AS_WRITTEN);
    expect(draft.invoices[0]?.statedTotal).toBeNull();
    expect(totalOf(draft.lines)).toBe(74_39 + 78_40 + 57_49);
  });

  it('DTL with ACC: calls summed to usage per line for the invoice month', () => {
    const draft = readDraft([carrierFile(ACC), carrierFile(DTL)], AS_WRITTEN);
    expect(totalOf(draft.lines)).toBe(STATED);
    expect(
      draft.usage.map((u) => [u.serviceIdRaw, u.month, u.minutes, u.messages, u.dataKb]),
    ).toEqual([
      ['4165550101', '2026-10', 12.5 + 3.25, 1, 2048.5 * 1024],
      ['6045550102', '2026-10', 10, 0, 0],
    ]);
  });

  it('DTL with MOB: not read twice; DTL alone: nothing imported, and it says why', () => {
    const both = readDraft([carrierFile(ACC), carrierFile(MOB), carrierFile(DTL)], AS_WRITTEN);
    expect(both.usage).toHaveLength(3);
    expect(both.ignoredFiles).toEqual([{ sourceFile: DTL, reason: DTL_WITH_MOB }]);
    const alone = readDraft([carrierFile(DTL)], AS_WRITTEN);
    expect(alone.invoices).toEqual([]);
    expect(alone.ignoredFiles).toEqual([{ sourceFile: DTL, reason: DTL_ALONE }]);
  });

  it('reads an ACC whose French header was already damaged (U+FFFD), and says so', () => {
    const latin1 = String.fromCharCode(...carrierFile(ACC).bytes);
    const damaged = latin1.replace(/[\u00C0-\u00FF]/g, '\uFFFD');
    const draft = readDraft([{ name: ACC, bytes: new TextEncoder().encode(damaged) }], AS_WRITTEN);
    expect(totalOf(draft.lines)).toBe(STATED);
    expect(draft.warnings?.map((warning) => warning.message)).toEqual([
      expect.stringMatching(/already holds \d+ unreadable character/),
    ]);
  });

  it('refuses an ACC row whose parts do not add up to "Cur Chg Ttl", naming file, row and amounts', () => {
    const broken = editedCarrierFile(
      ACC,
      (text) => text.replace('     160.00,', '     161.00,'),
      true,
    );
    const draft = readDraft([broken], AS_WRITTEN);
    expect(draft.invoices).toEqual([]);
    expect(draft.errors).toEqual([expect.objectContaining({ sourceFile: ACC, row: 3 })]);
    expect(draft.errors[0]?.message).toMatch(
      /^Row 3: .* add up to \$203\.98 but "Cur Chg Ttl" says \$202\.98/,
    );
  });

  it('skips subtotal and total rows, whatever column holds their label, and lists them', () => {
    // Each file's first line row again, made a subtotal: the label in the first cell, in the
    // mobile number, or a "Total" row at the foot of the account file.
    const withRow = (text: string, row: (line: string) => string) => {
      const lines = text.split('\n');
      return [...lines.slice(0, 3), row(lines[2] ?? ''), ...lines.slice(3)].join('\n');
    };
    const mob = editedCarrierFile(
      MOB,
      (text) =>
        withRow(
          withRow(text, (line) => line.replace('4165550101', 'Total for Cost Center :')),
          (line) => line.replace('512345678  ', 'Total for Cost Center : CC-100'),
        ),
      true,
    );
    const acc = editedCarrierFile(
      ACC,
      (text) =>
        withRow(text, (line) => line.replace('512345678  ,2026/10/01', 'Total      ,          ')),
      true,
    );
    const draft = readDraft([mob, acc], AS_WRITTEN);
    expect(draft.errors).toEqual([]);
    expect(totalOf(draft.lines)).toBe(STATED);
    expect(draft.lines.filter((line) => /total/i.test(line.serviceIdRaw))).toEqual([]);
    // Row 2 of each file is its French header.
    expect(draft.skipped?.map((skip) => [skip.sourceFile, skip.row])).toEqual([
      [ACC, 2],
      [MOB, 2],
      [ACC, 4],
      [MOB, 4],
      [MOB, 5],
    ]);
  });

  it('skips a subtotal row of the call detail: the usage is the calls’ alone', () => {
    const dtl = editedCarrierFile(
      DTL,
      (text) => {
        const lines = text.split('\n');
        const subtotal = (lines[2] ?? '').replace('"4165550101"', '"Total for Cost Center :"');
        return [...lines.slice(0, 3), subtotal, ...lines.slice(3)].join('\n');
      },
      true,
    );
    const withTotal = readDraft([carrierFile(ACC), dtl], AS_WRITTEN);
    expect(withTotal.errors).toEqual([]);
    const figures = (draft: BillDraft) =>
      draft.usage.map(({ sourceRow: _row, ...record }) => record);
    expect(figures(withTotal)).toEqual(
      figures(readDraft([carrierFile(ACC), carrierFile(DTL)], AS_WRITTEN)),
    );
    expect(withTotal.skipped?.map((skip) => [skip.sourceFile, skip.row])).toContainEqual([DTL, 4]);
  });

  it('points at the cell of a MOB amount that cannot be read', () => {
    const broken = editedCarrierFile(
      MOB,
      (text) => text.replace('      40.00,', '      4O.00,'),
      true,
    );
    const draft = readDraft([broken], AS_WRITTEN);
    expect(draft.errors).toEqual([
      expect.objectContaining({
        sourceFile: MOB,
        row: 5,
        column: 'Mth Chg Ttl',
        value: '      4O.00',
      }),
    ]);
    expect(totalOf(draft.lines)).toBe(74_39 + 78_40);
  });
});
