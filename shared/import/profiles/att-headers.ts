/**
 * Column headers of AT&T's Premier summary that code outside the import reads (the audit's usage
 * rules), in a module of their own so that code does not load the bill reader with them.
 */

/** The usage column of AT&T's summary: overage and mixed usage billed together. */
export const ATT_ACTIVITY_HEADER = 'Total activity since last bill';
