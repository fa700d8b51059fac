/**
 * Credits recorded against a dispute: the amount as typed, and how far one goes past what the
 * claim still waits for. Pure: the form and the Dexie repository (`renderer/db/disputes.ts`) both
 * use it.
 */
import type { Dispute } from '../model';
import { centsFromText, cents, formatCents, type Cents } from '../money/cents';
import { fail, ok, type Result } from '../result';

/**
 * A credit amount typed by the user (`32`, `$32.00`, `1,250.50`) → positive cents. A credit is
 * money seen on a bill, to the cent: fractions of a cent (`12.345`) are refused, never rounded, and
 * so are blank, zero and negative amounts.
 */
export function creditAmountFromText(text: string): Result<Cents> {
  const parsed = centsFromText(text, { subCent: 'reject' });
  if (!parsed.ok) return parsed;
  if (parsed.value === null) return fail('Enter the credit amount, e.g. 32.00.');
  if (parsed.value <= 0)
    return fail(`A credit is a positive amount, e.g. 32.00; found "${text.trim()}".`, {
      value: text,
    });
  return ok(parsed.value);
}

/**
 * The expected credit as typed on a dispute's form: blank (the claim is expected) is undefined;
 * otherwise a positive amount to the cent, as a credit is ({@link creditAmountFromText}) — a
 * zero or negative expectation would call the dispute credited by any credit, or none — and no
 * more than the dispute's claim `claimed` ({@link expectedAboveClaimProblem}); else the sentence
 * saying why not, naming the field.
 */
export function expectedCreditOf(text: string, claimed: Cents): Cents | undefined | string {
  if (text.trim() === '') return undefined;
  const read = creditAmountFromText(text);
  if (!read.ok) return `Expected credit: ${read.errors[0]?.message ?? ''}`;
  return expectedAboveClaimProblem(read.value, claimed) ?? read.value;
}

/**
 * Why an expected credit above the dispute's claim is refused, naming the field and both amounts;
 * null when it is within the claim. A credit expected above what was claimed is almost always a
 * typo (a digit too many, the invoice's total for the disputed amount), and it would keep the
 * dispute from counting as credited once the whole claim came back. A carrier that credits more
 * than claimed is recorded as such when the credit comes ({@link creditAboveClaimMessage}).
 */
export function expectedAboveClaimProblem(
  expected: Cents | undefined,
  claimed: Cents,
): string | null {
  if (expected === undefined || expected <= claimed) return null;
  return (
    `Expected credit: ${formatCents(expected)} is more than the ${formatCents(claimed)} this ` +
    `dispute claims. Enter at most ${formatCents(claimed)}, or leave it blank to expect the claim.`
  );
}

/** What the claim still waits for: the claimed amount less the credits recorded, never below 0. */
export function outstandingOf(dispute: Pick<Dispute, 'claimedAmount' | 'creditedAmount'>): Cents {
  return cents(Math.max(0, dispute.claimedAmount - dispute.creditedAmount));
}

/** How much `amount` goes past what the claim still waits for; 0 when it does not. */
export function creditAboveClaim(
  dispute: Pick<Dispute, 'claimedAmount' | 'creditedAmount'>,
  amount: Cents,
): Cents {
  return cents(Math.max(0, amount - outstandingOf(dispute)));
}

/**
 * The sentence that asks to confirm a credit larger than what is outstanding (carriers do
 * sometimes credit more than claimed: a whole month, the taxes too).
 */
export function creditAboveClaimMessage(
  dispute: Pick<Dispute, 'claimedAmount' | 'creditedAmount'>,
  amount: Cents,
): string {
  const excess = creditAboveClaim(dispute, amount);
  return (
    `A credit of ${formatCents(amount)} is ${formatCents(excess)} more than the ` +
    `${formatCents(outstandingOf(dispute))} still outstanding on this ` +
    `${formatCents(dispute.claimedAmount)} claim. If the bill really shows it, record it anyway.`
  );
}
