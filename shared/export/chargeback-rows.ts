/**
 * The chargeback export's rows, shared by the workbook and the CSV: names shown instead of ids,
 * category and exception labels, and the preset's rows (one per charge, or one per cost center ×
 * GL account).
 */
import type { AllocatedCharge, AllocationResult } from '../allocation/types';
import type { IsoMonth } from '../dates/iso-date';
import { notItemisedTotal } from '../allocation/not-itemised';
import { cents, formatCents, type Cents } from '../money/cents';
import type { Carrier, ChargeCategory, CostCenter, Site } from '../model';
import { wantsBudget, withBudgets } from './chargeback-budget';
import type { DetailField, ExportPreset } from './presets';

/** Names to show instead of ids. */
export interface ChargebackNames {
  costCenters: readonly Pick<CostCenter, 'id' | 'code' | 'name'>[];
  carriers: readonly Pick<Carrier, 'id' | 'name'>[];
  sites: readonly Pick<Site, 'id' | 'code' | 'name'>[];
  /**
   * The month's budget per cost center id (all its carriers), for the Budget, Variance and
   * Variance % fields and Summary columns; absent when no budget is set for the month.
   */
  budgets?: ReadonlyMap<string, Cents>;
}

/** Category names as finance reads them. */
export const CATEGORY_LABELS: Record<ChargeCategory, string> = {
  recurring: 'Recurring',
  usage: 'Usage',
  'one-time': 'One-time',
  equipment: 'Equipment',
  tax: 'Taxes',
  surcharge: 'Surcharges & fees',
  credit: 'Credits',
  'late-fee': 'Late fees',
  adjustment: 'Adjustments',
  'third-party': 'Third-party',
};

/**
 * The label of the line holding what the month's invoices total beyond their charge lines (an
 * invoice whose stored lines no longer add up to it): shown so an export still adds up to the
 * invoices, as the screen's reconciliation check says it does not.
 */
export const NOT_IN_LINES_LABEL = 'Invoice totals not in their charge lines';

/** What the month's invoices total beyond their allocated and unallocated lines; 0 when it reconciles. */
export function notInLines(result: Pick<AllocationResult, 'totals'>): Cents {
  const { invoices, allocated, unallocated } = result.totals;
  return cents(invoices - allocated - unallocated);
}

/**
 * The label of the line holding what the month's invoices state beyond their charge lines (a bill
 * stating $1,100.00 whose lines add up to $1,030.00): no line names a cost center for it, so it is
 * not allocated, but it is on a line of its own so an export adds up to the invoices as billed.
 */
export const NOT_ITEMISED_LABEL = 'Invoice totals as stated, not itemised in their charge lines';

/** The month's invoices as they state their totals: the lines' total and what no line itemises. */
export function statedInvoicesTotal(
  result: Pick<AllocationResult, 'totals' | 'notItemised'>,
): Cents {
  return cents(result.totals.invoices + notItemisedTotal(result));
}

/** The sentence explaining the not-itemised line: how much, and on which invoices (five named). */
export function notItemisedNote(result: Pick<AllocationResult, 'totals' | 'notItemised'>): string {
  const invoices = result.notItemised ?? [];
  const amount = notItemisedTotal(result);
  const named = invoices
    .slice(0, 5)
    .map((invoice) => `invoice ${invoice.invoiceNumber} ${formatCents(invoice.amount)}`)
    .join(', ');
  const more = invoices.length > 5 ? ` and ${String(invoices.length - 5)} more` : '';
  const difference = formatCents(cents(Math.abs(amount)));
  return `The month's invoices state ${formatCents(statedInvoicesTotal(result))} in all, ${difference} ${amount > 0 ? 'more' : 'less'} than their charge lines (${formatCents(result.totals.invoices)}): ${named}${more}. No charge line names a cost center for it, so it is not allocated; it stands on a line of its own so the total is the invoices as billed.`;
}

/** Why a charge could not be allocated, as finance reads it. */
export const EXCEPTION_LABELS: Record<AllocationResult['exceptions'][number]['kind'], string> = {
  'no-cost-center': 'No cost center',
  'inactive-cost-center': 'Inactive cost center',
  'unknown-service': 'Service not in inventory',
  'closed-site': 'Closed site',
};

/**
 * A row of the export: a value per field; money in cents, blank as null (`costCenterId` is kept
 * for the budget columns, never written).
 */
export type FieldValues = Partial<Record<DetailField, string | number | null>> & {
  costCenterId?: string;
};

/** The rows a preset shows: one per charge, or one per cost center × GL account. */
export function presetRows(
  result: AllocationResult,
  names: ChargebackNames,
  preset: ExportPreset,
  month: IsoMonth,
): FieldValues[] {
  const lookup = new Lookup(names);
  if (preset.grouping === 'charge') return result.rows.map((row) => chargeValues(row, lookup));
  const groups = new Map<
    string,
    { row: AllocatedCharge; amount: number; markup: number; invoices: Set<string> }
  >();
  for (const row of result.rows) {
    const key = `${row.costCenterId}\u0000${row.glAccount}`;
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, {
        row,
        amount: row.amount,
        markup: row.markup,
        invoices: new Set([row.invoiceId]),
      });
    } else {
      group.amount += row.amount;
      group.markup += row.markup;
      group.invoices.add(row.invoiceId);
    }
  }
  const rows = [...groups.values()]
    .map(({ row, amount, markup, invoices }): FieldValues => {
      const costCenter = lookup.costCenter(row.costCenterId);
      const count = invoices.size;
      return {
        month,
        costCenterId: row.costCenterId,
        costCenterCode: costCenter.code,
        costCenterName: costCenter.name,
        glAccount: row.glAccount,
        amount,
        markup,
        amountWithMarkup: amount + markup,
        debit: amount >= 0 ? amount : null,
        credit: amount < 0 ? -amount : null,
        memo: `Telecom chargeback ${month} — ${count} invoice${count === 1 ? '' : 's'}`,
        invoiceCount: count,
      };
    })
    .sort((a, b) =>
      compareText(
        `${a.costCenterCode}\u0000${a.glAccount}`,
        `${b.costCenterCode}\u0000${b.glAccount}`,
      ),
    );
  return wantsBudget(preset) ? withBudgets(rows, result, names, month) : rows;
}

function chargeValues(row: AllocatedCharge, lookup: Lookup): FieldValues {
  const costCenter = lookup.costCenter(row.costCenterId);
  const site = row.siteId === null ? null : lookup.site(row.siteId);
  return {
    month: row.month,
    costCenterCode: costCenter.code,
    costCenterName: costCenter.name,
    glAccount: row.glAccount,
    siteCode: site?.code ?? null,
    siteName: site?.name ?? null,
    carrier: lookup.carrier(row.carrierId),
    accountNumber: row.accountNumber,
    invoiceNumber: row.invoiceNumber,
    serviceId: row.serviceIdRaw,
    userName: row.userName,
    category: CATEGORY_LABELS[row.category],
    description: row.description,
    amount: row.amount,
    markup: row.markup,
    amountWithMarkup: row.amount + row.markup,
    debit: row.amount >= 0 ? row.amount : null,
    credit: row.amount < 0 ? -row.amount : null,
    memo: null,
    invoiceCount: 1,
  };
}

/** Id → display names; an id with no entry shows as itself, so nothing is silently blank. */
export class Lookup {
  private readonly costCenters: Map<string, { code: string; name: string }>;
  private readonly carriers: Map<string, string>;
  private readonly sites: Map<string, { code: string; name: string }>;

  constructor(names: ChargebackNames) {
    this.costCenters = new Map(names.costCenters.map((entry) => [entry.id, entry]));
    this.carriers = new Map(names.carriers.map((entry) => [entry.id, entry.name]));
    this.sites = new Map(names.sites.map((entry) => [entry.id, entry]));
  }

  costCenter(id: string): { code: string; name: string } {
    return this.costCenters.get(id) ?? { code: id, name: id };
  }

  site(id: string): { code: string; name: string } {
    return this.sites.get(id) ?? { code: id, name: id };
  }

  carrier(id: string): string {
    return this.carriers.get(id) ?? id;
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
