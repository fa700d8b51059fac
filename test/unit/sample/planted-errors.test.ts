import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serviceMatchKey } from '../../../shared/ids/identifiers';
import type { PlantedError } from '../../fixtures/generate/sample-company';
import {
  csvRows,
  defaultSample,
  fileText,
  filesOf,
  money,
  only,
  rowsOf,
  tsvRows,
  zipMembers,
} from './sample-files';

const company = defaultSample();
const errors = (ruleId: string): PlantedError[] =>
  company.plantedErrors.filter((e) => e.ruleId === ruleId);
const serviceByKey = new Map(company.services.map((s) => [s.serviceKey, s]));
const serviceOf = (error: PlantedError) =>
  only(serviceByKey.get(serviceMatchKey(error.serviceId ?? '')));
const idColumn: Record<string, string> = {
  verizon: 'Wireless Number',
  att: 'Wireless number',
  tmobile: 'Wireless Number',
};
const billedRows = (error: PlantedError, month: string) =>
  rowsOf(company, error.carrier, month).filter(
    (row) => (row[idColumn[error.carrier] ?? 'Service ID'] ?? '') === error.serviceId,
  );
const MONTHLY_COLUMN: Record<string, string> = {
  verizon: 'Monthly Charges',
  att: 'Total monthly charges',
};
const monthsOf = (error: PlantedError) =>
  company.months.filter((m) => m >= error.month && m <= error.throughMonth);

describe('planted billing errors', () => {
  it.each([
    'rate-mismatch',
    'billed-after-disconnect',
    'closed-site',
    'unknown-service',
    'not-billed',
    'wrong-account',
    'duplicate-charge',
    'duplicate-invoice',
    'invoice-math',
    'late-fee',
    'third-party',
    'spike',
    'missing-invoice',
    'zero-usage',
    'out-of-contract',
    'missing-cost-center',
    'nrc-unexpected',
    'nrc-recurring',
    'tax-drift',
    'overage',
    'renewal-due',
    'marc-shortfall',
  ])('plants %s and documents it', (ruleId) => {
    expect(errors(ruleId).length).toBeGreaterThan(0);
    const doc = readFileSync(
      new URL('../../../shared/sample/PLANTED-ERRORS.md', import.meta.url),
      'utf8',
    );
    expect(doc).toContain(`\`${ruleId}\``);
  });

  it('records exact, well-formed entries', () => {
    const accounts = new Set(company.accounts.map((a) => `${a.carrierId}|${a.accountNumber}`));
    for (const error of company.plantedErrors) {
      expect(accounts.has(`${error.carrier}|${error.accountNumber}`)).toBe(true);
      expect(Number.isSafeInteger(error.impactCents)).toBe(true);
      expect(company.months).toContain(error.month);
      expect(error.throughMonth >= error.month).toBe(true);
      expect(error.description.length).toBeGreaterThan(20);
    }
    expect(errors('rate-mismatch').length).toBeGreaterThanOrEqual(6);
  });

  it('rate-mismatch: the billed monthly charge minus the contract rate, over the months billed', () => {
    for (const error of errors('rate-mismatch')) {
      const service = serviceOf(error);
      const expected = service.expectedMonthlyCents ?? 0;
      const column = MONTHLY_COLUMN[error.carrier];
      const over = monthsOf(error).map((month) => {
        const rows =
          column === undefined
            ? rowsOf(company, error.carrier, month).filter(
                (r) => r['Service ID'] === error.serviceId && r.Category === 'Recurring',
              )
            : billedRows(error, month);
        return money(rows[0]?.[column ?? 'Amount']) - expected;
      });
      expect(over.every((amount) => amount > 0)).toBe(true);
      expect(over.reduce((a, b) => a + b, 0)).toBe(error.impactCents);
    }
  });

  it('billed-after-disconnect and closed-site: billed in periods that start after the date', () => {
    for (const error of [...errors('billed-after-disconnect'), ...errors('closed-site')]) {
      const service = serviceOf(error);
      const cutoff =
        error.ruleId === 'closed-site'
          ? company.sites.find((s) => s.id === service.siteId)?.closedOn
          : service.disconnectedOn;
      expect(cutoff).toBeDefined();
      const rows = billedRows(error, error.throughMonth);
      expect(rows.length).toBeGreaterThan(0);
      const start = rows[0]?.['Period Start'];
      if (start !== undefined) expect(start > (cutoff ?? '')).toBe(true);
      expect(
        error.month > (cutoff ?? '').slice(0, 7) || error.month === (cutoff ?? '').slice(0, 7),
      ).toBe(true);
      expect(error.impactCents).toBeGreaterThan(0);
    }
    expect(errors('billed-after-disconnect').some((e) => monthsOf(e).length >= 3)).toBe(true);
    expect(errors('billed-after-disconnect').some((e) => monthsOf(e).length < 3)).toBe(true);
  });

  it('unknown-service is billed but in no inventory; not-billed is in the inventory but on no bill of its account', () => {
    for (const error of errors('unknown-service')) {
      expect(serviceByKey.has(serviceMatchKey(error.serviceId ?? ''))).toBe(false);
      expect(billedRows(error, error.throughMonth)).toHaveLength(1);
    }
    for (const error of errors('not-billed')) {
      const service = serviceOf(error);
      expect(service.status).toBe('active');
      for (const month of company.months) {
        const rows = billedRows(error, month);
        expect(rows.every((row) => (row['Account Number'] ?? '') !== error.accountNumber)).toBe(
          true,
        );
      }
    }
  });

  it('duplicate-charge: the same charge twice on one invoice', () => {
    for (const error of errors('duplicate-charge')) {
      const rows = billedRows(error, error.month);
      const same =
        error.carrier === 'att' ? rows : rows.filter((row) => row.Category === 'Recurring');
      expect(same).toHaveLength(2);
      expect(JSON.stringify(same[0])).toBe(JSON.stringify(same[1]));
    }
  });

  it('duplicate-invoice: the same invoice number in two files with identical bytes, counted once', () => {
    const [error] = errors('duplicate-invoice');
    const number = error?.invoiceNumber ?? '';
    const files = company.files.filter((file) => fileText(file).includes(`,${number},`));
    expect(files).toHaveLength(2);
    expect(Buffer.from(files[0]?.bytes ?? []).equals(Buffer.from(files[1]?.bytes ?? []))).toBe(
      true,
    );
    expect(files[0]?.name).not.toBe(files[1]?.name);
    expect(company.expectedTotals.filter((t) => t.invoiceNumber === number)).toHaveLength(1);
  });

  it('missing-invoice: the month really is missing', () => {
    const [error] = errors('missing-invoice');
    const months = filesOf(company, error?.carrier ?? '').map((file) => file.month);
    expect(months).not.toContain(error?.month);
    expect(months).toHaveLength(company.months.length - 1);
    expect(
      company.expectedTotals.some((t) => t.carrier === error?.carrier && t.month === error.month),
    ).toBe(false);
  });

  it('late-fee, third-party and overage show the amounts in the files', () => {
    for (const error of errors('late-fee')) {
      const file = only(
        company.files.find(
          (f) =>
            f.carrier === error.carrier && f.month === error.month && !f.name.includes('resent'),
        ),
      );
      const fee =
        error.carrier === 'verizon'
          ? tsvRows(zipMembers(file)['AccountSummary.txt'] ?? '').find(
              (r) => r['Invoice Number'] === error.invoiceNumber,
            )?.['Late Fee']
          : csvRows(fileText(file)).find((r) => r.Category === 'Late Fee')?.Amount;
      expect(money(fee)).toBe(error.impactCents);
    }
    for (const error of errors('third-party')) {
      const amounts = monthsOf(error).map((month) =>
        money(billedRows(error, month)[0]?.['Third Party Charges']),
      );
      expect(amounts.reduce((a, b) => a + b, 0)).toBe(error.impactCents);
    }
    for (const error of errors('overage')) {
      expect(money(billedRows(error, error.month)[0]?.['Usage and Purchase Charges'])).toBe(
        error.impactCents,
      );
    }
  });

  it("spike: one line's usage is 5–10× its average in the spike month", () => {
    const [error] = errors('spike');
    const usage = (month: string) =>
      rowsOf(company, 'ringcentral', month)
        .filter((r) => r['Service ID'] === error?.serviceId && r.Category === 'Usage')
        .map((r) => money(r.Amount))[0] ?? 0;
    const others = company.months.filter((m) => m !== error?.month).map(usage);
    const average = others.reduce((a, b) => a + b, 0) / others.length;
    const ratio = usage(error?.month ?? '') / average;
    expect(ratio).toBeGreaterThanOrEqual(5);
    expect(ratio).toBeLessThanOrEqual(10);
    const totals = company.expectedTotals.filter((t) => t.carrier === 'ringcentral');
    const index = totals.findIndex((t) => t.month === error?.month);
    const previous = totals.slice(Math.max(0, index - 6), index).map((t) => t.totalCents);
    const trailing = Math.round(previous.reduce((a, b) => a + b, 0) / previous.length);
    expect(error?.impactCents).toBe((totals[index]?.totalCents ?? 0) - trailing);
    expect((error?.impactCents ?? 0) / trailing).toBeGreaterThan(0.1);
  });

  it('zero-usage lines have no usage in any month yet pay their plan', () => {
    for (const error of errors('zero-usage')) {
      for (const month of company.months) {
        const [row] = billedRows(error, month);
        expect(row).toBeDefined();
        const usage =
          error.carrier === 'verizon'
            ? ['Voice Plan Usage', 'Messaging Usage', 'Data Usage (KB)']
            : ['Total KB usage', 'Total minutes usage', 'Total messages'];
        for (const column of usage) expect(row?.[column]).toBe('0');
      }
    }
  });
});
