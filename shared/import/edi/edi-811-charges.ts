/**
 * The second pass over an 811 transaction: its charges. IT1 and SLN lines, TXI taxes and SAC
 * allowances and charges (each read by `edi-811-lines`) become charge lines of the invoice, tied to
 * the service their HL level names; a header tax restating the lines' taxes is not charged again.
 */
import { accountNumberKey } from '../../ids/keys';
import { cents, centsToDecimalString } from '../../money/cents';
import type { DraftInvoice } from '../draft';
import type { HlNode, SegmentProblem } from './edi-811-header';
import { inheritedOf, serviceOf } from './edi-811-header';
import {
  describedBy,
  IT1,
  readAllowance,
  readLine,
  readTax,
  SLN,
  type Charge811,
} from './edi-811-lines';
import type { X12Segment } from './x12-segments';
import { element } from './x12-segments';

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
      if (isSub) {
        // SLN03 says how a sub-line stands to the line above it: A adds to it (a charge of its
        // own), I is included in it and O is information only (neither charged again). Codes are
        // read whatever their case; a missing or other code is a problem, never a guess that
        // would charge an included line twice.
        const relationship = element(segment, 3).trim().toUpperCase();
        if (relationship === 'I' || relationship === 'O') {
          result.included.push({
            segment,
            reason: `Not charged again: this sub-line (SLN03 "${relationship}") is ${relationship === 'I' ? 'included in' : 'information about'} the line above it.`,
          });
          return;
        }
        if (relationship !== 'A') {
          problem(3, subLineRelationshipProblem(element(segment, 3)));
          return;
        }
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

/** Why a sub-line whose SLN03 is not A, I or O is not read. */
function subLineRelationshipProblem(code: string): string {
  const found = code.trim() === '' ? 'it is empty' : `found "${code.trim().slice(0, 20)}"`;
  return `the sub-line's relationship to the line above it (SLN03) must be A (added to it), I (included in it) or O (information only); ${found}, so whether it is charged is not known`;
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
