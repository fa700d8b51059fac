/**
 * The sentences that ask before an invoice is deleted: what goes with it (its charge lines, usage
 * and the files no other stored invoice comes from, by name) and what stays (the files other
 * invoices still come from, its findings, and the disputes holding them).
 */
import { plural } from '../../../../shared/text/wording';
import type { InvoiceDeletion } from '../../../db/invoice-deletion';

/** What deleting the invoice takes along and leaves, one sentence each. */
export function deletionSentences(deletion: InvoiceDeletion): string[] {
  const { findings, disputes, files } = deletion;
  const going = [
    plural(deletion.lineCount, 'charge line'),
    ...(deletion.usage ? ['usage'] : []),
    ...(files.going.length === 0
      ? []
      : [`original ${files.going.length === 1 ? 'file' : 'files'} ${listed(files.going)}`]),
  ];
  const one = going.length === 1 && deletion.lineCount === 1;
  const sentences = [`Its ${listed(going)} ${one ? 'goes' : 'go'} with it.`];
  if (files.staying.length > 0)
    sentences.push(
      `${files.staying.length === 1 ? 'Its original file' : 'Its original files'} ${listed(files.staying)} ${files.staying.length === 1 ? 'stays' : 'stay'}: other stored invoices come from ${files.staying.length === 1 ? 'it' : 'them'} too.`,
    );
  const named = Object.values(findings).reduce((sum, count) => sum + count, 0);
  const decided = findings.credited + findings.dismissed + findings.resolved;
  if (named === 0) sentences.push('No finding names it.');
  else {
    const parts = [
      findings.open > 0 &&
        `${plural(findings.open, 'open one')} the next check finds no more on other bills ${findings.open === 1 ? 'is' : 'are'} marked resolved`,
      findings.disputed > 0 &&
        (disputes.length === 0
          ? `${plural(findings.disputed, 'disputed one')} stay${findings.disputed === 1 ? 's' : ''} disputed`
          : `${plural(findings.disputed, 'disputed one')} stay${findings.disputed === 1 ? 's' : ''} in ${listed(disputes)}, which can then no longer list this invoice’s charge lines in ${disputes.length === 1 ? 'its letter' : 'their letters'}`),
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

/** `a`, `a and b`, `a, b and c`. */
function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}
