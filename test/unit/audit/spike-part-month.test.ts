/**
 * A bill that charges a service for part of its month — a circuit installed on March 15 billed
 * $438.71 for its 17 days on a bill stating the whole of March — is no level for a bill that
 * charges the service a whole month: April at the $800 rate is no spike. The inventory's install
 * date, the line's own period or, without either, the amounts (first billed, then more) say so.
 */
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { isoDate, type IsoDate } from '../../../shared/dates';
import type { Invoice, Service } from '../../../shared/model';
import type { PackableLine } from '../../../shared/storage/charge-blocks';
import { billed, line, makeInvoice, makeService, snapshotOf } from './helpers';

const rules = ALL_RULES.filter((rule) => rule.id === 'spike');
const CIRCUIT = { serviceIdRaw: '555-010-0002', description: 'MRC' };
const OTHER = { serviceIdRaw: '555-010-0001', description: 'MRC' };
const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'];

/** A circuit installed on `installed` (no date: undefined), on the inventory. */
function circuit(installed: IsoDate | undefined): Service {
  const service = makeService({
    id: 'svc-2',
    type: 'circuit',
    serviceIdRaw: CIRCUIT.serviceIdRaw,
    serviceKey: '+15550100002',
  });
  if (installed === undefined) delete service.activatedOn;
  else service.activatedOn = installed;
  return service;
}

/** The bills of `MONTHS.slice(from)`, each stating its whole month, with `linesOf(month)`. */
function bills(
  from: number,
  linesOf: (month: string) => PackableLine[],
  invoice?: Partial<Invoice>,
) {
  return MONTHS.slice(from).map((month) =>
    billed(makeInvoice({ month, ...invoice }), linesOf(month)),
  );
}

function spikes(parts: Parameters<typeof snapshotOf>[0]) {
  return runAudit(snapshotOf({ today: isoDate(2026, 5, 20), ...parts }), rules).findings.map(
    (f) => [f.subject.invoiceNumber, f.impact, f.message],
  );
}

/** The circuit's $438.71 for March 15–31, then $800 a month. */
const prorated = (month: string, own: Partial<PackableLine> = {}) =>
  month === '2026-03'
    ? line('recurring', 438_71, { ...CIRCUIT, description: 'MRC prorated 03/15-03/31', ...own })
    : line('recurring', 800_00, CIRCUIT);

describe('a first bill of part of a month is no level for the whole months after it', () => {
  it('installed on March 15 by the inventory, though the bill states the whole of March: April is no spike', () => {
    const found = spikes({
      bills: bills(2, (month) => [prorated(month)]),
      services: [circuit(isoDate(2026, 3, 15))],
    });
    expect(found).toEqual([]);
  });

  it('a bill stating March 15–31 itself still never joins the average', () => {
    const found = spikes({
      bills: [
        billed(
          makeInvoice({
            month: '2026-03',
            periodStart: isoDate(2026, 3, 15),
            periodEnd: isoDate(2026, 3, 31),
          }),
          [prorated('2026-03')],
        ),
        ...bills(3, (month) => [prorated(month)]),
      ],
      services: [circuit(isoDate(2026, 3, 15))],
    });
    expect(found).toEqual([]);
  });

  it('the line stating its own period March 15–31 says so', () => {
    const found = spikes({
      bills: bills(2, (month) =>
        month === '2026-03'
          ? [
              prorated(month, {
                periodStart: isoDate(2026, 3, 15),
                periodEnd: isoDate(2026, 3, 31),
              }),
            ]
          : [prorated(month)],
      ),
      services: [circuit(isoDate(2024, 1, 1))],
    });
    expect(found).toEqual([]);
  });

  it('with no install date, a service first billed and charged more the next month was billed in part', () => {
    const found = spikes({
      bills: bills(2, (month) => [prorated(month)]),
      services: [circuit(undefined)],
    });
    expect(found).toEqual([]);
  });

  it('an install date before the bill says the service was billed whole: a jump from $438.71 to $800 stays a spike', () => {
    const found = spikes({
      bills: bills(2, (month) => [prorated(month)]),
      services: [circuit(isoDate(2024, 1, 1))],
    });
    expect(found.map(([invoice, impact]) => [invoice, impact])).toEqual([['N-2026-04', 361_29]]);
  });
});

describe('on an account billed before the install', () => {
  it('the step up is reported once, on the part month, not again on the first whole month', () => {
    const found = spikes({
      bills: bills(0, (month) =>
        month < '2026-03'
          ? [line('recurring', 1000_00, OTHER)]
          : [line('recurring', 1000_00, OTHER), prorated(month)],
      ),
      services: [makeService(), circuit(isoDate(2026, 3, 15))],
    });
    expect(found.map(([invoice]) => invoice)).toEqual(['N-2026-03']);
  });

  it('a first whole month above the part month’s price a day is a new spike', () => {
    // March's 17 days at $438.71 make $800.00 a month; April charges the circuit $2,000.00.
    const found = spikes({
      bills: bills(0, (month) =>
        month < '2026-03'
          ? [line('recurring', 1000_00, OTHER)]
          : [
              line('recurring', 1000_00, OTHER),
              month === '2026-04' ? line('recurring', 2000_00, CIRCUIT) : prorated(month),
            ],
      ),
      services: [makeService(), circuit(isoDate(2026, 3, 15))],
    });
    expect(found.map(([invoice]) => invoice)).toEqual(['N-2026-03', 'N-2026-04']);
  });

  it('a part month left out of a spike’s average is named in its message', () => {
    const found = spikes({
      bills: bills(0, (month) =>
        month < '2026-03'
          ? [line('recurring', 5000_00, OTHER)]
          : [line('recurring', 5000_00, OTHER), prorated(month)],
      ),
      services: [makeService(), circuit(isoDate(2026, 3, 15))],
    });
    expect(found).toEqual([
      [
        'N-2026-04',
        800_00,
        'Invoice N-2026-04 totals $5,800.00, $800.00 above the average of $5,000.00 over the previous 2 invoices (leaving out invoice N-2026-03, which billed 555-010-0002 for part of its month).',
      ],
    ]);
  });

  it('a part month short by no more than the minimum amount stays in the average', () => {
    // A $45 line started on February 15 ($20.00 for its part month): it cannot make a spike.
    const found = spikes({
      bills: bills(0, (month) => [
        line('recurring', month === '2026-04' ? 1300_00 : 1000_00, OTHER),
        ...(month === '2026-01'
          ? []
          : [line('recurring', month === '2026-02' ? 20_00 : 45_00, CIRCUIT)]),
      ]),
      services: [makeService(), circuit(isoDate(2026, 2, 15))],
    });
    expect(found).toEqual([
      [
        'N-2026-04',
        323_33,
        'Invoice N-2026-04 totals $1,345.00, $323.33 above the average of $1,021.67 over the previous 3 invoices.',
      ],
    ]);
  });
});
