/** Spreading an amount over shares, and why an account-level charge could not be spread. */
import { splitLargestRemainder, type Cents } from '../money/cents';

/**
 * Why an invoice's account-level charges have no service charges to follow: it bills none, none of
 * them reached a cost center (each is an exception of its own), or their credits cancel them.
 */
export function nothingToSpreadOver(
  invoiceNumber: string,
  services: { billed: number; booked: number },
): string {
  if (services.billed === 0)
    return `Invoice ${invoiceNumber} bills only account-level charges, with no service charges to spread them over`;
  if (services.booked === 0)
    return `None of invoice ${invoiceNumber}'s service charges reached a cost center (each is listed with its own reason), so its account-level charges have none to follow`;
  return `Invoice ${invoiceNumber}'s service charges are cancelled by its credits (net zero), leaving nothing to spread its account-level charges over`;
}

/** Splits by the shares' basis points; a single share (the usual case) takes it all, with no work. */
export function splitShares(amount: Cents, shares: readonly { basisPoints: number }[]): Cents[] {
  if (shares.length === 1) return [amount];
  return splitLargestRemainder(
    amount,
    shares.map((share) => share.basisPoints),
  );
}
