/**
 * The envelope of an X12 interchange: ISA … IEA around functional groups GS … GE around
 * transaction sets ST … SE. Each trailer repeats its header's control number and counts what it
 * closes; a count or a control number that does not match means segments were lost or the file
 * was edited, and is reported with the trailer's segment number. Several interchanges may follow
 * each other in one file. Segments are taken one at a time and each transaction is handed on as
 * soon as it ends, so only one transaction's segments are held at once.
 */
import type { X12Segment } from './x12-segments';
import { element } from './x12-segments';

/** One transaction set (`ST` … `SE`) with the segments between them. */
export interface X12Transaction {
  /** ST01, e.g. `811`. */
  setId: string;
  /** ST02. */
  controlNumber: string;
  st: X12Segment;
  /** The segments after ST and before SE. */
  body: X12Segment[];
}

/** Where the envelope reader reports: each complete transaction, and each problem. */
export interface EnvelopeListener {
  /** A transaction closed by its SE (one with no SE is reported as a problem, never handed on). */
  onTransaction(transaction: X12Transaction): void;
  onProblem(segment: X12Segment, position: number | null, problem: string): void;
}

/** An open envelope: its header's control number and how many parts it holds so far. */
interface Open {
  controlNumber: string;
  count: number;
}

/** What each trailer closes, and what it counts. */
const TRAILER_UNITS = {
  transaction: 'segments',
  'functional group': 'transactions',
  interchange: 'functional groups',
} as const;

const ENVELOPE_IDS = new Set(['ISA', 'GS', 'ST', 'GE', 'IEA']);

/**
 * Whether a trailer's control number is its header's. ISA13/IEA02 and GS06/GE02 are numbers in
 * X12 (`202`, `0202` and `000000202` are one number: an unpadded ISA writes it short); ST02/SE02
 * is text and must be written the same.
 */
function sameControlNumber(
  kind: keyof typeof TRAILER_UNITS,
  closing: string,
  opening: string,
): boolean {
  if (closing === opening) return true;
  if (kind === 'transaction') return false;
  return /^\d+$/.test(closing) && /^\d+$/.test(opening) && Number(closing) === Number(opening);
}

/** Follows the envelope segment by segment ({@link EnvelopeReader.add}, then {@link EnvelopeReader.end}). */
export class EnvelopeReader {
  private interchange: Open | null = null;
  private group: Open | null = null;
  private transaction: X12Transaction | null = null;
  private last: X12Segment | null = null;

  constructor(private readonly listener: EnvelopeListener) {}

  add(segment: X12Segment): void {
    this.last = segment;
    const open = this.transaction;
    if (open !== null && segment.id !== 'SE' && !ENVELOPE_IDS.has(segment.id)) {
      open.body.push(segment);
      return;
    }
    const report = this.listener.onProblem.bind(this.listener);
    switch (segment.id) {
      case 'ISA':
        if (this.interchange !== null) {
          report(
            segment,
            null,
            'a new interchange (ISA) starts before the previous one ended (IEA): the file may hold a cut-off interchange.',
          );
        }
        this.interchange = { controlNumber: element(segment, 13), count: 0 };
        break;
      case 'GS':
        this.group = { controlNumber: element(segment, 6), count: 0 };
        if (this.interchange !== null) this.interchange.count += 1;
        break;
      case 'ST':
        this.closeUnended(segment);
        this.transaction = {
          setId: element(segment, 1),
          controlNumber: element(segment, 2),
          st: segment,
          body: [],
        };
        if (this.group !== null) this.group.count += 1;
        break;
      case 'SE':
        if (open === null) {
          report(segment, null, 'a transaction end (SE) with no transaction start (ST) before it.');
          break;
        }
        this.checkTrailer(segment, 'transaction', {
          controlNumber: open.controlNumber,
          count: open.body.length + 2,
        });
        this.transaction = null;
        this.listener.onTransaction(open);
        break;
      case 'GE':
        this.closeUnended(segment);
        if (this.group === null)
          report(segment, null, 'a group end (GE) with no group start (GS) before it.');
        else this.checkTrailer(segment, 'functional group', this.group);
        this.group = null;
        break;
      default:
        // IEA: every other segment outside a transaction was taken above or is reported here.
        if (segment.id !== 'IEA') {
          report(
            segment,
            null,
            'this segment is outside any transaction (ST … SE) and is not read.',
          );
        } else if (this.interchange === null) {
          this.closeUnended(segment);
          report(
            segment,
            null,
            'an interchange end (IEA) with no interchange start (ISA) before it.',
          );
        } else {
          this.closeUnended(segment);
          this.checkTrailer(segment, 'interchange', this.interchange);
          this.interchange = null;
        }
    }
  }

  /** The end of the file: whatever is still open was cut short. */
  end(): void {
    const last = this.last;
    if (last === null) return;
    const report = this.listener.onProblem.bind(this.listener);
    if (this.transaction !== null) this.closeUnended(last);
    else if (this.group !== null)
      report(
        last,
        null,
        `the file ends before functional group ${this.group.controlNumber} is closed (GE): it was cut short.`,
      );
    else if (this.interchange !== null)
      report(
        last,
        null,
        `the file ends before interchange ${this.interchange.controlNumber} is closed (IEA): it was cut short.`,
      );
  }

  /** Reports an open transaction that a segment other than its SE closes; it is not handed on. */
  private closeUnended(at: X12Segment): void {
    const open = this.transaction;
    if (open === null) return;
    this.transaction = null;
    this.listener.onProblem(
      at,
      null,
      `transaction ${open.controlNumber} (from segment ${open.st.number}) has no end (SE): the file was cut or damaged, so nothing of that transaction is imported.`,
    );
  }

  private checkTrailer(trailer: X12Segment, kind: keyof typeof TRAILER_UNITS, open: Open): void {
    const unit = TRAILER_UNITS[kind];
    const what = `${kind} ${open.controlNumber}`;
    const declared = element(trailer, 1);
    if (declared !== String(open.count) && Number(declared) !== open.count) {
      this.listener.onProblem(
        trailer,
        1,
        `${what} says it holds ${declared === '' ? 'no count of' : declared} ${unit} but holds ${open.count}: ${unit} may be missing or the file was edited. Check its invoices against the carrier's bill.`,
      );
    }
    const closing = element(trailer, 2);
    if (!sameControlNumber(kind, closing, open.controlNumber)) {
      this.listener.onProblem(
        trailer,
        2,
        `the control number "${closing}" of ${what}'s end does not match the one at its start ("${open.controlNumber}"): parts of two ${unit === 'segments' ? 'transactions' : 'envelopes'} may be mixed up. Check its invoices against the carrier's bill.`,
      );
    }
  }
}
