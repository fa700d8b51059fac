/**
 * The sentences that ask before an invoice is deleted: what goes with it (its charge lines, usage
 * and, when no other stored invoice comes from it, its original file) and what stays (its findings,
 * and the disputes holding them).
 */
import { plural } from '../../../../shared/text/wording';
import type { InvoiceDeletion } from '../../../db/invoice-deletion';

/** What deleting the invoice takes along and leaves, one sentence each. */
export function deletionSentences(deletion: InvoiceDeletion): string[] {
  const { findings, disputes } = deletion;
  const sentences = [
    `Its ${plural(deletion.lineCount, 'charge line')} and usage go with it, and its original file when no other stored invoice comes from it.`,
  ];
  const named = Object.values(findings).reduce((sum, count) => sum + count, 0);
  const decided = findings.credited + findings.dismissed + findings.resolved;
  if (named === 0) sentences.push('No finding names it.');
  else {
    const parts = [
      findings.open > 0 &&
        `${plural(findings.open, 'open one')} the next check finds no more on other bills ${findings.open === 1 ? 'is' : 'are'} marked resolved`,
      findings.disputed > 0 &&
        `${plural(findings.disputed, 'disputed one')} stay${findings.disputed === 1 ? 's' : ''} in ${disputes.join(' and ')}, which can then no longer list this invoice’s charge lines in its letter`,
      decided > 0 &&
        `${decided} credited, dismissed or resolved ${decided === 1 ? 'stays as it is' : 'stay as they are'}`,
    ].filter((part): part is string => typeof part === 'string');
    sentences.push(
      `${plural(named, 'finding')} name${named === 1 ? 's' : ''} it: ${parts.join('; ')}.`,
    );
  }
  sentences.push('You can undo right after.');
  return sentences;
}
