import { describe, expect, it } from 'vitest';
import {
  checkManualInvoice,
  emptyManualForm,
  manualBillDraft,
  runningDifference,
  type ManualInvoiceForm,
} from '../../../shared/billing/manual-invoice';
import { invoiceKey } from '../../../shared/ids/keys';

function form(overrides: Partial<ManualInvoiceForm> = {}): ManualInvoiceForm {
  return {
    ...emptyManualForm(),
    carrierName: 'Lumen',
    accountNumber: '5-KE4X-001',
    invoiceNumber: 'INV-2026-11',
    invoiceDate: '2026-11-01',
    dueDate: '2026-11-25',
    periodStart: '2026-11-01',
    periodEnd: '2026-11-30',
    statedTotal: '1,000.00',
    lines: [
      {
        category: 'recurring',
        serviceIdRaw: '',
        serviceKey: null,
        description: 'MRC',
        amount: '950.00',
      },
      {
        category: 'tax',
        serviceIdRaw: '',
        serviceKey: null,
        description: 'Taxes',
        amount: '$75.00',
      },
      {
        category: 'credit',
        serviceIdRaw: '',
        serviceKey: null,
        description: 'Promo',
        amount: '25.00',
      },
    ],
    ...overrides,
  };
}

const none = { storedInvoiceKeys: new Set<string>() };

describe('checkManualInvoice', () => {
  it('reads a complete form into cents and ISO dates, credits negative', () => {
    const check = checkManualInvoice(form(), none);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.value.statedTotal).toBe(100_000);
    expect(check.value.lines.map((line) => line.amount)).toEqual([95_000, 7_500, -2_500]);
    expect(check.value.dueDate).toBe('2026-11-25');
    expect(check.value.periodEnd).toBe('2026-11-30');
  });

  it.each<[string, Partial<ManualInvoiceForm>, string, RegExp]>([
    ['missing carrier', { carrierName: ' ' }, 'carrierName', /Enter the carrier/],
    ['missing account', { accountNumber: '' }, 'accountNumber', /Enter the account number/],
    ['missing invoice number', { invoiceNumber: '' }, 'invoiceNumber', /Enter the invoice number/],
    ['missing invoice date', { invoiceDate: '' }, 'invoiceDate', /Enter the invoice date/],
    [
      'invoice date not a date',
      { invoiceDate: '2026-02-30' },
      'invoiceDate',
      /February 2026 has 28 days/,
    ],
    [
      'due before invoice date',
      { dueDate: '2026-10-25' },
      'dueDate',
      /due date \(2026-10-25\) is before the invoice date \(2026-11-01\)/,
    ],
    [
      'period end before start',
      { periodEnd: '2026-10-30' },
      'periodEnd',
      /period ends \(2026-10-30\) before it starts \(2026-11-01\)/,
    ],
    ['half a period', { periodEnd: '' }, 'periodEnd', /both ends of the billing period/],
    ['stated total not money', { statedTotal: '1,0OO.00' }, 'statedTotal', /1,0OO\.00/],
    ['stated total missing', { statedTotal: '' }, 'statedTotal', /Enter the total the bill states/],
    [
      'stated total with fractions of a cent',
      { statedTotal: '10.005' },
      'statedTotal',
      /fractions of a cent/,
    ],
  ])('refuses %s', (_name, overrides, field, message) => {
    const check = checkManualInvoice(form(overrides), none);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.errors.find((error) => error.field === field)?.message).toMatch(message);
  });

  it('names the line whose amount is not money, and lists every problem at once', () => {
    const lines = form().lines.map((line, i) => (i === 1 ? { ...line, amount: 'abc' } : line));
    const check = checkManualInvoice(form({ lines, carrierName: '' }), none);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.errors.map((error) => error.field)).toEqual(['carrierName', 'line-2-amount']);
    expect(check.errors[1]?.message).toMatch(/^Line 2: /);
  });

  it('ignores blank lines but needs at least one line', () => {
    const blank = {
      category: 'usage' as const,
      serviceIdRaw: '',
      serviceKey: null,
      description: '',
      amount: '',
    };
    expect(checkManualInvoice(form({ lines: [...form().lines, blank] }), none).ok).toBe(true);
    const check = checkManualInvoice(form({ lines: [blank] }), none);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.errors[0]).toMatchObject({ field: 'lines' });
  });

  it('needs a service, or "Whole account", on every line by service', () => {
    const lines = form().lines.map((line, i) => (i === 0 ? line : { ...line, accountLevel: true }));
    const check = checkManualInvoice(form({ mode: 'service', lines }), none);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.errors.map((e) => e.field)).toEqual(['line-1-service']);
    const picked = lines.map((line, i) =>
      i === 0 ? { ...line, serviceIdRaw: '555-010-0001', serviceKey: '+15550100001' } : line,
    );
    const ok = checkManualInvoice(form({ mode: 'service', lines: picked }), none);
    expect(ok.ok && ok.value.lines.map((line) => line.serviceKey)).toEqual([
      '+15550100001',
      null,
      null,
    ]);
  });

  it('recognises an invoice number the account already has, and lets it replace on purpose', () => {
    const stored = new Set([invoiceKey('LUMEN ', '5-ke4x-001', 'inv-2026-11')]);
    const check = checkManualInvoice(form(), { storedInvoiceKeys: stored });
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.errors).toEqual([
        expect.objectContaining({ field: 'invoiceNumber', duplicate: true }),
      ]);
      expect(check.errors[0]?.message).toMatch(/already stored/);
    }
    expect(checkManualInvoice(form(), { storedInvoiceKeys: stored, replace: true }).ok).toBe(true);
  });
});

describe('runningDifference', () => {
  it('says how far the lines are from the stated total, in words and money', () => {
    const short = runningDifference(form({ statedTotal: '1,050.00' }));
    expect(short.difference).toBe(-5_000);
    expect(short.sentence).toBe(
      'Lines add up to $1,000.00: $50.00 less than the stated total of $1,050.00.',
    );
    const even = runningDifference(form());
    expect(even.difference).toBe(0);
    expect(even.sentence).toBe('Lines add up to $1,000.00, exactly the stated total.');
    const over = runningDifference(form({ statedTotal: '999.99' }));
    expect(over.sentence).toMatch(/\$0\.01 more than the stated total of \$999\.99/);
  });

  it('counts lines that are not money apart, and waits for a stated total', () => {
    const lines = form().lines.map((line, i) => (i === 0 ? { ...line, amount: '9x' } : line));
    const state = runningDifference(form({ lines, statedTotal: '' }));
    expect(state.linesTotal).toBe(5_000);
    expect(state.difference).toBeNull();
    expect(state.unreadLines).toBe(1);
    expect(state.sentence).toBe(
      'Lines add up to $50.00; enter the stated total to compare. 1 line not counted: the amount is not money.',
    );
  });
});

describe('manualBillDraft', () => {
  it('is one invoice with its lines, sourced as entered by hand', () => {
    const check = checkManualInvoice(form(), none);
    if (!check.ok) throw new Error('form should be valid');
    const draft = manualBillDraft(check.value, 'lumen-nov.pdf');
    expect(draft.profileId).toBe('manual');
    expect(draft.layoutName).toBe('Entered by hand');
    expect(draft.invoices).toHaveLength(1);
    expect(draft.invoices[0]).toMatchObject({
      key: invoiceKey('Lumen', '5-KE4X-001', 'INV-2026-11'),
      statedTotal: 100_000,
      sourceFile: 'lumen-nov.pdf',
      periodStart: '2026-11-01',
    });
    expect(draft.lines.map((line) => [line.sourceRow, line.category, line.amount])).toEqual([
      [1, 'recurring', 95_000],
      [2, 'tax', 7_500],
      [3, 'credit', -2_500],
    ]);
    expect(draft.lines.every((line) => line.invoiceKey === draft.invoices[0]?.key)).toBe(true);
  });
});
