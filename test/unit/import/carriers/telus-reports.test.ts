import { describe, expect, it } from 'vitest';
import { AIRTIME_ALONE } from '../../../../shared/import/reports/telus-airtime';
import { readBills } from '../../../../shared/import/read-bill';
import { readDraft, totalOf } from '../fixtures';
import { carrierBytes, carrierFile, editedCarrierFile, AS_WRITTEN } from './carrier-fixtures';

const SUMMARY = 'telus-invoice-summary.synthetic.txt';
const INDIVIDUAL = 'telus-individual-detail.synthetic.txt';
const AIRTIME = 'telus-airtime-detail.synthetic.txt';
const STATED = 71_92;

describe('TELUS Invoice Summary (report-style text, ISO-8859-1, CRLF)', () => {
  const draft = readDraft([carrierFile(SUMMARY)], AS_WRITTEN);

  it('reads the preamble into an invoice: client account, unique invoice number, dates, stated total', () => {
    expect(draft.profileId).toBe('telus-reports');
    expect(draft.invoices).toEqual([
      expect.objectContaining({
        carrierName: 'TELUS',
        accountNumber: '40012345',
        invoiceNumber: '900123456789',
        invoiceDate: '2026-10-06',
        dueDate: '2026-11-01',
        statedTotal: STATED,
      }),
    ]);
  });

  it('turns CURRENT CHARGES into category lines that add up to "Total Current Charges:"', () => {
    expect(
      draft.lines.map((line) => [line.sourceRow, line.description, line.category, line.amount]),
    ).toEqual([
      [14, 'Monthly Service Plan', 'recurring', 50_00],
      [16, 'Long Distance Charges', 'usage', 2_50],
      [17, 'Roaming Charges', 'usage', 20_00],
      [20, 'Value-Added Services', 'recurring', 7_00],
      [21, 'Other Charges and Credits', 'credit', -25_00],
      [22, 'Other Fees', 'surcharge', 12_00],
      [23, 'GST/HST', 'tax', 4_58],
      [24, 'Provincial Tax', 'tax', 84],
    ]);
    expect(totalOf(draft.lines)).toBe(STATED);
    expect(draft.errors).toEqual([]);
    expect(draft.warnings).toBeUndefined();
  });

  it('never adds "Total Taxes:" on top of GST/HST and Provincial Tax, nor reads the last bill as charges', () => {
    expect(draft.lines.some((line) => /total/i.test(line.description))).toBe(false);
    expect(draft.skipped.map((row) => row.row)).toEqual([29, 30, 31, 32, 33, 36, 37]);
    expect(draft.skipped[1]?.reason).toMatch(/"Payment 25-Sep-26" is a balance or payment term/);
  });

  it('is recognised by its preamble, whatever the file is called', () => {
    const outcomes = readBills(
      [{ name: 'export (3).txt', bytes: carrierBytes(SUMMARY) }],
      AS_WRITTEN,
    );
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]?.kind === 'draft' && outcomes[0].draft.invoices[0]?.statedTotal).toBe(
      STATED,
    );
  });

  it('points at the line and value of an amount that cannot be read', () => {
    const broken = readDraft(
      [editedCarrierFile(SUMMARY, (t) => t.replace('\t$2.50', '\t$2.5O'), true)],
      AS_WRITTEN,
    );
    expect(broken.errors).toEqual([
      expect.objectContaining({ sourceFile: SUMMARY, row: 16, value: '$2.5O' }),
    ]);
    expect(broken.errors[0]?.message).toMatch(
      /^Row 16: "Long Distance Charges" should be followed by an amount like \$1,234\.56/,
    );
  });

  it('says so when the tax rows do not add up to "Total Taxes:"', () => {
    const broken = readDraft(
      [editedCarrierFile(SUMMARY, (t) => t.replace('$5.42', '$5.52'), true)],
      AS_WRITTEN,
    );
    expect(broken.errors.map((error) => [error.row, error.message])).toEqual([
      [25, expect.stringMatching(/add up to \$5\.42 but "Total Taxes:" says \$5\.52/)],
    ]);
  });
});

describe('TELUS Individual Detail and Airtime Detail', () => {
  const draft = readDraft(
    [carrierFile(SUMMARY), carrierFile(INDIVIDUAL), carrierFile(AIRTIME)],
    AS_WRITTEN,
  );

  it('joins the individual detail to the summary: per-line charges plus the account-level rest', () => {
    expect(draft.invoices).toHaveLength(1);
    expect(draft.invoices[0]?.parts?.map((part) => part.kind)).toEqual([
      'telus-invoice-summary',
      'telus-individual-detail',
    ]);
    const perLine = (id: string) => totalOf(draft.lines.filter((line) => line.serviceIdRaw === id));
    expect(perLine('6045550111')).toBe(70_88);
    expect(perLine('4035550122')).toBe(12_60);
    expect(
      draft.lines
        .filter((line) => line.serviceIdRaw === '')
        .map((line) => [line.description, line.amount]),
    ).toEqual([
      ['Other Charges and Credits — account level, not on any line', -25_00],
      ['Other Fees — account level, not on any line', 12_00],
      ['Taxes — account level, not on any line', 1_44],
    ]);
    expect(totalOf(draft.lines)).toBe(STATED);
    expect(draft.warnings).toBeUndefined();
    expect(draft.errors).toEqual([]);
  });

  it('reads airtime calls as usage per line (roaming included and counted apart), not charges', () => {
    expect(draft.usage.map((u) => [u.serviceIdRaw, u.month, u.minutes, u.roamingMinutes])).toEqual([
      ['6045550111', '2026-10', 18.5, 7],
      ['4035550122', '2026-10', 13, 0],
    ]);
    expect(draft.lines.some((line) => line.sourceFile === AIRTIME)).toBe(false);
  });

  it('individual detail alone: the lines, no stated total; airtime alone: nothing, and why', () => {
    const alone = readDraft([carrierFile(INDIVIDUAL)], AS_WRITTEN);
    expect(alone.invoices[0]?.statedTotal).toBeNull();
    expect(totalOf(alone.lines)).toBe(70_88 + 12_60);
    const airtime = readDraft([carrierFile(AIRTIME)], AS_WRITTEN);
    expect(airtime.usage).toEqual([]);
    expect(airtime.ignoredFiles).toEqual([{ sourceFile: AIRTIME, reason: AIRTIME_ALONE }]);
  });

  it("refuses a subscriber whose charges do not add up to its total, keeping the others'", () => {
    const broken = readDraft(
      [
        editedCarrierFile(
          INDIVIDUAL,
          (t) => t.replace('"Total Current Charges:"\t$12.60', '"Total Current Charges:"\t$12.70'),
          true,
        ),
      ],
      AS_WRITTEN,
    );
    expect(broken.errors.map((error) => error.row)).toEqual([82]);
    expect(broken.lines.every((line) => line.serviceIdRaw === '6045550111')).toBe(true);
  });
});
