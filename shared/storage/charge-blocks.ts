import { CHARGE_CATEGORIES, type ChargeCategory, type ChargeLine } from '../model';
import { isIsoDate } from '../dates/iso-date';
import { cents } from '../money/cents';
import { lineAccountsOf } from '../billing/aggregates';

/**
 * Charge lines are stored packed: one record holds up to `BLOCK_SIZE` lines of one invoice as
 * column arrays. IndexedDB pays per record (~6,700 records/s here), not per byte, so 100,000 lines
 * cost about 100 writes instead of 100,000. Typed arrays are cloned by IndexedDB as raw bytes.
 */
export const BLOCK_SIZE = 1000;

/** One stored block of an invoice's charge lines, as parallel columns (row i of every column is line i). */
export interface ChargeBlock {
  invoiceId: string;
  /** 0-based position of this block within the invoice. */
  blockIndex: number;
  /** Number of lines in the block. */
  count: number;
  serviceIdRaw: string[];
  /** Normalized match key; '' when the line names no service (account-level charge). */
  serviceKey: string[];
  description: string[];
  /** Index into `CHARGE_CATEGORIES`. */
  category: Uint8Array;
  /** Quantity as billed (units, minutes…); NaN when the bill gives none. */
  quantity: Float64Array;
  /** Amount in integer cents (Float64 holds every safe integer exactly). */
  amount: Float64Array;
  /** 1-based line number in the source file, for disputes and error messages. */
  sourceRow: Uint32Array;
  /** ISO dates; '' when the line has no period of its own. */
  periodStart: string[];
  periodEnd: string[];
  /** The files the block's lines were read from, each once (absent in blocks stored before). */
  files?: string[];
  /** Index into `files` of each line's file. */
  fileIndex?: Uint16Array;
  /**
   * Each line's own billing account ('' for the invoice's); absent when every line is billed on
   * the invoice's account (see `ChargeLine.accountNumber`).
   */
  accountNumber?: string[];
  /**
   * The plan the bill names for each line's service ('' for none): Verizon's `Your Calling Plan`,
   * T-Mobile's `Plan`, AT&T's `Rate plan name`, read from the line's extras at import. Absent when
   * no line of the block names one (and in blocks stored before it was kept).
   */
  plan?: string[];
}

const categoryIndex = new Map<ChargeCategory, number>(
  CHARGE_CATEGORIES.map((category, index) => [category, index]),
);

/**
 * `count` copies of `value` in an array without holes. Structured clone (IndexedDB's, and
 * postMessage's) copies an array with holes — `new Array(n)`, even once every index is set, and
 * `.fill` keeps it so — as a sparse one, key by key: about three times the time of the same
 * values in an array without holes, for the writer and again for each reader.
 */
export function filledArray<T>(count: number, value: T): T[] {
  const array: T[] = [];
  for (let i = 0; i < count; i++) array.push(value);
  return array;
}

/**
 * What packing reads of a line: a stored ChargeLine, or an import draft's line before it has an
 * invoice id (with the extras its profile kept, where the bill's plan is).
 */
export type PackableLine = Omit<ChargeLine, 'invoiceId'> & {
  extras?: Readonly<Record<string, string>>;
};

/**
 * Words that make a column about a plan something other than its name: its code or id, its usage
 * or allowance, its dates, its charges (`Plan Effective Date`, `Plan Charges`, `Voice Plan Usage`).
 */
const NOT_A_PLAN_NAME =
  /\b(code|id|usage|used|allowance|minutes|data|date|dates|effective|start|end|expires?|charges?|amount|cost|price|fee|fees|total|rate|type|status|change|changed)\b/i;
const PLAN_WORD = /\bplan\b/i;
/** Plan words in a column name that nonetheless name the plan (`Rate plan name`, `Price Plan`). */
const PLAN_NAME =
  /\b(plan\s+name|name\s+of\s+plan|(rate|price|calling|service|data|voice)\s+plan)$/i;

/** Whether a column name is a plan's name, by name (few distinct names: each is judged once). */
const planColumns = new Map<string, boolean>();
function isPlanColumn(name: string): boolean {
  let is = planColumns.get(name);
  if (is === undefined) {
    const trimmed = name.trim();
    is = PLAN_WORD.test(trimmed) && (PLAN_NAME.test(trimmed) || !NOT_A_PLAN_NAME.test(trimmed));
    if (planColumns.size < 10_000) planColumns.set(name, is);
  }
  return is;
}

/**
 * The plan a line's extras name ('' when none): the first extra whose column is a plan's name
 * (`Your Calling Plan`, `Plan`, `Rate plan name`, `Price Plan`), not a plan's code, usage, dates
 * or charges.
 */
export function planOfExtras(extras: Readonly<Record<string, string>> | undefined): string {
  if (extras === undefined) return '';
  for (const name in extras) {
    if (isPlanColumn(name)) {
      const value = (extras[name] ?? '').trim();
      if (value !== '') return value;
    }
  }
  return '';
}

/**
 * Fills one block line by line (`packChargeLines` from line objects, `packRows` from an import's
 * packed columns): the columns, and each line's file and own account kept once per block.
 */
export class BlockFiller {
  readonly block: ChargeBlock;
  private readonly files: string[] = [];
  private readonly fileIndex: Uint16Array;
  private lastFile: string | undefined = undefined;
  private lastFileIndex = 0;
  private accounts: string[] | undefined = undefined;
  private plans: string[] | undefined = undefined;

  /**
   * The string columns start empty and are set in line order (`column[i]` for i = 0, 1, …), so
   * they never hold a hole (see {@link filledArray}).
   */
  constructor(invoiceId: string, blockIndex: number, count: number) {
    this.block = {
      invoiceId,
      blockIndex,
      count,
      serviceIdRaw: [],
      serviceKey: [],
      description: [],
      category: new Uint8Array(count),
      quantity: new Float64Array(count),
      amount: new Float64Array(count),
      sourceRow: new Uint32Array(count),
      periodStart: [],
      periodEnd: [],
    };
    this.fileIndex = new Uint16Array(count);
  }

  /** Line `i`'s file, when it keeps one. */
  file(i: number, file: string): void {
    // A block's lines nearly always come from one file: compare with the last one first.
    if (file !== this.lastFile) {
      this.lastFileIndex = this.files.indexOf(file);
      if (this.lastFileIndex < 0) this.lastFileIndex = this.files.push(file) - 1;
      this.lastFile = file;
    }
    this.fileIndex[i] = this.lastFileIndex;
  }

  /** Line `i`'s own billing account, when it has one. */
  account(i: number, account: string): void {
    this.accounts ??= filledArray(this.block.count, '');
    this.accounts[i] = account;
  }

  /** The plan the bill names for line `i`'s service, when it names one. */
  plan(i: number, plan: string): void {
    if (plan === '') return;
    this.plans ??= filledArray(this.block.count, '');
    this.plans[i] = plan;
  }

  /** The block, with its files, accounts and plans when any line had one. */
  done(): ChargeBlock {
    if (this.accounts !== undefined) this.block.accountNumber = this.accounts;
    if (this.plans !== undefined) this.block.plan = this.plans;
    if (this.files.length > 0) {
      this.block.files = this.files;
      this.block.fileIndex = this.fileIndex;
    }
    return this.block;
  }
}

/**
 * The block of one invoice's `blocks` with this index: at its own position, as blocks are packed
 * and stored (in order, from 0), else found by search. A charge reference reads its line in one
 * step, not a search of every block (a finding over a large bill holds one per line).
 */
export function blockAt<Block extends { blockIndex: number }>(
  blocks: readonly Block[],
  blockIndex: number,
): Block | undefined {
  const placed = blocks[blockIndex];
  if (placed?.blockIndex === blockIndex) return placed;
  return blocks.find((block) => block.blockIndex === blockIndex);
}

/** Pack one invoice's lines into blocks of at most `blockSize` lines, order preserved. */
export function packChargeLines(
  invoiceId: string,
  lines: readonly PackableLine[],
  blockSize = BLOCK_SIZE,
): ChargeBlock[] {
  const blocks: ChargeBlock[] = [];
  for (let start = 0, blockIndex = 0; start < lines.length; start += blockSize, blockIndex++) {
    const count = Math.min(blockSize, lines.length - start);
    const filler = new BlockFiller(invoiceId, blockIndex, count);
    const { block } = filler;
    for (let i = 0; i < count; i++) {
      const line = lines[start + i] as PackableLine;
      const category = categoryIndex.get(line.category);
      if (category === undefined) throw new Error(`Unknown charge category ${line.category}`);
      block.serviceIdRaw[i] = line.serviceIdRaw;
      block.serviceKey[i] = line.serviceKey ?? '';
      block.description[i] = line.description;
      block.category[i] = category;
      block.quantity[i] = line.quantity ?? Number.NaN;
      block.amount[i] = line.amount;
      block.sourceRow[i] = line.sourceRow;
      block.periodStart[i] = line.periodStart ?? '';
      block.periodEnd[i] = line.periodEnd ?? '';
      if (line.sourceFile !== undefined) filler.file(i, line.sourceFile);
      if (line.accountNumber !== undefined) filler.account(i, line.accountNumber);
      filler.plan(i, planOfExtras(line.extras));
    }
    blocks.push(filler.done());
  }
  return blocks;
}

/** The inverse of `packChargeLines` for one block. */
export function unpackChargeBlock(block: ChargeBlock): ChargeLine[] {
  const lines: ChargeLine[] = new Array<ChargeLine>(block.count);
  for (let i = 0; i < block.count; i++) {
    const category = CHARGE_CATEGORIES[block.category[i] ?? -1];
    if (category === undefined)
      throw new Error(`Corrupt charge block: category ${block.category[i]}`);
    const quantity = block.quantity[i] ?? Number.NaN;
    const periodStart = block.periodStart[i] ?? '';
    const periodEnd = block.periodEnd[i] ?? '';
    const line: ChargeLine = {
      invoiceId: block.invoiceId,
      serviceIdRaw: block.serviceIdRaw[i] ?? '',
      serviceKey: block.serviceKey[i] || null,
      description: block.description[i] ?? '',
      category,
      quantity: Number.isNaN(quantity) ? null : quantity,
      amount: cents(block.amount[i] ?? 0),
      sourceRow: block.sourceRow[i] ?? 0,
      periodStart: isIsoDate(periodStart) ? periodStart : undefined,
      periodEnd: isIsoDate(periodEnd) ? periodEnd : undefined,
    };
    const file = lineFileOf(block, i);
    if (file !== undefined) line.sourceFile = file;
    const account = lineAccountOf(block, i);
    if (account !== undefined) line.accountNumber = account;
    lines[i] = line;
  }
  return lines;
}

/** The plan the bill names for line `i`'s service ('' when it names none). */
export function linePlanOf(block: ChargeBlock, i: number): string {
  return block.plan?.[i] ?? '';
}

/** The billing account of line `i` of a block, when it is not the invoice's own. */
export function lineAccountOf(block: ChargeBlock, i: number): string | undefined {
  const account = block.accountNumber?.[i];
  return account === undefined || account === '' ? undefined : account;
}

/** The billing accounts an invoice's blocks' lines name (see `Invoice.lineAccounts`). */
export function lineAccountsOfBlocks(blocks: readonly ChargeBlock[]): string[] | undefined {
  return lineAccountsOf(blocks.flatMap((block) => block.accountNumber ?? []));
}

/** The file line `i` of a block was read from, when the block keeps it. */
export function lineFileOf(block: ChargeBlock, i: number): string | undefined {
  if (block.files === undefined || block.fileIndex === undefined) return undefined;
  return block.files[block.fileIndex[i] ?? 0];
}
