/**
 * period-overlap pro-rates only the charges that cover days, and names those lines so money at
 * stake takes a line once when a charge billed twice claims it too.
 */
import { describe, expect, it } from 'vitest';
import { countOnce } from '../../../shared/audit/claims';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { isoDate } from '../../../shared/dates';
import type { PackableLine } from '../../../shared/storage/charge-blocks';
import { billed, line, makeInvoice, snapshotOf } from './helpers';

const DIA = { serviceIdRaw: 'DHEC.554433..WIN', description: '100M DIA' };
const MPLS = { serviceIdRaw: 'BBEC.556677..LUMN', description: 'MPLS 200M' };
const USF = { serviceIdRaw: '', description: 'Federal USF' };

/** September's bill (Sep 1–30): two circuits and a surcharge, $2,090. */
const september = billed(
  makeInvoice({
    invoiceNumber: 'L-0901',
    invoiceDate: isoDate(2026, 9, 1),
    periodStart: isoDate(2026, 9, 1),
    periodEnd: isoDate(2026, 9, 30),
  }),
  [line('recurring', 800_00, DIA), line('recurring', 1200_00, MPLS), line('surcharge', 90_00, USF)],
);

function later(invoiceNumber: string, start: number, end: [number, number], lines: PackableLine[]) {
  return billed(
    makeInvoice({
      invoiceNumber,
      invoiceDate: isoDate(2026, 10, 5),
      periodStart: isoDate(2026, 9, start),
      periodEnd: isoDate(2026, end[0], end[1]),
    }),
    lines,
  );
}

/** October's bill L-1001 (Sep 26 – Oct 25): 5 of its 30 days are September's. */
function lateSeptember(lines: PackableLine[]) {
  return later('L-1001', 26, [10, 25], lines);
}

function audit(bills: ReturnType<typeof billed>[], ruleIds: readonly string[]) {
  const { findings } = runAudit(
    snapshotOf({ bills, services: [], today: isoDate(2026, 11, 20) }),
    ALL_RULES.filter((rule) => ruleIds.includes(rule.id)),
  );
  return {
    findings,
    net: countOnce(findings.map((f) => ({ ...f, status: 'open' as const }))).net,
  };
}

describe('period-overlap counts the charges that cover days', () => {
  it('counts only the services the earlier bill charges too: another circuit was not billed twice', () => {
    const NEW = { serviceIdRaw: 'CKT-900', description: 'New circuit' };
    const other = later('L-0902', 1, [9, 30], [line('recurring', 1250_00, NEW)]);
    const mixed = later(
      'L-0903',
      1,
      [9, 30],
      [
        line('recurring', 800_00, DIA),
        line('recurring', 400_00, NEW),
        line('surcharge', 60_00, USF),
      ],
    );
    expect(
      audit([september, other], ['period-overlap']).findings.map((f) => [f.impact, f.message]),
    ).toEqual([
      [
        0,
        'Invoice L-0902 (2026-09-01 to 2026-09-30) overlaps invoice L-0901 (2026-09-01 to 2026-09-30) by 30 days: $0.00 of its $0.00 of charges that cover days for services invoice L-0901 bills too (the other $1,250.00 of its $1,250.00 — 1 service not on invoice L-0901 — is not counted) covers days already billed.',
      ],
    ]);
    // $800.00 of the circuit billed before, and its share of the surcharge: $60 × 800 / 1,200.
    expect(audit([september, mixed], ['period-overlap']).findings.map((f) => f.impact)).toEqual([
      840_00,
    ]);
  });

  it('leaves a one-time router purchase out of the pro-rated share', () => {
    const october = lateSeptember([
      line('recurring', 800_00, DIA),
      line('recurring', 1200_00, MPLS),
      line('surcharge', 90_00, USF),
      line('equipment', 3000_00, { ...MPLS, description: 'Router purchase' }),
    ]);
    const { findings } = audit([september, october], ['period-overlap']);
    expect(findings.map((f) => [f.impact, f.message])).toEqual([
      [
        348_33,
        'Invoice L-1001 (2026-09-26 to 2026-10-25) overlaps invoice L-0901 (2026-09-01 to 2026-09-30) by 5 days: $348.33 of its $2,090.00 of charges that cover days (recurring, taxes and surcharges; the other $3,000.00 of its $5,090.00 — equipment — is not billed by the day) covers days already billed.',
      ],
    ]);
    expect(findings[0]?.evidence?.chargeRefs).toHaveLength(3);
  });

  it('names a credit left out as a credit', () => {
    const october = lateSeptember([
      line('recurring', 800_00, DIA),
      line('credit', -45_00, { ...DIA, description: 'Rate correction' }),
    ]);
    expect(audit([september, october], ['period-overlap']).findings.map((f) => f.message)).toEqual([
      'Invoice L-1001 (2026-09-26 to 2026-10-25) overlaps invoice L-0901 (2026-09-01 to 2026-09-30) by 5 days: $133.33 of its $800.00 of charges that cover days (recurring, taxes and surcharges; the other -$45.00 of its $755.00 — credits — is not billed by the day) covers days already billed.',
    ]);
  });

  it.each([
    ['a credit memo', [line('credit', -45_00, { ...DIA, description: 'Rate correction Sep' })]],
    [
      'a supplemental bill of a one-time charge',
      [line('one-time', 150_00, { ...DIA, description: 'Dispatch charge 9/18' })],
    ],
    [
      'a bill crediting a recurring charge back',
      [line('recurring', -800_00, DIA), line('tax', -12_00, USF)],
    ],
  ])('%s for the same month bills no days: no overlap', (_name, lines) => {
    expect(
      audit([september, later('L-0901X', 1, [9, 30], lines)], ['period-overlap']).findings,
    ).toEqual([]);
  });

  it('a supplemental bill reaching into next month is not what next month’s bill overlaps', () => {
    const supplement = later('L-0901S', 1, [10, 5], [line('one-time', 150_00, DIA)]);
    const october = billed(
      makeInvoice({
        invoiceNumber: 'L-1001',
        invoiceDate: isoDate(2026, 10, 1),
        periodStart: isoDate(2026, 10, 1),
        periodEnd: isoDate(2026, 10, 31),
      }),
      [line('recurring', 800_00, DIA), line('recurring', 1200_00, MPLS)],
    );
    expect(audit([september, supplement, october], ['period-overlap']).findings).toEqual([]);
  });

  it('a bill of the same month billed again counts its lines once with duplicate-charge and late-fee', () => {
    const again = later(
      'L-0901B',
      1,
      [9, 30],
      [
        line('recurring', 800_00, DIA),
        line('recurring', 1200_00, MPLS),
        line('surcharge', 90_00, USF),
        line('late-fee', 25_00, { serviceIdRaw: '', description: 'Late payment charge' }),
      ],
    );
    const { findings, net } = audit(
      [september, again],
      ['period-overlap', 'duplicate-charge', 'late-fee'],
    );
    const overlap = findings.find((f) => f.ruleId === 'period-overlap');
    expect(overlap?.impact).toBe(2090_00);
    // $2,000 of circuits billed twice, the $90 surcharge of the repeated days and the $25 fee.
    expect(net).toBe(2115_00);
  });

  it('a one-time charge on a supplementary bill of the same month is not at stake twice', () => {
    const supplement = later(
      'L-0901S',
      1,
      [9, 30],
      [line('recurring', 800_00, DIA), line('one-time', 50_00, { ...DIA, description: 'Install' })],
    );
    const { findings, net } = audit(
      [september, supplement],
      ['period-overlap', 'duplicate-charge'],
    );
    expect(findings.find((f) => f.ruleId === 'period-overlap')?.impact).toBe(800_00);
    expect(net).toBe(800_00);
  });
});
