/**
 * The inventory: every mobile line, circuit, trunk, voice line and UCaaS seat bundle, with
 * identifiers written the way each carrier writes them.
 */
import { addDays, daysBetween, type IsoDate } from '../dates/iso-date';
import { serviceMatchKey } from '../ids/identifiers';
import { cents } from '../money/cents';
import {
  ATT_PLANS,
  COMCAST_INTERNET,
  COMCAST_VOICE,
  LUMEN_DIA,
  LUMEN_MPLS,
  LUMEN_PRI,
  LUMEN_PRIVATE_LINE,
  LUMEN_SIP,
  LUMEN_TOLL_FREE,
  RINGCENTRAL_SEATS,
  TMOBILE_PLANS,
  VERIZON_PLANS,
  pickProduct,
  type Product,
} from './catalog';
import { ACCOUNT_IDS, CARRIER_IDS, CC, costCenterId, type SiteRoles } from './organization';
import { DEPARTMENTS, FIRST_NAMES, LAST_NAMES } from './names';
import { pick, randomInt } from './random';
import type { SampleService, SampleSite } from './types';

/** How many services of each kind a scale gives; also used by `estimateChargeLines`. */
export interface ServiceCounts {
  sites: number;
  verizonMain: number;
  verizonField: number;
  att: number;
  tmobile: number;
  mpls: number;
  dia: number;
  privateLine: number;
  pri: number;
  sip: number;
  tollFree: number;
  comcastInternet: number;
  pots: number;
  ringcentral: number;
}

export function serviceCounts(scale: number): ServiceCounts {
  const n = (base: number, minimum: number) => Math.max(minimum, Math.round(base * scale));
  const sites = n(40, 12);
  return {
    sites,
    verizonMain: n(600, 20),
    verizonField: n(300, 12),
    att: n(450, 12),
    tmobile: n(150, 8),
    mpls: sites - 1,
    dia: n(20, 3),
    privateLine: n(4, 2),
    pri: n(6, 3),
    sip: n(6, 3),
    tollFree: n(4, 2),
    comcastInternet: n(40, 8),
    pots: n(60, 8),
    ringcentral: n(20, 5),
  };
}

/** Billing traits of a service that the inventory does not hold. */
export interface LineProfile {
  /** Monthly device installment, in cents (0 when the device is owned). */
  devicePaymentCents: number;
  /** Typical monthly usage charges of a wireline service, in cents. */
  usageBaseCents: number;
}

/** The window the inventory's dates fall around. */
export interface InventoryWindow {
  /** First day of the first billed month. */
  start: IsoDate;
  /** Last day of the last billed month. */
  end: IsoDate;
}

/** Ten-digit phone number in the fictional 555 area: `exchange` block, then the line number. */
export function phoneDigits(exchange: number, index: number): string {
  const block = exchange + Math.floor(index / 10_000);
  return `555${String(block).padStart(3, '0')}${String(index % 10_000).padStart(4, '0')}`;
}

export const phoneStyles = {
  dashed: (d: string) => `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`,
  parens: (d: string) => `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`,
  dotted: (d: string) => `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6)}`,
  plain: (d: string) => d,
  e164: (d: string) => `+1${d}`,
} as const;

/** The inventory and what the bills need to know about each service. */
export interface Inventory {
  services: SampleService[];
  profiles: Map<string, LineProfile>;
}

interface Context {
  random: () => number;
  window: InventoryWindow;
  sites: readonly SampleSite[];
  roles: SiteRoles;
  services: SampleService[];
  profiles: Map<string, LineProfile>;
  nextId: number;
  nextSerial: number;
}

/** Builds the inventory for `counts`, with a few disconnects, pending disconnects and orders. */
export function makeInventory(
  random: () => number,
  counts: ServiceCounts,
  sites: readonly SampleSite[],
  roles: SiteRoles,
  window: InventoryWindow,
): Inventory {
  const ctx: Context = {
    random,
    window,
    sites,
    roles,
    services: [],
    profiles: new Map(),
    nextId: 1,
    nextSerial: randomInt(random, 100_000, 400_000),
  };
  const mobileSites = sites.filter((site) => site.status === 'active' && site !== roles.kiosk);
  let verizonIndex = 1;
  for (const [accountId, count] of [
    [ACCOUNT_IDS.verizonMain, counts.verizonMain],
    [ACCOUNT_IDS.verizonField, counts.verizonField],
  ] as const) {
    for (let i = 0; i < count; i += 1) {
      const digits = phoneDigits(10, verizonIndex++);
      // The inventory spreadsheet writes a few numbers its own way; the match key is the same.
      const raw = random() < 0.05 ? phoneStyles.parens(digits) : phoneStyles.dashed(digits);
      addMobileLine(
        ctx,
        CARRIER_IDS.verizon,
        accountId,
        raw,
        pickProduct(random, VERIZON_PLANS),
        mobileSites,
        accountId === ACCOUNT_IDS.verizonField,
      );
    }
  }
  for (let i = 1; i <= counts.att; i += 1) {
    addMobileLine(
      ctx,
      CARRIER_IDS.att,
      ACCOUNT_IDS.att,
      phoneStyles.parens(phoneDigits(200, i)),
      pickProduct(random, ATT_PLANS),
      mobileSites,
      false,
    );
  }
  for (let i = 1; i <= counts.tmobile; i += 1) {
    addMobileLine(
      ctx,
      CARRIER_IDS.tmobile,
      ACCOUNT_IDS.tmobile,
      phoneStyles.plain(phoneDigits(400, i)),
      pickProduct(random, TMOBILE_PLANS),
      mobileSites,
      false,
    );
  }
  const wired = sites.filter((site) => site !== roles.kiosk);
  const bigSites = wired.filter((site) => !site.code.startsWith('STR-'));
  const siteAt = (list: readonly SampleSite[], i: number) => list[i % list.length] ?? roles.hq;
  for (let i = 0; i < counts.mpls; i += 1) {
    addWireline(
      ctx,
      CARRIER_IDS.lumen,
      ACCOUNT_IDS.lumenData,
      `BBEC.${serial(ctx)}..LUMN`,
      pickProduct(random, LUMEN_MPLS),
      siteAt(wired, i),
    );
  }
  for (let i = 0; i < counts.dia; i += 1) {
    const site = i < bigSites.length ? siteAt(bigSites, i) : pick(random, wired);
    addWireline(
      ctx,
      CARRIER_IDS.lumen,
      ACCOUNT_IDS.lumenData,
      `${randomInt(random, 10, 99)}.KQGN.${serial(ctx)}..LUMN`,
      pickProduct(random, LUMEN_DIA),
      site,
    );
  }
  for (let i = 0; i < counts.privateLine; i += 1) {
    addWireline(
      ctx,
      CARRIER_IDS.lumen,
      ACCOUNT_IDS.lumenData,
      `${randomInt(random, 10, 99)}.HCGS.${serial(ctx)}..LEC`,
      LUMEN_PRIVATE_LINE,
      siteAt(bigSites, i),
    );
  }
  for (let i = 0; i < counts.pri; i += 1) {
    addWireline(
      ctx,
      CARRIER_IDS.lumen,
      ACCOUNT_IDS.lumenVoice,
      `${randomInt(random, 10, 99)}/DHEC/${serial(ctx)}//LUMN`,
      LUMEN_PRI,
      siteAt(bigSites, i),
      randomInt(random, 3000, 9000),
    );
  }
  for (let i = 0; i < counts.sip; i += 1) {
    addWireline(
      ctx,
      CARRIER_IDS.lumen,
      ACCOUNT_IDS.lumenVoice,
      phoneStyles.dotted(phoneDigits(600, i + 1)),
      LUMEN_SIP,
      siteAt(bigSites, i + 1),
      randomInt(random, 2000, 7000),
    );
  }
  for (let i = 0; i < counts.tollFree; i += 1) {
    addWireline(
      ctx,
      CARRIER_IDS.lumen,
      ACCOUNT_IDS.lumenVoice,
      phoneStyles.parens(`888555${String(100 + i).padStart(4, '0')}`),
      LUMEN_TOLL_FREE,
      roles.hq,
      randomInt(random, 1500, 6000),
    );
  }
  for (let i = 0; i < counts.comcastInternet; i += 1) {
    const site = i === 0 ? roles.kiosk : siteAt(wired, i - 1);
    addWireline(
      ctx,
      CARRIER_IDS.comcast,
      ACCOUNT_IDS.comcast,
      `CBB-${serial(ctx)}${randomInt(random, 0, 9)}`,
      pickProduct(random, COMCAST_INTERNET),
      site,
    );
  }
  for (let i = 0; i < counts.pots; i += 1) {
    addWireline(
      ctx,
      CARRIER_IDS.comcast,
      ACCOUNT_IDS.comcast,
      phoneStyles.parens(phoneDigits(500, i + 1)),
      COMCAST_VOICE,
      siteAt(wired, i),
      random() < 0.3 ? randomInt(random, 100, 900) : 0,
    );
  }
  for (let i = 0; i < counts.ringcentral; i += 1) {
    const product = pickProduct(random, RINGCENTRAL_SEATS);
    addWireline(
      ctx,
      CARRIER_IDS.ringcentral,
      ACCOUNT_IDS.ringcentral,
      phoneStyles.e164(phoneDigits(700, i + 1)),
      product,
      siteAt(wired, i),
      randomInt(random, 200, 2000),
      randomInt(random, 5, 30),
    );
  }
  return { services: ctx.services, profiles: ctx.profiles };
}

function serial(ctx: Context): string {
  ctx.nextSerial += randomInt(ctx.random, 1, 97);
  return String(ctx.nextSerial).padStart(6, '0');
}

function newService(
  ctx: Context,
  carrierId: string,
  accountId: string,
  raw: string,
  product: Product,
  site: SampleSite,
): SampleService {
  const service: SampleService = {
    id: `svc-${String(ctx.nextId++).padStart(6, '0')}`,
    type: product.type,
    status: 'active',
    carrierId,
    accountId,
    siteId: site.id,
    serviceIdRaw: raw,
    serviceKey: serviceMatchKey(raw),
    aliasKeys: [],
    plan: product.plan,
    quantity: 1,
    activatedOn: randomDate(
      ctx.random,
      addDays(ctx.window.start, -5 * 365),
      addDays(ctx.window.start, -40),
    ),
  };
  if (product.bandwidthKbps !== undefined) service.bandwidthKbps = product.bandwidthKbps;
  return service;
}

function addMobileLine(
  ctx: Context,
  carrierId: string,
  accountId: string,
  raw: string,
  product: Product,
  sites: readonly SampleSite[],
  field: boolean,
): void {
  const { random } = ctx;
  const site = pick(random, sites);
  const service = newService(ctx, carrierId, accountId, raw, product, site);
  const [department, cc] = field
    ? (['Field Services', CC.field] as const)
    : pick(random, DEPARTMENTS);
  const user = `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`;
  service.department = department;
  service.userName =
    product.dataOnly === true
      ? `${user} (${product.plan.includes('Tablet') ? 'iPad' : 'Hotspot'})`
      : user;
  service.userId = `E${randomInt(random, 10_000, 99_999)}`;
  service.description = `${product.plan} — ${user}`;
  const costCenter = cc === 'site' ? site.costCenterId : costCenterId(cc);
  if (costCenter !== undefined) service.costCenterId = costCenter;
  service.expectedMonthlyCents = cents(product.contractCents);
  applyLifecycle(ctx, service);
  ctx.services.push(service);
  const devicePayment = random() < 0.35 ? pick(random, [2083, 2500, 2916, 3333, 4166]) : 0;
  ctx.profiles.set(service.id, { devicePaymentCents: devicePayment, usageBaseCents: 0 });
}

function addWireline(
  ctx: Context,
  carrierId: string,
  accountId: string,
  raw: string,
  product: Product,
  site: SampleSite,
  usageBaseCents = 0,
  quantity = 1,
): void {
  const service = newService(ctx, carrierId, accountId, raw, product, site);
  service.quantity = quantity;
  service.description =
    quantity > 1
      ? `${product.plan} × ${quantity} — ${site.code}`
      : `${product.plan} — ${site.code}`;
  if (site.costCenterId !== undefined) service.costCenterId = site.costCenterId;
  service.expectedMonthlyCents = cents(product.contractCents * quantity);
  if (site === ctx.roles.closedClean && site.closedOn !== undefined) {
    service.status = 'disconnected';
    service.disconnectRequestedOn = addDays(site.closedOn, -21);
    service.disconnectedOn = site.closedOn;
  } else if (site.status === 'active') {
    applyLifecycle(ctx, service);
  }
  ctx.services.push(service);
  ctx.profiles.set(service.id, { devicePaymentCents: 0, usageBaseCents });
}

/** A few services were added, disconnected or put on pending disconnect during the window. */
function applyLifecycle(ctx: Context, service: SampleService): void {
  const { random, window } = ctx;
  const roll = random();
  const windowDays = daysBetween(window.start, window.end);
  if (roll < 0.02) {
    service.status = 'disconnected';
    service.disconnectedOn = addDays(window.start, randomInt(random, 35, windowDays - 5));
    service.disconnectRequestedOn = addDays(service.disconnectedOn, -randomInt(random, 7, 30));
  } else if (roll < 0.025) {
    service.status = 'pending-disconnect';
    service.disconnectRequestedOn = addDays(window.end, -randomInt(random, 1, 25));
  } else if (roll < 0.065) {
    service.activatedOn = addDays(window.start, randomInt(random, 35, windowDays - 5));
  }
}

function randomDate(random: () => number, from: IsoDate, to: IsoDate): IsoDate {
  return addDays(from, randomInt(random, 0, daysBetween(from, to)));
}
