/**
 * The second pass over an 811 transaction: its charges. IT1 and SLN lines (quantity × unit price,
 * described by the PID that follows), TXI taxes and SAC allowances and charges become charge lines
 * of the invoice, tied to the service their HL level names; IT1 lines in minutes (MJ) or data (KB,
 * MB, GB) also count as usage.
 */
import { accountNumberKey } from '../../ids/keys';
import type { ChargeCategory } from '../../model';
import type { Cents } from '../../money/cents';
import { cents, centsToDecimalString } from '../../money/cents';
import { categoryFromText } from '../categories';
import type { DraftChargeLine, DraftInvoice } from '../draft';
import type { HlNode, SegmentProblem } from './edi-811-header';
import { inheritedOf, serviceOf } from './edi-811-header';
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

/** What the charge pass read from a transaction. */
export interface Charges811 {
  charges: Charge811[];
  problems: SegmentProblem[];
  /**
   * Segments not charged again, with why: SLN sub-lines included in the line above them, and
   * header taxes that restate taxes itemised on the invoice's lines (see {@link settleHeaderTaxes}).
   */
  included: { segment: X12Segment; reason: string }[];
}

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

/** Reads the charge lines of a transaction's body, each tied to its HL level's service. */
export function readCharges811(
  body: readonly X12Segment[],
  levelOf: ReadonlyMap<X12Segment, HlNode | null>,
  invoice: Pick<DraftInvoice, 'accountNumber'>,
): Charges811 {
  const result: Charges811 = { charges: [], problems: [], included: [] };
  body.forEach((segment, index) => {
    if (
      segment.id !== 'IT1' &&
      segment.id !== 'SLN' &&
      segment.id !== 'TXI' &&
      segment.id !== 'SAC'
    )
      return;
    const level = levelOf.get(segment) ?? null;
    const context = lineContext(level, invoice);
    const problem = (position: number | null, text: string) => {
      result.problems.push({ segment, position, problem: `${text}; this charge is not imported.` });
    };
    let charge: Omit<Charge811, 'serviceIdRaw' | 'segment'> | null = null;
    if (segment.id === 'TXI' && element(segment, 2) === '' && element(segment, 3) !== '') {
      // X12 lets a TXI give a rate (TXI03) with no amount: information, no money to charge.
      result.included.push({
        segment,
        reason: `Not a charge: this tax segment gives a rate (TXI03 "${element(segment, 3).slice(0, 20)}") and no amount (TXI02); the invoice's amounts say what was charged.`,
      });
      return;
    }
    if (segment.id === 'TXI') charge = readTax(segment, problem);
    else if (segment.id === 'SAC') charge = readAllowance(segment, problem);
    else {
      const isSub = segment.id === 'SLN';
      const relationship = isSub ? element(segment, 3) : '';
      if (relationship === 'I' || relationship === 'O') {
        result.included.push({
          segment,
          reason: `Not charged again: this sub-line (SLN03 "${relationship}") is ${relationship === 'I' ? 'included in' : 'information about'} the line above it.`,
        });
        return;
      }
      charge = readLine(segment, isSub ? SLN : IT1, describedBy(body, index), problem);
    }
    if (charge === null) return;
    const full: Charge811 = { segment, serviceIdRaw: context.serviceIdRaw, ...charge };
    if (context.periodStart !== undefined) full.periodStart = context.periodStart;
    if (context.periodEnd !== undefined) full.periodEnd = context.periodEnd;
    if (context.accountNumber !== undefined) full.accountNumber = context.accountNumber;
    const extras = { ...context.extras, ...charge.extras };
    if (Object.keys(extras).length > 0) full.extras = extras;
    result.charges.push(full);
  });
  settleHeaderTaxes(result, levelOf);
  return result;
}

/** TXI01 meaning all taxes: a total of every other tax of the invoice. */
const ALL_TAXES = 'TX';

/**
 * A TXI before the first HL is the invoice's header tax: the invoice's total of its tax type
 * (TXI01; `TX` all taxes). When the same taxes are itemised elsewhere (TXI or tax lines in the HL
 * loops or the summary after TDS), it restates them and is not charged again; only the part of it
 * that no other segment itemises is a charge. So: nothing itemised → the header tax is the charge;
 * itemised equal to it → a summary, listed as not charged; itemised less than it → the rest is
 * charged, as an account-level tax line; itemised more than it → a summary, the itemised taxes
 * stand (and the stated total tells which is right). A type is compared with the same type (and
 * the same jurisdiction, TXI05, when both name one); `TX` with every tax left charged once the
 * header taxes of other types are settled.
 */
function settleHeaderTaxes(
  result: Charges811,
  levelOf: ReadonlyMap<X12Segment, HlNode | null>,
): void {
  const isHeader = (charge: Charge811) =>
    charge.segment.id === 'TXI' && !levelOf.has(charge.segment);
  const typeOf = (charge: Charge811) => element(charge.segment, 1).toUpperCase();
  const headers = result.charges.filter(isHeader);
  if (headers.length === 0) return;
  const itemised = result.charges.filter((charge) => !isHeader(charge));
  const settled = new Map<Charge811, Charge811 | null>();
  const settle = (header: Charge811, others: readonly Charge811[], what: string) => {
    if (others.length === 0) return;
    const sum = others.reduce((total, charge) => total + charge.amount, 0);
    const stated = header.amount;
    const source = `this header tax (TXI*${typeOf(header) || '?'}, $${centsToDecimalString(stated)})`;
    const detail = `the $${centsToDecimalString(cents(sum))} of ${what} itemised on the invoice's lines`;
    if (sum === stated) {
      settled.set(header, null);
      result.included.push({
        segment: header.segment,
        reason: `Not charged again: ${source} restates ${detail}.`,
      });
    } else if (
      stated !== 0 &&
      (Math.sign(sum) !== Math.sign(stated) || Math.abs(sum) < Math.abs(stated))
    ) {
      // What the lines leave out of the header's total: all of it when they itemise $0.00 (an
      // exempt line, a tax and its reversal), more than it when they net to a credit.
      settled.set(header, {
        ...header,
        description: `${header.description}, not itemised on the lines`,
        amount: cents(stated - sum),
        extras: {
          ...header.extras,
          'Header tax': centsToDecimalString(stated),
          'Itemised on the lines': centsToDecimalString(cents(sum)),
        },
      });
    } else {
      settled.set(header, null);
      result.included.push({
        segment: header.segment,
        reason: `Not charged again: ${source} is less than ${detail}; the itemised taxes are imported.`,
      });
    }
  };
  for (const header of headers) {
    const type = typeOf(header);
    if (type === ALL_TAXES) continue;
    const place = element(header.segment, 5);
    const same = itemised.filter((charge) => {
      if (charge.segment.id !== 'TXI' || typeOf(charge) !== type) return false;
      const other = element(charge.segment, 5);
      return place === '' || other === '' || other === place;
    });
    settle(header, same, (header.description.split(' (')[0] ?? 'tax').toLowerCase());
  }
  const kept = (charge: Charge811): Charge811 | null => {
    const settledAs = settled.get(charge);
    return settledAs === undefined ? charge : settledAs;
  };
  const others = result.charges
    .filter((charge) => !(isHeader(charge) && typeOf(charge) === ALL_TAXES))
    .map(kept)
    .filter((charge): charge is Charge811 => charge !== null && charge.category === 'tax');
  for (const header of headers) {
    if (typeOf(header) === ALL_TAXES) settle(header, others, 'taxes');
  }
  result.charges = result.charges
    .map(kept)
    .filter((charge): charge is Charge811 => charge !== null);
}

function lineContext(level: HlNode | null, invoice: Pick<DraftInvoice, 'accountNumber'>) {
  const { serviceIdRaw, otherIds } = serviceOf(level);
  const inherited = inheritedOf(level);
  const extras: Record<string, string> = {};
  // A line under a sub-account (REF*11 / REF*12 in its HL loop: a consolidated bill's master
  // account pays for it) is billed on that account: the line carries it, as AT&T's BANs under a
  // FAN do, so its service is matched, and judged, in the account the bill files it under.
  const { subAccount } = inherited;
  const ownAccount =
    subAccount !== undefined &&
    accountNumberKey(subAccount) !== accountNumberKey(invoice.accountNumber)
      ? subAccount
      : undefined;
  if (ownAccount !== undefined) extras['Sub-account'] = ownAccount;
  if (otherIds.length > 0) extras['Also identified as'] = otherIds.join(', ');
  return {
    serviceIdRaw,
    extras,
    accountNumber: ownAccount,
    periodStart: inherited.periodStart,
    periodEnd: inherited.periodEnd,
  };
}

/** Where IT1 and SLN keep quantity, unit, price and their first product qualifier. */
interface LineLayout {
  quantity: number;
  unit: number;
  price: number;
  firstProduct: number;
}
const IT1: LineLayout = { quantity: 2, unit: 3, price: 4, firstProduct: 6 };
const SLN: LineLayout = { quantity: 4, unit: 5, price: 6, firstProduct: 9 };

/** The description of the PID segments right after a line (PID05), or ''. */
function describedBy(body: readonly X12Segment[], index: number): string {
  for (let next = index + 1; next < body.length; next += 1) {
    const segment = body[next];
    if (segment?.id !== 'PID') break;
    const text = element(segment, 5);
    if (text !== '') return text;
  }
  return '';
}

function readLine(
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
function readTax(
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
function readAllowance(
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
