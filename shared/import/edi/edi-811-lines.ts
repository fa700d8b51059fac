/**
 * The segments of an 811 transaction that are charge lines, each read on its own: IT1 and SLN lines
 * (quantity × unit price, described by the PID that follows, in minutes or data also usage), TXI
 * taxes and SAC allowances and charges. `edi-811-charges` ties them to their services.
 */
import type { ChargeCategory } from '../../model';
import type { Cents } from '../../money/cents';
import { cents } from '../../money/cents';
import { categoryFromText } from '../categories';
import type { DraftChargeLine } from '../draft';
import type { X12Segment } from './x12-segments';
import { element } from './x12-segments';
import type { ExactDecimal, ValueRead } from './x12-values';
import {
  decimalToNumber,
  extendedCents,
  readDecimal,
  readDecimalCents,
  readImpliedCents,
} from './x12-values';

/** A charge line read from a segment, before it joins the draft. */
export type Charge811 = Pick<
  DraftChargeLine,
  | 'serviceIdRaw'
  | 'description'
  | 'category'
  | 'quantity'
  | 'amount'
  | 'periodStart'
  | 'periodEnd'
  | 'extras'
  | 'accountNumber'
> & {
  segment: X12Segment;
  /** Usage the line bills: minutes or kilobytes. */
  /** What the line says of the service's use; a kind it does not give is not known (null). */
  usage?: { minutes: number | null; dataKb: number | null };
};

/** Charge type codes senders put in the product qualifiers, beyond the words of `categories.ts`. */
const CHARGE_CODES: Readonly<Record<string, ChargeCategory>> = {
  RC: 'recurring',
  REC: 'recurring',
  USG: 'usage',
  TAX: 'tax',
  SUR: 'surcharge',
  FEE: 'surcharge',
  CR: 'credit',
  CRD: 'credit',
  ADJ: 'adjustment',
  LPC: 'late-fee',
  EQP: 'equipment',
  TPC: 'third-party',
};

/** Units of IT103 / SLN05 that are usage, and how many minutes or kilobytes one unit is. */
const USAGE_UNITS: Readonly<Record<string, { minutes: number; dataKb: number }>> = {
  MJ: { minutes: 1, dataKb: 0 },
  KB: { minutes: 0, dataKb: 1 },
  MB: { minutes: 0, dataKb: 1024 },
  GB: { minutes: 0, dataKb: 1024 * 1024 },
};

/** TXI01 tax type codes as a finance person reads them. */
const TAX_NAMES: Readonly<Record<string, string>> = {
  CA: 'City tax',
  CT: 'County tax',
  FD: 'Federal tax',
  FT: 'Federal excise tax',
  LO: 'Local tax',
  LS: 'State and local sales tax',
  SE: 'State excise tax',
  ST: 'State sales tax',
  SU: 'Sales and use tax',
  TX: 'All taxes',
  ZZ: 'Tax',
};

/** Where IT1 and SLN keep quantity, unit, price and their first product qualifier. */
export interface LineLayout {
  quantity: number;
  unit: number;
  price: number;
  firstProduct: number;
}
export const IT1: LineLayout = { quantity: 2, unit: 3, price: 4, firstProduct: 6 };
export const SLN: LineLayout = { quantity: 4, unit: 5, price: 6, firstProduct: 9 };

/** The description of the PID segments right after a line (PID05), or ''. */
export function describedBy(body: readonly X12Segment[], index: number): string {
  for (let next = index + 1; next < body.length; next += 1) {
    const segment = body[next];
    if (segment?.id !== 'PID') break;
    const text = element(segment, 5);
    if (text !== '') return text;
  }
  return '';
}

export function readLine(
  segment: X12Segment,
  layout: LineLayout,
  description: string,
  problem: (position: number | null, text: string) => void,
): Omit<Charge811, 'serviceIdRaw' | 'segment'> | null {
  const quantityText = element(segment, layout.quantity);
  let quantity: ExactDecimal | null = null;
  if (quantityText !== '') {
    const read = readDecimal(quantityText, 'a quantity');
    if (!read.ok) return fail(problem, layout.quantity, read);
    quantity = read.value;
  }
  const priceText = element(segment, layout.price);
  if (priceText === '') {
    problem(layout.price, 'the unit price is missing');
    return null;
  }
  const price = readDecimal(priceText, 'a unit price');
  if (!price.ok) return fail(problem, layout.price, price);
  const amount = extendedCents(quantity ?? { digits: 1n, scale: 0 }, price.value);
  if (!amount.ok) return fail(problem, layout.price, amount);
  const unit = element(segment, layout.unit).toUpperCase();
  const codes = productCodes(segment, layout.firstProduct);
  const category = lineCategory(codes, description, unit);
  if (category === null) {
    problem(
      layout.firstProduct,
      `cannot tell what kind of charge "${description || codes.join(' ') || segment.id}" is: give a charge type code (MRC, USG, OCC, TAX, SUR, CR, ADJ…) in the product qualifiers, or a unit (MO monthly, MJ minutes, KB data)`,
    );
    return null;
  }
  const charge: Omit<Charge811, 'serviceIdRaw' | 'segment'> = {
    description: description || codes[0] || `${segment.id} line`,
    category,
    quantity: quantity === null ? null : decimalToNumber(quantity),
    amount: amount.value,
  };
  const usageUnit = USAGE_UNITS[unit];
  if (usageUnit !== undefined && category === 'usage' && quantity !== null) {
    const count = decimalToNumber(quantity);
    charge.usage =
      usageUnit.minutes > 0
        ? { minutes: count * usageUnit.minutes, dataKb: null }
        : { minutes: null, dataKb: Math.round(count * usageUnit.dataKb) };
  }
  if (unit !== '') charge.extras = { Unit: unit };
  return charge;
}

function fail(
  problem: (position: number | null, text: string) => void,
  position: number,
  read: ValueRead<unknown> & { ok: false },
): null {
  problem(position, read.problem);
  return null;
}

/** The values of a line's product/service qualifier pairs (IT106/IT107, IT108/IT109, …). */
function productCodes(segment: X12Segment, firstProduct: number): string[] {
  const codes: string[] = [];
  for (let position = firstProduct; position + 1 <= segment.elements.length; position += 2) {
    const value = element(segment, position + 1);
    if (value !== '') codes.push(value);
  }
  return codes;
}

/** The category a line's product codes, else its description, else its unit name. */
function lineCategory(
  codes: readonly string[],
  description: string,
  unit: string,
): ChargeCategory | null {
  for (const code of codes) {
    const category = CHARGE_CODES[code.toUpperCase()] ?? categoryFromText(code);
    if (category !== null) return category;
  }
  const described = description === '' ? null : categoryFromText(description);
  if (described !== null) return described;
  if (unit === 'MO') return 'recurring';
  if (USAGE_UNITS[unit] !== undefined) return 'usage';
  return null;
}

/** TXI: a tax of TXI02 dollars (type R), named by its type TXI01 and jurisdiction TXI05. */
export function readTax(
  segment: X12Segment,
  problem: (position: number | null, text: string) => void,
): Omit<Charge811, 'serviceIdRaw' | 'segment'> | null {
  const amountText = element(segment, 2);
  if (amountText === '') {
    problem(2, 'the tax amount is missing');
    return null;
  }
  const amount = readDecimalCents(amountText);
  if (!amount.ok) return fail(problem, 2, amount);
  const type = element(segment, 1).toUpperCase();
  const jurisdiction = element(segment, 5);
  const name = TAX_NAMES[type] ?? (type === '' ? 'Tax' : `Tax ${type}`);
  return {
    description: jurisdiction === '' ? name : `${name} (${jurisdiction})`,
    category: 'tax',
    quantity: null,
    amount: amount.value,
  };
}

/**
 * SAC: an allowance (SAC01 `A`, a credit, made negative) or a charge (`C`, a surcharge) of SAC05
 * (two implied decimals), described by SAC15.
 */
export function readAllowance(
  segment: X12Segment,
  problem: (position: number | null, text: string) => void,
): Omit<Charge811, 'serviceIdRaw' | 'segment'> | null {
  const kind = element(segment, 1).toUpperCase();
  if (kind !== 'A' && kind !== 'C') {
    problem(1, `expected A (allowance) or C (charge), found "${kind.slice(0, 20)}"`);
    return null;
  }
  const read: ValueRead<Cents> = readImpliedCents(element(segment, 5));
  if (!read.ok) return fail(problem, 5, read);
  const magnitude = Math.abs(read.value);
  return {
    description: element(segment, 15) || (kind === 'A' ? 'Allowance' : 'Charge'),
    category: kind === 'A' ? 'credit' : 'surcharge',
    quantity: null,
    amount: cents(kind === 'A' ? -magnitude : magnitude),
  };
}
