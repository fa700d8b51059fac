/**
 * The first pass over an 811 transaction: the invoice's header (BIG, REF, N1, ITD, DTM before the
 * first HL), its stated total (TDS) and the HL tree with what each HL level names (services by
 * SI*TI / SI*CI / REF*CN, sub-accounts by REF*11 / REF*12, periods by DTM*186 / DTM*187), and
 * the remit-to party (N1*RE / N1*RI with the N2, N3 and N4 after it) as the invoice's `remitTo`.
 */
import type { IsoDate } from '../../dates';
import { addDays } from '../../dates';
import type { Cents } from '../../money/cents';
import type { X12Segment } from './x12-segments';
import { element } from './x12-segments';
import type { ValueRead } from './x12-values';
import { readImpliedCents, readX12Date } from './x12-values';

/** A problem at a segment and (when known) an element. */
export interface SegmentProblem {
  segment: X12Segment;
  position: number | null;
  problem: string;
}

/** One HL level: what it names, and its parent. */
export interface HlNode {
  id: string;
  parent: HlNode | null;
  /** The level's code (HL03: `8` for a service in most carriers' 811s), `''` when absent. */
  code: string;
  /** The HL segment's number in the file, to name it. */
  segmentNumber: number;
  /**
   * The service billed, as written: the level's circuit ID (SI*CI / SI*CN, REF*CN) when it names
   * one, else its phone number (SI*TN / SI*TI).
   */
  serviceIdRaw?: string;
  /** Whether {@link serviceIdRaw} is a circuit ID or a phone number. */
  serviceKind?: IdentifierKind;
  /** Other identifiers the level names (a circuit's phone number), for the line's extras. */
  otherIds: string[];
  /** A sub-account number (REF*11 / REF*12 inside the HL). */
  subAccount?: string;
  periodStart?: IsoDate;
  periodEnd?: IsoDate;
}

/** What the first pass found. */
export interface Header811 {
  invoiceNumber?: string;
  invoiceDate?: IsoDate;
  big?: X12Segment;
  carrierName?: string;
  /**
   * Where to send payment, as printed: the remit-to party's name (N1*RE or N1*RI) and the address
   * lines after it (N2, N3, N4), joined with `, ` (`Lumen Remittance Center, PO Box 910182,
   * Denver, CO 80291`).
   */
  remitTo?: string;
  /** The account number, by the first qualifier present of {@link ACCOUNT_QUALIFIERS}. */
  accountNumber?: string;
  dueDate?: IsoDate;
  periodStart?: IsoDate;
  periodEnd?: IsoDate;
  statedTotal: Cents | null;
  tds?: X12Segment;
  /** The HL level each segment after the first HL belongs to (null in the summary, after TDS). */
  levelOf: Map<X12Segment, HlNode | null>;
  problems: SegmentProblem[];
}

/** REF qualifiers read as the account number, the first present wins: 12 Billing Account, 11 Account Number, AN. */
export const ACCOUNT_QUALIFIERS = ['12', '11', 'AN'] as const;
/** N1 entity codes naming the carrier: SE Selling Party, VN Vendor. */
const CARRIER_ENTITIES = new Set(['SE', 'VN']);
/** N1 entity codes naming where to pay: RE Party to receive remittance, RI Remit To. */
const REMIT_ENTITIES = new Set(['RE', 'RI']);
/** What an identifier names: a circuit, or a telephone number. */
type IdentifierKind = 'circuit' | 'phone';
/** SI qualifiers naming a phone number or a circuit. */
const PHONE_QUALIFIERS = new Set(['TI', 'TN']);
const CIRCUIT_QUALIFIERS = new Set(['CI', 'CN']);

/** Reads the header, total and HL tree of a transaction's segments (the body between ST and SE). */
export function readHeader811(body: readonly X12Segment[]): Header811 {
  const header: Header811 = { statedTotal: null, levelOf: new Map(), problems: [] };
  const accounts = new Map<string, string>();
  const nodes = new Map<string, HlNode>();
  let level: HlNode | null = null;
  let inLoops = false;
  /** The remit-to party's name and address lines while its N1 loop lasts (null outside it). */
  let remit: string[] | null = null;
  const problem = (segment: X12Segment, position: number | null, text: string) => {
    header.problems.push({ segment, position, problem: text });
  };
  const date = (segment: X12Segment, position: number): IsoDate | undefined => {
    const read = readX12Date(element(segment, position));
    return valueOr(read, (text) => problem(segment, position, text));
  };

  for (const segment of body) {
    if (inLoops) header.levelOf.set(segment, level);
    if (remit !== null && !readRemitAddress(segment, remit)) {
      if (remit.length > 0) header.remitTo ??= remit.join(', ');
      remit = null;
    }
    switch (segment.id) {
      case 'BIG':
        if (header.big !== undefined) {
          problem(
            segment,
            null,
            'a second invoice beginning (BIG) in one transaction is not read.',
          );
          break;
        }
        header.big = segment;
        header.invoiceDate = date(segment, 1);
        header.invoiceNumber = element(segment, 2) || undefined;
        break;
      case 'REF':
        readRef(segment, inLoops ? level : null, accounts);
        break;
      case 'N1':
        if (inLoops) break;
        if (CARRIER_ENTITIES.has(element(segment, 1)))
          header.carrierName ??= element(segment, 2) || undefined;
        if (REMIT_ENTITIES.has(element(segment, 1)) && header.remitTo === undefined) {
          remit = partsOf([element(segment, 2)]);
        }
        break;
      case 'ITD':
        if (!inLoops) readTerms(segment, header, problem);
        break;
      case 'DTM': {
        const qualifier = element(segment, 1);
        if (qualifier !== '186' && qualifier !== '187') break;
        const value = date(segment, 2);
        const target = level ?? (inLoops ? null : header);
        if (target === null || value === undefined) break;
        if (qualifier === '186') target.periodStart = value;
        else target.periodEnd = value;
        break;
      }
      case 'HL': {
        inLoops = true;
        level = readHl(segment, nodes, problem);
        header.levelOf.set(segment, level);
        break;
      }
      case 'SI':
        if (level !== null) readSi(segment, level);
        break;
      case 'TDS': {
        header.tds = segment;
        const read = readImpliedCents(element(segment, 1));
        header.statedTotal =
          valueOr(read, (text) =>
            problem(segment, 1, `${text}; the invoice's stated total is not known.`),
          ) ?? null;
        // Segments after the total are the invoice's summary, not part of the last service.
        level = null;
        break;
      }
      default:
        break;
    }
  }
  if (remit !== null && remit.length > 0) header.remitTo ??= remit.join(', ');
  for (const qualifier of ACCOUNT_QUALIFIERS) {
    const account = accounts.get(qualifier);
    if (account !== undefined) {
      header.accountNumber = account;
      break;
    }
  }
  // No account in the header: the first account level's number is the invoice's account.
  header.accountNumber ??= [...nodes.values()].find(
    (node) => node.subAccount !== undefined,
  )?.subAccount;
  return header;
}

/** The non-blank texts, trimmed. */
function partsOf(texts: readonly string[]): string[] {
  return texts.map((text) => text.trim()).filter((text) => text !== '');
}

/**
 * N2 (more name), N3 (address lines) and N4 (city, state, postal code) of the remit-to party's
 * loop, added to `parts`; false for any other segment, which ends the loop.
 */
function readRemitAddress(segment: X12Segment, parts: string[]): boolean {
  switch (segment.id) {
    case 'N2':
    case 'N3':
      parts.push(...partsOf([element(segment, 1), element(segment, 2)]));
      return true;
    case 'N4': {
      const [city = '', state = '', postalCode = ''] = [1, 2, 3].map((position) =>
        element(segment, position).trim(),
      );
      const place = partsOf([`${state} ${postalCode}`]);
      parts.push(...partsOf([city]), ...place);
      return true;
    }
    default:
      return false;
  }
}

function valueOr<T>(read: ValueRead<T>, onProblem: (problem: string) => void): T | undefined {
  if (read.ok) return read.value;
  onProblem(read.problem);
  return undefined;
}

/** REF: account numbers (header, or a sub-account inside an HL) and circuit IDs (REF*CN). */
function readRef(segment: X12Segment, level: HlNode | null, accounts: Map<string, string>): void {
  const qualifier = element(segment, 1);
  const value = element(segment, 2);
  if (value === '') return;
  if (qualifier === 'CN') {
    if (level === null) return;
    nameService(level, value, 'circuit');
    return;
  }
  if (!(ACCOUNT_QUALIFIERS as readonly string[]).includes(qualifier)) return;
  if (level === null) {
    if (!accounts.has(qualifier)) accounts.set(qualifier, value);
  } else {
    level.subAccount ??= value;
  }
}

/**
 * Names a level's service. A circuit ID is the service of the level whatever came first: a phone
 * number beside it (`SI*TI*TN*6125550100*CI*12.HCGS…`) is the circuit's billing or working
 * telephone number, kept with the other identifiers. Of two identifiers of one kind, the first is
 * the service.
 */
function nameService(level: HlNode, id: string, kind: IdentifierKind): void {
  if (level.serviceIdRaw === id) return;
  if (level.serviceIdRaw === undefined) {
    level.serviceIdRaw = id;
    level.serviceKind = kind;
    return;
  }
  if (kind === 'circuit' && level.serviceKind === 'phone') {
    level.otherIds = [level.serviceIdRaw, ...level.otherIds.filter((other) => other !== id)];
    level.serviceIdRaw = id;
    level.serviceKind = kind;
    return;
  }
  if (!level.otherIds.includes(id)) level.otherIds.push(id);
}

/** What an SI qualifier names, or null when it names neither a circuit nor a phone number. */
function kindOf(qualifier: string): IdentifierKind | null {
  if (CIRCUIT_QUALIFIERS.has(qualifier)) return 'circuit';
  return PHONE_QUALIFIERS.has(qualifier) ? 'phone' : null;
}

/**
 * SI: qualifier/value pairs after the agency code SI01 (`SI*TI*TN*5550100001`, `SI*TI*CI*BBEC…`);
 * a sender writing the qualifier in SI01 (`SI*TI*5550100001`, `SI*CI*BBEC…`) is read too.
 */
function readSi(segment: X12Segment, level: HlNode): void {
  let named = false;
  for (let position = 2; position + 1 <= segment.elements.length; position += 2) {
    const kind = kindOf(element(segment, position));
    const value = element(segment, position + 1);
    if (value === '' || kind === null) continue;
    nameService(level, value, kind);
    named = true;
  }
  const kind = kindOf(element(segment, 1));
  const second = element(segment, 2);
  if (!named && second !== '' && kind !== null) nameService(level, second, kind);
}

/** ITD: the net due date ITD06, else the invoice date plus the net days ITD07. */
function readTerms(
  segment: X12Segment,
  header: Header811,
  problem: (segment: X12Segment, position: number | null, text: string) => void,
): void {
  const netDate = element(segment, 6);
  if (netDate !== '') {
    const read = readX12Date(netDate);
    if (read.ok) header.dueDate = read.value;
    else problem(segment, 6, read.problem);
    return;
  }
  const days = element(segment, 7);
  if (days === '') return;
  if (!/^\d{1,3}$/.test(days)) {
    problem(segment, 7, `expected a number of days, found "${days.slice(0, 20)}"`);
    return;
  }
  if (header.invoiceDate !== undefined) header.dueDate = addDays(header.invoiceDate, Number(days));
}

/** HL: a level with its id (HL01) and its parent (HL02), which must be an earlier level. */
function readHl(
  segment: X12Segment,
  nodes: Map<string, HlNode>,
  problem: (segment: X12Segment, position: number | null, text: string) => void,
): HlNode {
  const id = element(segment, 1);
  const parentId = element(segment, 2);
  let parent: HlNode | null = null;
  if (parentId !== '') {
    parent = nodes.get(parentId) ?? null;
    if (parent === null) {
      problem(
        segment,
        2,
        `the parent level "${parentId.slice(0, 20)}" is not an earlier HL of this invoice; the level is read as a top level (its charges are not tied to a service named above it).`,
      );
    }
  }
  const node: HlNode = {
    id,
    parent,
    code: element(segment, 3),
    segmentNumber: segment.number,
    otherIds: [],
  };
  if (id === '')
    problem(segment, 1, 'the level (HL) has no id; levels below it cannot point at it.');
  else if (nodes.has(id))
    problem(
      segment,
      1,
      `the level id "${id.slice(0, 20)}" is used twice; levels below point at the later one.`,
    );
  if (id !== '') nodes.set(id, node);
  return node;
}

/** The service a level bills (its own, else its nearest ancestor's), or '' for account level. */
export function serviceOf(level: HlNode | null): { serviceIdRaw: string; otherIds: string[] } {
  for (let node = level; node !== null; node = node.parent) {
    if (node.serviceIdRaw !== undefined)
      return { serviceIdRaw: node.serviceIdRaw, otherIds: node.otherIds };
  }
  return { serviceIdRaw: '', otherIds: [] };
}

/** The nearest sub-account, period start and period end of a level and its ancestors. */
export function inheritedOf(
  level: HlNode | null,
): Pick<HlNode, 'subAccount' | 'periodStart' | 'periodEnd'> {
  const found: Pick<HlNode, 'subAccount' | 'periodStart' | 'periodEnd'> = {};
  for (let node = level; node !== null; node = node.parent) {
    found.subAccount ??= node.subAccount;
    found.periodStart ??= node.periodStart;
    found.periodEnd ??= node.periodEnd;
  }
  return found;
}
