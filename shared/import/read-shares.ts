/**
 * A read two workers share (see `readBillsPart` in read-bill.ts): which worker reads which carrier
 * profile's group, each parsing in full only the files it reads, and the two parts joined again.
 */
import type { LayoutFit } from './profiles/columns';
import type { CarrierProfile } from './profiles/types';
import type { ParsedFile, ReadOutcome } from './read-types';
import type { Table, TableSniff } from './table';

/**
 * One worker's part of a read shared by two (`shard` 0 or 1 of 2). Both expand and decode every
 * file and read each table's header, which tells where the file goes; each then parses in full
 * and reads into drafts only the carrier profiles' groups it was given, the heaviest first to
 * whichever has less, so two cores share the costly part. Shard 0 also gives every other outcome,
 * and `elsewhere` says where shard 1's go among them: {@link joinShares} puts the two back in
 * exactly the order `readBills` gives.
 */
export interface ReadShare {
  outcomes: ReadOutcome[];
  /** Each file's names as the read saw them: its ZIP members, or the file itself. */
  memberNames: string[][];
  /** Shard 0 only: the positions, in the joined list, of shard 1's outcomes. */
  elsewhere: number[];
}

/** A table file read up to its header: its text and how to parse the rest. */
export interface UnparsedText {
  text: string;
  sniff: TableSniff;
}

/** A table file of a read, and how it fits the profile whose group it is in, if any. */
export interface SharedFile {
  file: ParsedFile;
  fit?: LayoutFit;
}

/**
 * Who reads what (`shard` undefined: a read not shared; `unparsed` undefined: shard 0 reads all).
 * The profiles, in the order of their first file; the worker reading each one's group; and the
 * files this worker reads: its groups' files, and for shard 0 every file in no group.
 */
export function shareFiles<T extends SharedFile>(
  files: readonly T[],
  shard: 0 | 1 | undefined,
  unparsed: ReadonlyMap<ParsedFile, UnparsedText> | undefined,
): { profiles: CarrierProfile[]; owners: (0 | 1)[] | undefined; mine: T[] } {
  const profiles = [...new Set(files.flatMap(({ fit }) => fit?.profile ?? []))];
  // A file of its profile's group that is not imported (`ignoredBecause`) costs nothing.
  const weights = profiles.map((profile) =>
    files.reduce(
      (sum, { file, fit }) =>
        fit?.profile === profile && fit.layout.ignoredBecause === undefined && unparsed
          ? sum + fileWeight(file, unparsed)
          : sum,
      0,
    ),
  );
  const owners = shard === undefined || unparsed === undefined ? undefined : shareGroups(weights);
  const ownerOf = ({ fit }: SharedFile) =>
    fit === undefined ? 0 : (owners?.[profiles.indexOf(fit.profile)] ?? 0);
  return { profiles, owners, mine: files.filter((file) => ownerOf(file) === (shard ?? 0)) };
}

/**
 * What reading a file into a draft costs, known before it is parsed: its characters times its
 * header's width (a Verizon raw-data row is three or four charges, so size alone weighs it too
 * light). A workbook's sheet, parsed already, counts its cells' characters.
 */
function fileWeight(file: ParsedFile, unparsed: ReadonlyMap<ParsedFile, UnparsedText>): number {
  const { header, rows } = file.table;
  const chars =
    unparsed.get(file)?.text.length ??
    rows.reduce((sum, row) => sum + row.cells.reduce((n, cell) => n + cell.length + 1, 0), 0);
  return chars * header.length;
}

/**
 * Which of two workers takes each item (by index): the heaviest first, each to the one with less
 * so far — a carrier's group to read into a draft, a file to hash. The same in both workers, from
 * weights both have.
 */
export function shareGroups(weights: readonly number[]): (0 | 1)[] {
  const owners = weights.map((): 0 | 1 => 0);
  const load = [0, 0];
  const order = weights
    .map((_, i) => i)
    .sort((a, b) => (weights[b] ?? 0) - (weights[a] ?? 0) || a - b);
  for (const i of order) {
    const to = (load[1] ?? 0) < (load[0] ?? 0) ? 1 : 0;
    owners[i] = to;
    load[to] = (load[to] ?? 0) + (weights[i] ?? 0);
  }
  return owners;
}

/**
 * Parses in full, in their order, those of `files` read so far up to their header, with `parse`
 * (`readTable` as a bill is read: the module stays free of the parser, which the page does not
 * need for `joinShares`); `onProgress` goes from 0 to 1 by their characters. None is refused: its
 * header read would have been, the same way.
 */
export function parseRest(
  files: readonly { file: ParsedFile }[],
  unparsed: ReadonlyMap<ParsedFile, UnparsedText>,
  parse: (text: string, sniff: TableSniff, onProgress: (fraction: number) => void) => Table,
  onProgress: (fraction: number) => void,
): void {
  const rest = files.flatMap(({ file }) => {
    const text = unparsed.get(file);
    return text === undefined ? [] : [{ file, ...text }];
  });
  const total = rest.reduce((sum, { text }) => sum + text.length, 0) || 1;
  let done = 0;
  for (const { file, text, sniff } of rest) {
    file.table = parse(text, sniff, (fraction) =>
      onProgress((done + fraction * text.length) / total),
    );
    done += text.length;
  }
}

/**
 * The outcomes of a read two workers shared, in the order one worker reading it all gives: shard
 * 1's outcomes at the places shard 0 left for them. Values of `T` travel with their outcome (the
 * worker's packed lines), so the same function joins both lists.
 */
export function joinShares<T>(
  first: readonly T[],
  elsewhere: readonly number[],
  second: readonly T[],
): T[] {
  if (elsewhere.length !== second.length)
    throw new Error('The two parts of the read do not fit together.');
  const joined: T[] = [];
  const places = new Set(elsewhere);
  let a = 0;
  let b = 0;
  const total = first.length + second.length;
  for (let i = 0; i < total; i++) {
    const next = places.has(i) ? second[b++] : first[a++];
    if (next === undefined) throw new Error('The two parts of the read do not fit together.');
    joined.push(next);
  }
  return joined;
}
