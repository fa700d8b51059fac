/**
 * The kinds of bill an account receives, for the checks that compare a bill with the account's
 * usual level: only bills of one kind are compared.
 */
import { CATEGORY_CODE } from './findings';
import type { InvoiceFacts } from './invoice-facts';

/**
 * An account's bills as series compared among themselves (by `spike` and `tax-drift`): its bills
 * of recurring charges (the monthly bill), and its bills of usage alone (a calling-plan usage
 * report beside the licence bill, a usage-only account). A $20 usage report must not pull the
 * average of $500 bills down and make every one a spike, nor an untaxed one lower their usual tax
 * share. A bill of neither (a credit memo, a supplemental bill of one-time charges) is no month's
 * level and is not judged: its charges are other rules'.
 */
export function billSeries(invoices: readonly InvoiceFacts[]): InvoiceFacts[][] {
  const { recurring, usage } = CATEGORY_CODE;
  const regular: InvoiceFacts[] = [];
  const usageOnly: InvoiceFacts[] = [];
  for (const facts of invoices) {
    if (bills(facts, recurring)) regular.push(facts);
    else if (bills(facts, usage)) usageOnly.push(facts);
  }
  return [regular, usageOnly];
}

/** Whether an invoice charges anything (a line above zero) of the category `code`. */
function bills(facts: InvoiceFacts, code: number): boolean {
  return facts.blocks.some((block) => {
    for (let row = 0; row < block.count; row++) {
      if (block.category[row] === code && (block.amount[row] ?? 0) > 0) return true;
    }
    return false;
  });
}
