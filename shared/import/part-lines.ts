/**
 * The charge lines of a file judged against the files of its invoice read before it (see
 * `draft-parts.ts`), as counts of line signatures: what a line bills, for how much, how often.
 */
import { isAccountLevelWord } from '../ids/identifiers';
import type { DraftChargeLine } from './draft';
import { headerKey } from './header-key';

/** Whether two files' lines are the same, each as often. */
export function sameCounts(
  a: ReadonlyMap<string, number>,
  b: ReadonlyMap<string, number>,
): boolean {
  if (a.size !== b.size) return false;
  for (const [sig, count] of a) if (b.get(sig) !== count) return false;
  return true;
}

/** Whether every line of `part` is in `whole`, at least as often. */
export function within(
  part: ReadonlyMap<string, number>,
  whole: ReadonlyMap<string, number>,
): boolean {
  for (const [sig, count] of part) if ((whole.get(sig) ?? 0) < count) return false;
  return true;
}

/** The lines of several files together, as signature counts. */
export function unionOf(
  files: readonly { counts: ReadonlyMap<string, number> }[],
): Map<string, number> {
  const union = new Map<string, number>();
  for (const file of files)
    for (const [sig, count] of file.counts) union.set(sig, (union.get(sig) ?? 0) + count);
  return union;
}

/**
 * What a line bills, for how much, as two exports of one bill write it alike: the service by its
 * match key (`555-000-0002` ≡ `5550000002`, `N/A` ≡ blank), the description as headers are
 * compared (`Monthly charges` ≡ `Monthly Charges`). A bill downloaded twice in two spellings (the
 * Raw Data Download and the My Business export) is then a copy, never another part of itself.
 */
export function signature(line: SignedLine): string {
  return [
    serviceOf(line),
    headerKey(line.description),
    line.category,
    line.amount,
    line.quantity ?? '',
    line.periodStart ?? '',
    line.periodEnd ?? '',
  ].join('\u0000');
}

/** What {@link signature} reads of a line (a drafted one, or one stored with an invoice). */
export type SignedLine = Pick<
  DraftChargeLine,
  | 'serviceKey'
  | 'serviceIdRaw'
  | 'description'
  | 'category'
  | 'amount'
  | 'quantity'
  | 'periodStart'
  | 'periodEnd'
>;

/** Lines as signature counts: what each bills, for how much, how often. */
export function signatureCounts(lines: Iterable<SignedLine>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const sig = signature(line);
    counts.set(sig, (counts.get(sig) ?? 0) + 1);
  }
  return counts;
}

/** A line's service as its signature holds it: its match key, '' for the account's own charges. */
function serviceOf(line: SignedLine): string {
  if (line.serviceKey !== null) return line.serviceKey;
  const raw = line.serviceIdRaw;
  return raw.length <= 24 && isAccountLevelWord(raw) ? '' : raw;
}

/** A line's signature without its amount and quantity: what it bills, not for how much. */
export function itemOf(sig: string): string {
  const [service, description, category, , , start, end] = sig.split('\u0000');
  return [service, description, category, start, end].join('\u0000');
}

/**
 * Whether a signature is of an account-level line (taxes, fees, account credits): no service, or
 * a word saying so where the service would be (`N/A`, `Account`).
 */
function isAccountLevel(sig: string): boolean {
  const service = sig.slice(0, sig.indexOf('\u0000'));
  return service === '' || (service.length <= 24 && isAccountLevelWord(service));
}

/**
 * Whether `own` bills exactly the items `before` bills, each as many times, at other amounts: the
 * same bill again after a correction (every charge re-rated), not another part of it. Only lines
 * naming a service count as items: parts of an export by department each carry account-level
 * lines (taxes, local service) of the same descriptions, and are parts, never a re-issue.
 */
export function billsSameItems(
  own: ReadonlyMap<string, number>,
  before: ReadonlyMap<string, number>,
) {
  const itemsOf = (counts: ReadonlyMap<string, number>) => {
    const items = new Map<string, number>();
    for (const [sig, count] of counts) {
      const item = itemOf(sig);
      // Account-level lines (taxes, surcharges) are re-rated with the rest; they tell nothing.
      if (isAccountLevel(item)) continue;
      items.set(item, (items.get(item) ?? 0) + count);
    }
    return items;
  };
  const mine = itemsOf(own);
  const theirs = itemsOf(before);
  if (mine.size === 0 || mine.size !== theirs.size) return false;
  for (const [item, count] of mine) if (theirs.get(item) !== count) return false;
  return true;
}

/**
 * Whether `own` repeats of `before` only account-level lines, and bills services none of which
 * `before` bills: another part of the invoice (a report run per cost centre or department) that
 * carries the account's own charges as every part does, never a re-export of the same lines.
 */
export function repeatsAccountLinesOnly(
  own: ReadonlyMap<string, number>,
  before: ReadonlyMap<string, number>,
): boolean {
  const servicesBefore = new Set<string>();
  for (const sig of before.keys())
    if (!isAccountLevel(sig)) servicesBefore.add(sig.slice(0, sig.indexOf('\u0000')));
  let services = 0;
  for (const sig of own.keys()) {
    if (isAccountLevel(sig)) continue;
    if (servicesBefore.has(sig.slice(0, sig.indexOf('\u0000')))) return false;
    services += 1;
  }
  return services > 0;
}

/**
 * The account-level lines `own` repeats as a block: those of the first file before it that has
 * any, when `own` holds every one of them (a report per cost centre carries the same block in
 * each part); else none. A part whose account-level lines are its own share (another amount for
 * some) repeats no block: a line of it matching another part's by chance is billed twice.
 */
export function repeatedAccountBlock(
  own: ReadonlyMap<string, number>,
  files: readonly { counts: ReadonlyMap<string, number> }[],
): Map<string, number> {
  for (const file of files) {
    const block = new Map<string, number>();
    for (const [sig, count] of file.counts) if (isAccountLevel(sig)) block.set(sig, count);
    if (block.size === 0) continue;
    return within(block, own) ? block : new Map();
  }
  return new Map();
}

/**
 * The contender's lines already read in `before` (each as often as read there: `repeated`, by
 * place) and its other lines (`rest`, as signature counts).
 */
export function splitRepeated(
  places: readonly number[],
  before: ReadonlyMap<string, number>,
  lineAt: (at: number) => DraftChargeLine,
): { repeated: number[]; rest: Map<string, number> } {
  const left = new Map(before);
  const repeated: number[] = [];
  const rest = new Map<string, number>();
  for (const at of places) {
    const sig = signature(lineAt(at));
    const count = left.get(sig) ?? 0;
    if (count > 0) {
      left.set(sig, count - 1);
      repeated.push(at);
    } else rest.set(sig, (rest.get(sig) ?? 0) + 1);
  }
  return { repeated, rest };
}

/** The lines of a file read before, as signature counts. */
export interface EarlierFile {
  file: string;
  counts: ReadonlyMap<string, number>;
  /** Its services billed on one row of several charges (see {@link oneRowServices}), if known. */
  rows?: OneRowServices;
}

/** Per service billed on a single row of a file: that row's charges, as signature counts. */
export type OneRowServices = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** A signature's service (its match key; '' for the account's own charges). */
function serviceOfSig(sig: string): string {
  return sig.slice(0, sig.indexOf('\u0000'));
}

/**
 * The services a file bills on a single row, each with that row's charges (a summary's row: the
 * line's monthly charge, surcharges and taxes side by side). A page of a bill holds its rows
 * whole: a service billed on one row on both sides is billed with the same charges on both, and a
 * row of it with a charge added or taken away is another version of the bill. Lines with no row
 * known, services billed on several rows and the account's own charges tell nothing: left out.
 */
export function oneRowServices(
  lines: Iterable<SignedLine & { sourceRow?: number; sourceFile?: string }>,
): OneRowServices {
  const tally = new OneRowTally();
  for (const line of lines) tally.add(line);
  return tally.services();
}

/** {@link oneRowServices} of lines met one at a time (a file's, as the draft's lines go by). */
export class OneRowTally {
  /** Each service's row (file and row number), or null once it is met on a second row. */
  private readonly rowOf = new Map<string, string | null>();
  private readonly charges = new Map<string, Map<string, number>>();

  add(line: SignedLine & { sourceRow?: number; sourceFile?: string }): void {
    const sig = signature(line);
    if (isAccountLevel(sig)) return;
    const service = serviceOfSig(sig);
    const row =
      line.sourceRow === undefined ? null : `${line.sourceFile ?? ''}\u0000${line.sourceRow}`;
    const seen = this.rowOf.get(service);
    this.rowOf.set(service, seen === undefined || seen === row ? row : null);
    let counts = this.charges.get(service);
    if (counts === undefined) this.charges.set(service, (counts = new Map()));
    counts.set(sig, (counts.get(sig) ?? 0) + 1);
  }

  services(): OneRowServices {
    const services = new Map<string, ReadonlyMap<string, number>>();
    for (const [service, row] of this.rowOf) {
      const counts = this.charges.get(service);
      if (row !== null && counts !== undefined) services.set(service, counts);
    }
    return services;
  }
}

/**
 * The services the files bill on a single row, taken together: those of each file's rows that no
 * other of the files bills at all (a service on two files is on two rows).
 */
function oneRowServicesOf(files: readonly EarlierFile[]): OneRowServices {
  if (files.length === 1) return files[0]?.rows ?? new Map();
  // How many of the files bill each service, counted once per file.
  const filesBilling = new Map<string, number>();
  for (const file of files) {
    const services = new Set<string>();
    for (const sig of file.counts.keys()) services.add(serviceOfSig(sig));
    // A completing file keeps only its lines not read before as counts; its rows say the rest.
    for (const service of file.rows?.keys() ?? []) services.add(service);
    for (const service of services) filesBilling.set(service, (filesBilling.get(service) ?? 0) + 1);
  }
  const services = new Map<string, ReadonlyMap<string, number>>();
  for (const file of files)
    for (const [service, counts] of file.rows ?? [])
      if ((filesBilling.get(service) ?? 0) <= 1) services.set(service, counts);
  return services;
}

/** Whether the services both sides bill on a single row are billed with the same charges. */
export function rowsAgree(a: OneRowServices, b: OneRowServices): boolean {
  for (const [service, counts] of a) {
    const theirs = b.get(service);
    if (theirs !== undefined && !sameCounts(counts, theirs)) return false;
  }
  return true;
}

/**
 * What a file's lines (`own`) are to an invoice whose files `earlier` were read before it (the
 * first one first): the one judgement of `draft-parts.ts`, made for files of one pick and for a
 * file imported after the invoice was stored (`shared/ledger/stored-relation.ts`) alike.
 * - `copy`: the same lines as one of them (`of`);
 * - `page`: only lines already read (a page of the bill read before), held whole by `of`;
 * - `completes`: every line already read and more (the whole bill after a page): `drop` are its
 *   lines already read;
 * - `part`: other lines of the invoice (an export by department), `drop` the account-level block
 *   it repeats, if any;
 * - `conflict`: some lines in common, others not, or the same items at other amounts (a
 *   corrected re-issue), or a page or a whole whose rows differ from the other side's (`ownRows`,
 *   `EarlierFile.rows`: see {@link oneRowServices}): another version of the invoice.
 * `shared` is how many of its distinct lines the files before it have.
 */
export type PartVerdict =
  | { verdict: 'copy'; of: string; shared: number }
  | { verdict: 'page'; of: string; shared: number }
  | { verdict: 'completes'; shared: number; drop: ReadonlyMap<string, number> }
  | { verdict: 'part'; shared: number; drop?: ReadonlyMap<string, number> }
  | { verdict: 'conflict'; shared: number };

export function partVerdict(
  own: ReadonlyMap<string, number>,
  earlier: readonly EarlierFile[],
  ownRows?: OneRowServices,
): PartVerdict {
  const first = earlier[0]?.file ?? '';
  const same = earlier.find((file) => sameCounts(own, file.counts));
  if (same !== undefined) return { verdict: 'copy', of: same.file, shared: 0 };
  const before = unionOf(earlier);
  const shared = [...own.keys()].filter((sig) => before.has(sig)).length;
  if (shared === 0) {
    return billsSameItems(own, before)
      ? { verdict: 'conflict', shared }
      : { verdict: 'part', shared };
  }
  // A page of what is already read: the file holding all its lines, else the first.
  // Either way, a row billed differently on the two sides (a line's summary row with a charge
  // added or taken away) makes it another version of the bill, not a page of it.
  if (within(own, before)) {
    if (ownRows !== undefined && !rowsAgree(ownRows, oneRowServicesOf(earlier)))
      return { verdict: 'conflict', shared };
    const of = earlier.find((file) => within(own, file.counts))?.file ?? first;
    return { verdict: 'page', of, shared };
  }
  // The whole of what is already read and more, or another part repeating the account's own
  // charges (a report per cost centre): for a part, only the account-level block it repeats whole.
  if (within(before, own)) {
    if (ownRows !== undefined && !rowsAgree(oneRowServicesOf(earlier), ownRows))
      return { verdict: 'conflict', shared };
    return { verdict: 'completes', shared, drop: before };
  }
  if (repeatsAccountLinesOnly(own, before))
    return { verdict: 'part', shared, drop: repeatedAccountBlock(own, earlier) };
  return { verdict: 'conflict', shared };
}
