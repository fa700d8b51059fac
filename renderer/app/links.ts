/**
 * Typed links into the sections' grids with a filter applied — what the dashboard's drill-downs
 * point at. A filter travels as one path segment of URLSearchParams text
 * (`#/bills/where/carrier=verizon&from=2026-01&to=2026-10&due=overdue`), encoded by `hrefFor`, so a
 * reload, the Back button and a bookmark keep it. Empty fields are left out; a filter with no field
 * links to the plain section.
 */
import { isIsoMonth } from '../../shared/dates';
import type { SectionId } from './sections';
import { hrefFor } from './sections';

/** The path segment that says "the next segment is a filter". */
export const WHERE = 'where';

export type DueFilter = 'overdue' | 'due-soon';
const DUE_FILTERS: readonly DueFilter[] = ['overdue', 'due-soon'];

/** Invoices of a carrier, of a range of invoice months (inclusive), and/or by how due they are. */
export interface BillsFilter {
  carrierId?: string;
  /** First invoice month, `YYYY-MM`. */
  from?: string;
  /** Last invoice month, `YYYY-MM`. */
  to?: string;
  due?: DueFilter[];
}

/** Findings of a rule, a carrier, an invoice, open-or-disputed, and/or of a range of finding period months. */
export interface FindingsLinkFilter {
  ruleId?: string;
  carrierId?: string;
  /** The stored invoice's id: the findings on that invoice. */
  invoiceId?: string;
  status?: 'open-or-disputed' | '';
  /** First finding period month, `YYYY-MM`. */
  from?: string;
  /** Last finding period month, `YYYY-MM`. */
  to?: string;
}

/** Services at a site, charged to a cost center (the service's own, else its site's, else its account's), of a type and/or a carrier. */
export interface InventoryLinkFilter {
  siteId?: string;
  costCenterId?: string;
  serviceType?: string;
  carrierId?: string;
}

type Entries = readonly (readonly [string, string | undefined])[];

function whereLink(section: SectionId, entries: Entries): string {
  const params = new URLSearchParams();
  for (const [key, value] of entries) if (value) params.append(key, value);
  const text = params.toString();
  return text ? hrefFor(section, WHERE, text) : hrefFor(section);
}

/** `#/bills/where/carrier=…&from=YYYY-MM&to=YYYY-MM&due=overdue&due=due-soon` */
export function billsLink(filter: BillsFilter): string {
  return whereLink('bills', [
    ['carrier', filter.carrierId],
    ['from', filter.from],
    ['to', filter.to],
    ...DUE_FILTERS.filter((due) => filter.due?.includes(due)).map((due) => ['due', due] as const),
  ]);
}

/** `#/findings/where/rule=…&carrier=…&invoice=…&status=open-or-disputed&from=YYYY-MM&to=YYYY-MM` */
export function findingsLink(filter: FindingsLinkFilter): string {
  return whereLink('findings', [
    ['rule', filter.ruleId],
    ['carrier', filter.carrierId],
    ['invoice', filter.invoiceId],
    ['status', filter.status],
    ['from', filter.from],
    ['to', filter.to],
  ]);
}

/** `#/findings/savings`: Findings on its "Savings tracker" tab. */
export function savingsLink(): string {
  return hrefFor('findings', 'savings');
}

/** `#/inventory/where/site=…&costCenter=…&type=…&carrier=…` */
export function inventoryLink(filter: InventoryLinkFilter): string {
  return whereLink('inventory', [
    ['site', filter.siteId],
    ['costCenter', filter.costCenterId],
    ['type', filter.serviceType],
    ['carrier', filter.carrierId],
  ]);
}

/** `#/contracts/<id>`: the contract's detail. */
export function contractLink(contractId: string): string {
  return hrefFor('contracts', contractId);
}

/** `#/contracts/renewals`: Contracts on its "Renewals" tab. */
export function renewalsLink(): string {
  return hrefFor('contracts', 'renewals');
}

/** The filter segment of a route (already decoded by `routeFromHash`); empty when there is none. */
export function parseWhere(segment: string | undefined): URLSearchParams {
  return new URLSearchParams(segment ?? '');
}

/** The filter of a route's path (`['where', '<params>']`), or undefined when the path has none. */
export function whereOf(path: readonly string[]): URLSearchParams | undefined {
  return path[0] === WHERE ? parseWhere(path[1]) : undefined;
}

function text(params: URLSearchParams, key: string): string | undefined {
  return params.get(key)?.trim() || undefined;
}

function month(params: URLSearchParams, key: string): string | undefined {
  const value = text(params, key);
  return value !== undefined && isIsoMonth(value) ? value : undefined;
}

/** Drops the fields left undefined, so a parsed filter compares equal to the one linked. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

/** The bills filter of a link; malformed months and unknown due states are ignored. */
export function parseBillsFilter(params: URLSearchParams): BillsFilter {
  const due = params
    .getAll('due')
    .flatMap((value) => value.split(','))
    .map((value) => value.trim());
  const chosen = DUE_FILTERS.filter((state) => due.includes(state));
  return defined({
    carrierId: text(params, 'carrier'),
    from: month(params, 'from'),
    to: month(params, 'to'),
    due: chosen.length > 0 ? chosen : undefined,
  });
}

/** The findings filter of a link; malformed months and unknown statuses are ignored. */
export function parseFindingsFilter(params: URLSearchParams): FindingsLinkFilter {
  return defined({
    ruleId: text(params, 'rule'),
    carrierId: text(params, 'carrier'),
    invoiceId: text(params, 'invoice'),
    status:
      text(params, 'status') === 'open-or-disputed' ? ('open-or-disputed' as const) : undefined,
    from: month(params, 'from'),
    to: month(params, 'to'),
  });
}

/** The inventory filter of a link. */
export function parseInventoryFilter(params: URLSearchParams): InventoryLinkFilter {
  return defined({
    siteId: text(params, 'site'),
    costCenterId: text(params, 'costCenter'),
    serviceType: text(params, 'type'),
    carrierId: text(params, 'carrier'),
  });
}
