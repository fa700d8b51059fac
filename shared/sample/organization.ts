/**
 * The sample company's organization: cost centers, sites, carriers and carrier accounts.
 */
import {
  addDays,
  addMonthsToMonth,
  isoDate,
  monthParts,
  type IsoDate,
  type IsoMonth,
} from '../dates/iso-date';
import type { Carrier } from '../model';
import { ZERO_CENTS } from '../money/cents';
import { pick, randomInt } from './random';
import type { SampleAccount, SampleCostCenter, SampleSite } from './types';

/** Carrier ids used across the sample company. */
export const CARRIER_IDS = {
  verizon: 'verizon',
  att: 'att',
  tmobile: 'tmobile',
  lumen: 'lumen',
  comcast: 'comcast',
  ringcentral: 'ringcentral',
} as const;

/** Company name printed on every bill. */
export const COMPANY_BILL_NAME = 'ACME RETAIL CORP';

const COST_CENTER_NAMES = [
  'IT Infrastructure',
  'Finance & Accounting',
  'Human Resources',
  'Sales - Enterprise',
  'Marketing',
  'Executive Office',
  'Stores - East',
  'Stores - Central',
  'Stores - West',
  'Distribution & Logistics',
  'Customer Care',
  'Field Services',
] as const;

/** Index into the cost center list, by what it is for. */
export const CC = {
  it: 0,
  finance: 1,
  hr: 2,
  sales: 3,
  marketing: 4,
  executive: 5,
  storesEast: 6,
  storesCentral: 7,
  storesWest: 8,
  logistics: 9,
  care: 10,
  field: 11,
} as const;

/** Cost center id from its index. */
export function costCenterId(index: number): string {
  return `cc-${String(index + 1).padStart(2, '0')}`;
}

export function makeCostCenters(): SampleCostCenter[] {
  return COST_CENTER_NAMES.map((name, index) => ({
    id: costCenterId(index),
    code: `00452501${String(40 + index * 3).padStart(2, '0')}`,
    name,
    glAccount: `000060${3900 + (index % 3) * 10}`,
    active: true,
  }));
}

type Region = 'east' | 'central' | 'west';

const CITIES: readonly (readonly [string, string, Region])[] = [
  ['New York', 'NY', 'east'],
  ['Newark', 'NJ', 'east'],
  ['Philadelphia', 'PA', 'east'],
  ['Boston', 'MA', 'east'],
  ['Atlanta', 'GA', 'east'],
  ['Orlando', 'FL', 'east'],
  ['Charlotte', 'NC', 'east'],
  ['Richmond', 'VA', 'east'],
  ['Houston', 'TX', 'central'],
  ['Austin', 'TX', 'central'],
  ['Chicago', 'IL', 'central'],
  ['Columbus', 'OH', 'central'],
  ['Detroit', 'MI', 'central'],
  ['Minneapolis', 'MN', 'central'],
  ['St. Louis', 'MO', 'central'],
  ['Nashville', 'TN', 'central'],
  ['Los Angeles', 'CA', 'west'],
  ['San Diego', 'CA', 'west'],
  ['Seattle', 'WA', 'west'],
  ['Portland', 'OR', 'west'],
  ['Phoenix', 'AZ', 'west'],
  ['Denver', 'CO', 'west'],
  ['Las Vegas', 'NV', 'west'],
  ['Salt Lake City', 'UT', 'west'],
];

const STREETS = ['Main St', 'Commerce Dr', 'Market St', 'Oak Ave', 'Park Blvd', 'Industrial Way'];

const REGION_COST_CENTER: Record<Region, number> = {
  east: CC.storesEast,
  central: CC.storesCentral,
  west: CC.storesWest,
};

/** Sites with a role the generator needs to find again. */
export interface SiteRoles {
  hq: SampleSite;
  /** Closed during the window; its services were disconnected properly. */
  closedClean: SampleSite;
  /** Closed during the window; its services were never disconnected (the closed-site error). */
  closedBilled: SampleSite;
  /** A kiosk without any cost center (missing-cost-center). */
  kiosk: SampleSite;
}

/**
 * About `40 × scale` sites: HQ, two distribution centers, a call center, an airport kiosk and
 * stores. `closeDates` are the days the two closed stores shut.
 */
export function makeSites(
  random: () => number,
  count: number,
  closeDates: { clean: IsoDate; billed: IsoDate },
): { sites: SampleSite[]; roles: SiteRoles } {
  const sites: SampleSite[] = [];
  const hq = addSite(sites, random, 'HQ', 'Headquarters', CC.it, ['Dallas', 'TX', 'central']);
  addSite(
    sites,
    random,
    'DC-01',
    'Distribution Center East',
    CC.logistics,
    pickCity(random, 'east'),
  );
  addSite(
    sites,
    random,
    'DC-02',
    'Distribution Center West',
    CC.logistics,
    pickCity(random, 'west'),
  );
  addSite(sites, random, 'CC-01', 'Customer Care Center', CC.care, pickCity(random, 'central'));
  const kiosk = addSite(
    sites,
    random,
    'KSK-0007',
    'Airport Kiosk',
    undefined,
    pickCity(random, 'west'),
  );
  const used = new Set<number>();
  while (sites.length < count) {
    let number = randomInt(random, 101, 999 + Math.ceil(count / 100) * 1000);
    while (used.has(number)) number += 1;
    used.add(number);
    const place = pick(random, CITIES);
    const code = `STR-${String(number).padStart(4, '0')}`;
    addSite(
      sites,
      random,
      code,
      `Store ${number} ${place[0]}`,
      REGION_COST_CENTER[place[2]],
      place,
    );
  }
  // Two stores near the end of the list close during the window.
  const closedClean = sites[sites.length - 1];
  const closedBilled = sites[sites.length - 2];
  if (closedClean === undefined || closedBilled === undefined || closedBilled === kiosk) {
    throw new RangeError('The sample company needs at least 7 sites.');
  }
  closedClean.status = 'closed';
  closedClean.closedOn = closeDates.clean;
  closedBilled.status = 'closed';
  closedBilled.closedOn = closeDates.billed;
  return { sites, roles: { hq, closedClean, closedBilled, kiosk } };
}

function pickCity(random: () => number, region: Region): readonly [string, string, Region] {
  return pick(
    random,
    CITIES.filter((city) => city[2] === region),
  );
}

function addSite(
  sites: SampleSite[],
  random: () => number,
  code: string,
  name: string,
  cc: number | undefined,
  place: readonly [string, string, Region?],
): SampleSite {
  const site: SampleSite = {
    id: `site-${String(sites.length + 1).padStart(4, '0')}`,
    code,
    name,
    street: `${randomInt(random, 100, 9899)} ${pick(random, STREETS)}`,
    city: place[0],
    region: place[1],
    postalCode: String(randomInt(random, 10000, 99950)),
    country: 'US',
    status: 'active',
  };
  if (cc !== undefined) site.costCenterId = costCenterId(cc);
  sites.push(site);
  return site;
}

export function makeCarriers(): Carrier[] {
  return [
    { id: CARRIER_IDS.verizon, name: 'Verizon Wireless', defaultProfileId: 'verizon-raw-data' },
    { id: CARRIER_IDS.att, name: 'AT&T Mobility', defaultProfileId: 'att-premier-summary' },
    { id: CARRIER_IDS.tmobile, name: 'T-Mobile for Business', defaultProfileId: 'tmobile-detail' },
    { id: CARRIER_IDS.lumen, name: 'Lumen', defaultProfileId: 'tem-desk-csv' },
    { id: CARRIER_IDS.comcast, name: 'Comcast Business', defaultProfileId: 'tem-desk-csv' },
    { id: CARRIER_IDS.ringcentral, name: 'RingCentral', defaultProfileId: 'tem-desk-csv' },
  ];
}

/** Account ids, by role. */
export const ACCOUNT_IDS = {
  verizonMain: 'acct-vzw-1',
  verizonField: 'acct-vzw-2',
  att: 'acct-att-1',
  tmobile: 'acct-tmo-1',
  lumenData: 'acct-lumen-data',
  lumenVoice: 'acct-lumen-voice',
  comcast: 'acct-comcast-1',
  ringcentral: 'acct-rc-1',
} as const;

function digits(random: () => number, length: number): string {
  let out = String(randomInt(random, 1, 9));
  while (out.length < length) out += String(randomInt(random, 0, 9));
  return out;
}

/** The eight carrier accounts, numbers in each carrier's format; expected totals are filled in later. */
export function makeAccounts(random: () => number): SampleAccount[] {
  const ecpd = digits(random, 9);
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  let lumenCode = '';
  for (let i = 0; i < 8; i += 1)
    lumenCode += i % 3 === 2 ? String(randomInt(random, 0, 9)) : pick(random, [...letters]);
  const comcast = `8495 ${digits(random, 2)} ${digits(random, 3)} ${digits(random, 7)}`;
  const base = { status: 'open' as const, expectedMonthlyCents: ZERO_CENTS };
  return [
    {
      ...base,
      id: ACCOUNT_IDS.verizonMain,
      carrierId: CARRIER_IDS.verizon,
      accountNumber: `${ecpd}-00001`,
      name: COMPANY_BILL_NAME,
      billCycleDay: 16,
      billing: 'arrears',
      defaultCostCenterId: costCenterId(CC.it),
    },
    {
      ...base,
      id: ACCOUNT_IDS.verizonField,
      carrierId: CARRIER_IDS.verizon,
      accountNumber: `${ecpd}-00002`,
      name: `${COMPANY_BILL_NAME} - FIELD`,
      billCycleDay: 22,
      billing: 'arrears',
      defaultCostCenterId: costCenterId(CC.field),
    },
    {
      ...base,
      id: ACCOUNT_IDS.att,
      carrierId: CARRIER_IDS.att,
      accountNumber: digits(random, 12),
      name: COMPANY_BILL_NAME,
      billCycleDay: 7,
      billing: 'arrears',
      defaultCostCenterId: costCenterId(CC.it),
    },
    {
      ...base,
      id: ACCOUNT_IDS.tmobile,
      carrierId: CARRIER_IDS.tmobile,
      accountNumber: digits(random, 9),
      name: COMPANY_BILL_NAME,
      billCycleDay: 11,
      billing: 'arrears',
      defaultCostCenterId: costCenterId(CC.it),
    },
    {
      ...base,
      id: ACCOUNT_IDS.lumenData,
      carrierId: CARRIER_IDS.lumen,
      accountNumber: `5-${lumenCode}`,
      name: `${COMPANY_BILL_NAME} - DATA`,
      billCycleDay: 1,
      billing: 'advance',
      defaultCostCenterId: costCenterId(CC.it),
    },
    {
      ...base,
      id: ACCOUNT_IDS.lumenVoice,
      carrierId: CARRIER_IDS.lumen,
      accountNumber: digits(random, 9),
      name: `${COMPANY_BILL_NAME} - VOICE`,
      billCycleDay: 15,
      billing: 'arrears',
      defaultCostCenterId: costCenterId(CC.it),
    },
    // No default cost center: the kiosk's line on this account is unallocated (missing-cost-center).
    {
      ...base,
      id: ACCOUNT_IDS.comcast,
      carrierId: CARRIER_IDS.comcast,
      accountNumber: comcast,
      name: COMPANY_BILL_NAME,
      billCycleDay: 24,
      billing: 'arrears',
    },
    {
      ...base,
      id: ACCOUNT_IDS.ringcentral,
      carrierId: CARRIER_IDS.ringcentral,
      accountNumber: digits(random, 10),
      name: COMPANY_BILL_NAME,
      billCycleDay: 1,
      billing: 'advance',
      defaultCostCenterId: costCenterId(CC.it),
    },
  ];
}

/** A billing period of one account for one month. */
export interface BillPeriod {
  month: IsoMonth;
  /** Index of the month in the window (0 = oldest). */
  index: number;
  invoiceDate: IsoDate;
  start: IsoDate;
  end: IsoDate;
}

/** Days after the end of its period that AT&T dates its bill. */
export const ATT_BILL_LAG_DAYS = 3;

/** The day an account's bill for `period` is dated: AT&T's a few days after its period ends. */
export function issuedOn(account: SampleAccount, period: BillPeriod): IsoDate {
  return account.carrierId === CARRIER_IDS.att
    ? addDays(period.end, ATT_BILL_LAG_DAYS)
    : period.invoiceDate;
}

/**
 * Months an account's bills run past `endMonth` as of `today`: one for each later bill already
 * dated on or before today (an account billing on the 1st has this month's bill by the 15th).
 */
export function monthsBilledAfter(
  account: SampleAccount,
  endMonth: IsoMonth,
  today: IsoDate,
): number {
  let shift = 0;
  while (issuedOn(account, billPeriod(account, addMonthsToMonth(endMonth, shift + 1), 0)) <= today)
    shift += 1;
  return shift;
}

/** The period an account bills for `month`: arrears end on the cycle day, advance covers the month. */
export function billPeriod(account: SampleAccount, month: IsoMonth, index: number): BillPeriod {
  const { year, month: m } = monthParts(month);
  const day = account.billCycleDay ?? 1;
  const invoiceDate = isoDate(year, m, day);
  if (account.billing === 'advance') {
    const end = addDays(isoDate(m === 12 ? year + 1 : year, m === 12 ? 1 : m + 1, 1), -1);
    return { month, index, invoiceDate, start: isoDate(year, m, 1), end };
  }
  const previous = m === 1 ? isoDate(year - 1, 12, day) : isoDate(year, m - 1, day);
  return { month, index, invoiceDate, start: addDays(previous, 1), end: invoiceDate };
}
