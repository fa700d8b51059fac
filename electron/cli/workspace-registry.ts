/** Natural keys → sequential ids for the CLI workspace, and how input problems are reported. */

import { type SiteDraft } from '../../shared/inventory/sites-file';

import type { Account, Carrier, CostCenter, Site } from '../../shared/model';

import { CliError } from './inputs';

export const MAX_LISTED = 10;

export function problemsError(what: string, messages: readonly string[]): CliError {
  const listed = messages.slice(0, MAX_LISTED).map((message) => `  - ${message}`);
  const more =
    messages.length > MAX_LISTED ? [`  … and ${messages.length - MAX_LISTED} more.`] : [];
  const count = messages.length === 1 ? 'a problem' : `${messages.length} problems`;
  return new CliError([`${what} has ${count}:`, ...listed, ...more].join('\n'));
}

/** Carriers, accounts, cost centers and sites by their natural keys, with sequential ids. */
export class Registry {
  readonly carriers: Carrier[] = [];
  readonly accounts: Account[] = [];
  readonly costCenters: CostCenter[] = [];
  readonly sites: Site[] = [];
  private readonly carrierByName = new Map<string, Carrier>();
  private readonly accountByKey = new Map<string, Account>();
  private readonly costCenterByCode = new Map<string, CostCenter>();
  readonly siteByCode = new Map<string, Site>();

  carrierId(name: string): string {
    const key = name.trim().toUpperCase().replace(/\s+/g, ' ');
    let carrier = this.carrierByName.get(key);
    if (carrier === undefined) {
      carrier = { id: `carrier-${this.carriers.length + 1}`, name: name.trim() };
      this.carrierByName.set(key, carrier);
      this.carriers.push(carrier);
    }
    return carrier.id;
  }

  accountId(carrierId: string, accountNumber: string): string {
    const key = `${carrierId}|${accountNumber.trim()}`;
    let account = this.accountByKey.get(key);
    if (account === undefined) {
      account = {
        id: `account-${this.accounts.length + 1}`,
        carrierId,
        accountNumber: accountNumber.trim(),
        status: 'open',
      };
      this.accountByKey.set(key, account);
      this.accounts.push(account);
    }
    return account.id;
  }

  /** The cost center with this code, created on first sight (named by its code); '' → none. */
  costCenterId(code: string): string | undefined {
    if (code === '') return undefined;
    let costCenter = this.costCenterByCode.get(code);
    if (costCenter === undefined) {
      costCenter = {
        id: `cost-center-${this.costCenters.length + 1}`,
        code,
        name: code,
        active: true,
      };
      this.costCenterByCode.set(code, costCenter);
      this.costCenters.push(costCenter);
    }
    return costCenter.id;
  }

  addSite(draft: SiteDraft): void {
    const costCenterId = this.costCenterId(draft.costCenterCode);
    const existing = this.siteByCode.get(draft.code);
    const site: Site = {
      id: existing?.id ?? `site-${this.sites.length + 1}`,
      code: draft.code,
      name: draft.name,
      country: draft.country,
      status: draft.status,
    };
    if (draft.street !== '') site.street = draft.street;
    if (draft.city !== '') site.city = draft.city;
    if (draft.state !== '') site.region = draft.state;
    if (draft.postalCode !== '') site.postalCode = draft.postalCode;
    if (costCenterId !== undefined) site.costCenterId = costCenterId;
    if (draft.openedOn !== undefined) site.openedOn = draft.openedOn;
    if (draft.closedOn !== undefined) site.closedOn = draft.closedOn;
    if (existing === undefined) this.sites.push(site);
    else this.sites[this.sites.indexOf(existing)] = site;
    this.siteByCode.set(site.code, site);
  }

  /** The site with this code; an inventory naming an unknown site creates it, as the app does. */
  siteFor(code: string, name: string, costCenterId: string | undefined): Site {
    let site = this.siteByCode.get(code);
    if (site === undefined) {
      site = {
        id: `site-${this.sites.length + 1}`,
        code,
        name: name || code,
        country: 'US',
        status: 'active',
      };
      if (costCenterId !== undefined) site.costCenterId = costCenterId;
      this.sites.push(site);
      this.siteByCode.set(code, site);
    }
    return site;
  }
}
