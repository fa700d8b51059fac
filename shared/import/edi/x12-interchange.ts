/**
 * The envelope of an X12 interchange: ISA … IEA around functional groups GS … GE around
 * transaction sets ST … SE. Each trailer repeats its header's control number and counts what it
 * closes; a count or a control number that does not match means segments were lost or the file
 * was edited, and is reported with the trailer's segment number. Several interchanges may follow
 * each other in one file.
 */
import type { X12Segment } from './x12-segments';
import { element } from './x12-segments';

/** One transaction set (`ST` … `SE`) with the segments between them. */
export interface X12Transaction {
  /** ST01, e.g. `811`. */
  setId: string;
  /** ST02. */
  controlNumber: string;
  /** GS01 of its functional group, e.g. `CI`. */
  functionalId: string;
  st: X12Segment;
  /** The segments after ST and before SE. */
  body: X12Segment[];
  /** SE, or null when the file ended first. */
  se: X12Segment | null;
}

/** A problem with the envelope, at a segment and (when known) an element. */
export interface EnvelopeProblem {
  segment: X12Segment;
  position: number | null;
  problem: string;
}

/** The transactions of a file and the envelope problems found around them. */
export interface Interchange {
  transactions: X12Transaction[];
  problems: EnvelopeProblem[];
}

interface Open<T> {
  segment: X12Segment;
  controlNumber: string;
  children: T[];
}

/** Splits a file's segments into transactions, checking every trailer's count and control number. */
export function readInterchanges(segments: readonly X12Segment[]): Interchange {
  const transactions: X12Transaction[] = [];
  const problems: EnvelopeProblem[] = [];
  const report = (segment: X12Segment, position: number | null, problem: string) => {
    problems.push({ segment, position, problem });
  };
  let interchange: Open<string> | null = null;
  let group: (Open<string> & { functionalId: string }) | null = null;
  let transaction: X12Transaction | null = null;

  for (const segment of segments) {
    if (transaction !== null && segment.id !== 'SE' && !isEnvelope(segment.id)) {
      transaction.body.push(segment);
      continue;
    }
    switch (segment.id) {
      case 'ISA':
        if (interchange !== null)
          report(
            segment,
            null,
            'a new interchange (ISA) starts before the previous one ended (IEA): the file may hold a cut-off interchange.',
          );
        interchange = { segment, controlNumber: element(segment, 13), children: [] };
        break;
      case 'GS':
        group = {
          segment,
          controlNumber: element(segment, 6),
          children: [],
          functionalId: element(segment, 1).toUpperCase(),
        };
        interchange?.children.push(group.controlNumber);
        break;
      case 'ST':
        if (transaction !== null) closeUnended(transaction, segment, report);
        transaction = {
          setId: element(segment, 1),
          controlNumber: element(segment, 2),
          functionalId: group?.functionalId ?? '',
          st: segment,
          body: [],
          se: null,
        };
        transactions.push(transaction);
        group?.children.push(transaction.controlNumber);
        break;
      case 'SE':
        if (transaction === null) {
          report(segment, null, 'a transaction end (SE) with no transaction start (ST) before it.');
          break;
        }
        transaction.se = segment;
        checkTrailer(
          segment,
          'transaction',
          transaction.controlNumber,
          transaction.body.length + 2,
          report,
        );
        transaction = null;
        break;
      case 'GE':
        if (transaction !== null) closeUnended(transaction, segment, report);
        transaction = null;
        if (group === null) {
          report(segment, null, 'a group end (GE) with no group start (GS) before it.');
          break;
        }
        checkTrailer(
          segment,
          'functional group',
          group.controlNumber,
          group.children.length,
          report,
        );
        group = null;
        break;
      case 'IEA':
        if (interchange === null) {
          report(
            segment,
            null,
            'an interchange end (IEA) with no interchange start (ISA) before it.',
          );
          break;
        }
        checkTrailer(
          segment,
          'interchange',
          interchange.controlNumber,
          interchange.children.length,
          report,
        );
        interchange = null;
        break;
      default:
        report(segment, null, 'this segment is outside any transaction (ST … SE) and is not read.');
    }
  }
  const last = segments[segments.length - 1];
  if (last !== undefined) {
    if (transaction !== null) closeUnended(transaction, last, report);
    else if (group !== null)
      report(
        last,
        null,
        `the file ends before functional group ${group.controlNumber} is closed (GE): it was cut short.`,
      );
    else if (interchange !== null)
      report(
        last,
        null,
        `the file ends before interchange ${interchange.controlNumber} is closed (IEA): it was cut short.`,
      );
  }
  return { transactions, problems };
}

function isEnvelope(id: string): boolean {
  return id === 'ST' || id === 'GE' || id === 'IEA' || id === 'ISA' || id === 'GS';
}

function closeUnended(
  transaction: X12Transaction,
  at: X12Segment,
  report: (segment: X12Segment, position: number | null, problem: string) => void,
): void {
  report(
    at,
    null,
    `transaction ${transaction.controlNumber} (from segment ${transaction.st.number}) has no end (SE): the file was cut or damaged, so nothing of that transaction is imported.`,
  );
}

/** What each trailer closes, and what it counts. */
const TRAILER_UNITS = {
  transaction: 'segments',
  'functional group': 'transactions',
  interchange: 'functional groups',
} as const;

function checkTrailer(
  trailer: X12Segment,
  kind: keyof typeof TRAILER_UNITS,
  controlNumber: string,
  counted: number,
  report: (segment: X12Segment, position: number | null, problem: string) => void,
): void {
  const unit = TRAILER_UNITS[kind];
  const what = `${kind} ${controlNumber}`;
  const declared = element(trailer, 1);
  if (declared !== String(counted) && Number(declared) !== counted) {
    report(
      trailer,
      1,
      `${what} says it holds ${declared === '' ? 'no count of' : declared} ${unit} but holds ${counted}: ${unit} may be missing or the file was edited. Check its invoices against the carrier's bill.`,
    );
  }
  const closing = element(trailer, 2);
  if (closing !== controlNumber) {
    report(
      trailer,
      2,
      `the control number "${closing}" of ${what}'s end does not match the one at its start ("${controlNumber}"): parts of two ${unit === 'segments' ? 'transactions' : 'envelopes'} may be mixed up. Check its invoices against the carrier's bill.`,
    );
  }
}
