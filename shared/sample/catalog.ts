/**
 * What the carriers sell the sample company: plans and products with the contracted rate, the
 * list (or month-to-month) rate, and the share of lines on each plan.
 */
import type { ContractRate, ServiceType } from '../model';

/** One plan or product, with its monthly allowances where the rate card states them. */
export interface Product extends Pick<
  ContractRate,
  'dataAllowanceGb' | 'voiceMinutesAllowance' | 'messagesAllowance'
> {
  plan: string;
  type: ServiceType;
  /** Contracted monthly rate per unit, in cents. */
  contractCents: number;
  /** Rate billed without the contract (list price, month-to-month), in cents. */
  listCents: number;
  /** Relative share of services on this product within its group. */
  weight: number;
  /** AT&T rate code, where printed. */
  rateCode?: string;
  /** Data-only device (tablet, hotspot): no voice or messaging usage. */
  dataOnly?: boolean;
  bandwidthKbps?: number;
}

export const VERIZON_PLANS: readonly Product[] = [
  {
    plan: 'Business Unlimited Pro Smartphone',
    type: 'mobile-line',
    contractCents: 4200,
    listCents: 5000,
    weight: 45,
    dataAllowanceGb: 'unlimited',
    voiceMinutesAllowance: 'unlimited',
    messagesAllowance: 'unlimited',
  },
  {
    plan: 'Business Unlimited Start Smartphone',
    type: 'mobile-line',
    contractCents: 3000,
    listCents: 3500,
    weight: 25,
    dataAllowanceGb: 'unlimited',
    voiceMinutesAllowance: 'unlimited',
    messagesAllowance: 'unlimited',
  },
  {
    plan: 'Flexible Business Plan 5GB',
    type: 'mobile-line',
    contractCents: 2500,
    listCents: 3000,
    weight: 10,
    dataAllowanceGb: 5,
    voiceMinutesAllowance: 'unlimited',
    messagesAllowance: 'unlimited',
  },
  {
    plan: 'Business Unlimited Tablet',
    type: 'mobile-line',
    contractCents: 2000,
    listCents: 3000,
    weight: 10,
    dataOnly: true,
    dataAllowanceGb: 'unlimited',
  },
  {
    plan: 'Mobile Broadband 4G LTE 10GB',
    type: 'mobile-line',
    contractCents: 3500,
    listCents: 4000,
    weight: 10,
    dataOnly: true,
    dataAllowanceGb: 10,
  },
];

export const ATT_PLANS: readonly Product[] = [
  {
    plan: 'Business Unlimited Performance',
    type: 'mobile-line',
    contractCents: 4000,
    listCents: 5000,
    weight: 45,
    rateCode: 'BUPRF',
    dataAllowanceGb: 'unlimited',
    voiceMinutesAllowance: 'unlimited',
    messagesAllowance: 'unlimited',
  },
  {
    plan: 'Business Unlimited Starter',
    type: 'mobile-line',
    contractCents: 3000,
    listCents: 3500,
    weight: 30,
    rateCode: 'BUSTR',
    dataAllowanceGb: 'unlimited',
    voiceMinutesAllowance: 'unlimited',
    messagesAllowance: 'unlimited',
  },
  {
    plan: 'Business Unlimited Elite',
    type: 'mobile-line',
    contractCents: 5000,
    listCents: 6000,
    weight: 10,
    rateCode: 'BUELT',
    dataAllowanceGb: 'unlimited',
    voiceMinutesAllowance: 'unlimited',
    messagesAllowance: 'unlimited',
  },
  {
    plan: 'Wireless Data 5GB Tablet',
    type: 'mobile-line',
    contractCents: 2000,
    listCents: 2500,
    weight: 15,
    rateCode: 'WD5GT',
    dataOnly: true,
    dataAllowanceGb: 5,
  },
];

export const TMOBILE_PLANS: readonly Product[] = [
  {
    plan: 'Business Unlimited Advanced',
    type: 'mobile-line',
    contractCents: 4000,
    listCents: 4500,
    weight: 50,
  },
  {
    plan: 'Business Unlimited Edge',
    type: 'mobile-line',
    contractCents: 3000,
    listCents: 3400,
    weight: 30,
  },
  {
    plan: 'Business Unlimited Ultimate',
    type: 'mobile-line',
    contractCents: 5500,
    listCents: 6000,
    weight: 10,
  },
  {
    plan: 'Mobile Internet 10GB',
    type: 'mobile-line',
    contractCents: 2000,
    listCents: 2500,
    weight: 10,
    dataOnly: true,
  },
];

export const LUMEN_MPLS: readonly Product[] = [
  {
    plan: 'MPLS Port 50 Mbps',
    type: 'mpls-sdwan',
    contractCents: 65000,
    listCents: 69500,
    weight: 70,
    bandwidthKbps: 50_000,
  },
  {
    plan: 'MPLS Port 100 Mbps',
    type: 'mpls-sdwan',
    contractCents: 89500,
    listCents: 95000,
    weight: 30,
    bandwidthKbps: 100_000,
  },
];

export const LUMEN_DIA: readonly Product[] = [
  {
    plan: 'Dedicated Internet Access 500 Mbps',
    type: 'internet',
    contractCents: 95000,
    listCents: 110000,
    weight: 60,
    bandwidthKbps: 500_000,
  },
  {
    plan: 'Dedicated Internet Access 1 Gbps',
    type: 'internet',
    contractCents: 145000,
    listCents: 160000,
    weight: 40,
    bandwidthKbps: 1_000_000,
  },
];

export const LUMEN_PRIVATE_LINE: Product = {
  plan: 'Ethernet Private Line 100 Mbps',
  type: 'circuit',
  contractCents: 110000,
  listCents: 125000,
  weight: 1,
  bandwidthKbps: 100_000,
};
export const LUMEN_PRI: Product = {
  plan: 'PRI 23B+D',
  type: 'trunk',
  contractCents: 42500,
  listCents: 47500,
  weight: 1,
};
export const LUMEN_SIP: Product = {
  plan: 'SIP Trunk 20 Call Paths',
  type: 'trunk',
  contractCents: 30000,
  listCents: 34000,
  weight: 1,
};
export const LUMEN_TOLL_FREE: Product = {
  plan: 'Toll-Free Number',
  type: 'toll-free',
  contractCents: 500,
  listCents: 1000,
  weight: 1,
};

export const COMCAST_INTERNET: readonly Product[] = [
  {
    plan: 'Business Internet 300 Mbps',
    type: 'internet',
    contractCents: 12995,
    listCents: 13995,
    weight: 75,
    bandwidthKbps: 300_000,
  },
  {
    plan: 'Business Internet 1 Gbps',
    type: 'internet',
    contractCents: 24995,
    listCents: 26995,
    weight: 25,
    bandwidthKbps: 1_000_000,
  },
];
export const COMCAST_VOICE: Product = {
  plan: 'Business Voice Line',
  type: 'pots-line',
  contractCents: 3495,
  listCents: 3795,
  weight: 1,
};

export const RINGCENTRAL_SEATS: readonly Product[] = [
  {
    plan: 'RingCentral MVP Premium',
    type: 'ucaas-seat',
    contractCents: 3000,
    listCents: 3500,
    weight: 70,
  },
  {
    plan: 'RingCentral MVP Ultimate',
    type: 'ucaas-seat',
    contractCents: 3500,
    listCents: 4500,
    weight: 30,
  },
];

/** A product chosen by weight. */
export function pickProduct(random: () => number, products: readonly Product[]): Product {
  const total = products.reduce((sum, product) => sum + product.weight, 0);
  let roll = random() * total;
  for (const product of products) {
    roll -= product.weight;
    if (roll < 0) return product;
  }
  const last = products[products.length - 1];
  if (last === undefined) throw new Error('pickProduct() from an empty list');
  return last;
}

/** Every product of a carrier, for its rate card. */
export const CARRIER_PRODUCTS: Record<string, readonly Product[]> = {
  verizon: VERIZON_PLANS,
  att: ATT_PLANS,
  tmobile: TMOBILE_PLANS,
  lumen: [...LUMEN_MPLS, ...LUMEN_DIA, LUMEN_PRIVATE_LINE, LUMEN_PRI, LUMEN_SIP, LUMEN_TOLL_FREE],
  comcast: [...COMCAST_INTERNET, COMCAST_VOICE],
  ringcentral: RINGCENTRAL_SEATS,
};

const PRODUCT_BY_PLAN = new Map<string, Product>(
  Object.values(CARRIER_PRODUCTS).flatMap((products) =>
    products.map((product) => [product.plan, product] as const),
  ),
);

/** The product with this plan name (plan names are unique across carriers). */
export function productOf(plan: string): Product {
  const product = PRODUCT_BY_PLAN.get(plan);
  if (product === undefined) throw new Error(`No product named ${plan}`);
  return product;
}
