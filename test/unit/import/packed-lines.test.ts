import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { deserialize, serialize } from 'node:v8';
import { isoDate } from '../../../shared/dates';
import type { DraftChargeLine } from '../../../shared/import/draft';
import {
  DraftLinesBuilder,
  packDraftLines,
  packedLinesCopy,
  packedTransferables,
  unpackDraftLines,
} from '../../../shared/import/packed-lines';
import { packedLinesOf } from '../../../shared/import/packed-drafts';
import { boundDraftDates } from '../../../shared/import/draft-bounds';
import { importLimits } from '../../../shared/import/limits';
import { packDraftUsage, unpackDraftUsage } from '../../../shared/import/packed-usage';
import { cents } from '../../../shared/money/cents';
import { generateSampleCompany } from '../../fixtures/generate/sample-company';
import { readBills } from '../../../shared/import/read-bill';
import { chargeLineCsv } from '../../fixtures/generate/charge-line-csv';
import { readDraft } from './fixtures';
import { seededRandom } from '../../fixtures/generate/random';

const base: DraftChargeLine = {
  invoiceKey: 'lumen|5-ke4x-001|754240482',
  serviceIdRaw: '(555) 010-0002',
  serviceKey: '+15550100002',
  description: 'Monthly service',
  category: 'recurring',
  quantity: 1,
  amount: cents(85000),
  sourceFile: 'lumen.csv',
  sourceRow: 2,
};

describe('packed draft lines (the worker → page hand-over)', () => {
  it('rebuild every field of every line, absent fields staying absent', () => {
    const lines: DraftChargeLine[] = [
      base,
      { ...base, serviceIdRaw: '', serviceKey: null, quantity: null, sourceRow: 3 },
      { ...base, amount: cents(-1250), category: 'credit', sourceRow: 4 },
      {
        ...base,
        sourceRow: 5,
        periodStart: isoDate(2026, 9, 1),
        periodEnd: isoDate(2026, 9, 30),
        accountNumber: '287-0001',
        extras: { 'User Name': 'Ann Lee' },
        sourceFile: 'other.csv',
      },
      { ...base, sourceRow: 6, accountNumber: '' },
    ];
    const packed = packDraftLines(lines);
    expect(unpackDraftLines(packed)).toStrictEqual(lines);
    // Repeated strings are kept once.
    expect(packed.description.values).toEqual(['Monthly service']);
    expect(packed.sourceFile.values).toEqual(['lumen.csv', 'other.csv']);
    // …and in slices, as the page rebuilds a million lines.
    expect([...unpackDraftLines(packed, 0, 3), ...unpackDraftLines(packed, 3, 6)]).toStrictEqual(
      lines,
    );
  });

  it('a column of mostly distinct values goes plain, and crosses as a dense array', () => {
    // Past max(64, count / 4) distinct values a column is kept one value per line; built with
    // holes, structured clone would copy it key by key (as a sparse array, tag 'a').
    const lines = Array.from({ length: 400 }, (_, i) => ({
      ...base,
      serviceIdRaw: i % 7 === 0 ? '' : `555${String(i).padStart(7, '0')}`,
      serviceKey: i % 7 === 0 ? null : `+1555${String(i).padStart(7, '0')}`,
      sourceRow: i + 2,
    }));
    const packed = packDraftLines(lines);
    expect(packed.serviceKey.index).toBeNull();
    expect(serialize(packed.serviceKey.values)[2]).toBe('A'.charCodeAt(0));
    expect(unpackDraftLines(deserialize(serialize(packed)) as typeof packed)).toStrictEqual(lines);
  });

  it('carrier drafts (extras on every line, usage records) cross unchanged', () => {
    const company = generateSampleCompany({ months: 6, scale: 0.2 });
    const drafts = readBills(company.files.map((f) => ({ name: f.name, bytes: f.bytes }))).flatMap(
      (outcome) => (outcome.kind === 'draft' ? [outcome.draft] : []),
    );
    expect(drafts.some((draft) => draft.usage.some((u) => u.roamingMinutes !== undefined))).toBe(
      true,
    );
    for (const draft of drafts) {
      // As read (straight into columns), exactly as the same lines packed afterwards.
      const asRead = packedLinesOf(draft);
      const packed = packDraftLines(draft.lines);
      expect(asRead).toStrictEqual(packed);
      const withExtras = draft.lines.filter((line) => line.extras !== undefined).length;
      if (withExtras > 0) expect(packed.extras.values.length).toBeLessThan(withExtras);
      // The same values and indexes as a lookup of every line's content.
      const byContent = extrasByContent(draft.lines);
      expect(packed.extras.values.length).toBe(byContent.values.length);
      expect(packed.extras.values.every((value, at) => value === byContent.values[at])).toBe(true);
      expect([...packed.extras.index]).toEqual(byContent.index);
      expect(unpackDraftLines(packed)).toStrictEqual(draft.lines);
      expect(unpackDraftUsage(packDraftUsage(draft.usage))).toStrictEqual(draft.usage);
    }
  });

  it('a real draft crosses a transfer unchanged, its column buffers moved rather than copied', () => {
    const draft = readDraft([{ name: 'lumen.csv', bytes: strToU8(chargeLineCsv(2000, 10)) }]);
    expect(draft.lines).toHaveLength(2000);
    const packed = packDraftLines(draft.lines);
    // A service per line: kept one value per line (from where that showed); descriptions repeat.
    expect(packed.serviceIdRaw.index).toBeNull();
    expect(packed.description.index).not.toBeNull();
    const transfer = packedTransferables(packed);
    expect(new Set(transfer).size).toBe(transfer.length);
    const received = structuredClone(packed, { transfer });
    expect(packed.amount.byteLength).toBe(0);
    expect(unpackDraftLines(received)).toStrictEqual(draft.lines);
  });

  it("a copy kept by the worker stays whole when the lines' own buffers are transferred", () => {
    const draft = readDraft([{ name: 'lumen.csv', bytes: strToU8(chargeLineCsv(2000, 10)) }]);
    const packed = packDraftLines(draft.lines);
    const kept = packedLinesCopy(packed);
    const received = structuredClone(packed, { transfer: packedTransferables(packed) });
    expect(packed.amount.byteLength).toBe(0);
    expect(packed.description.index?.byteLength).toBe(0);
    // Both sides hold every line: the page the moved buffers, the worker its copy.
    expect(unpackDraftLines(kept)).toStrictEqual(draft.lines);
    expect(unpackDraftLines(received)).toStrictEqual(draft.lines);
  });

  it('refuses a category it does not know rather than storing a wrong one', () => {
    const packed = packDraftLines([base]);
    packed.category[0] = 250;
    expect(() => unpackDraftLines(packed)).toThrow(/category/);
  });
});

describe('packed extras', () => {
  it('keep each distinct content once, told apart by names, values and how many', () => {
    const base = {
      invoiceKey: 'K',
      serviceIdRaw: '5550100001',
      serviceKey: '+15550100001',
      description: 'Plan',
      category: 'recurring' as const,
      quantity: null,
      amount: cents(100),
      sourceFile: 'a.csv',
    };
    const extras: (Record<string, string> | undefined)[] = [
      { User: 'Ann', Plan: 'A' },
      { User: 'Ann', Plan: 'A' },
      { User: 'Ann' },
      { User: 'Ann', Plan: 'A', Tag: 'x' },
      undefined,
      { Plan: 'A', User: 'Ann' },
      { User: 'Bob', Plan: 'A' },
      { User: 'Ann', Plan: 'A' },
      { Plan: 'A', User: 'Ann' },
      { 'User\u0000Plan': 'Ann' },
    ];
    const lines = extras.map((value, i) => ({
      ...base,
      sourceRow: i + 2,
      ...(value === undefined ? {} : { extras: value }),
    }));
    const packed = packDraftLines(lines);
    expect(unpackDraftLines(packed)).toEqual(lines);
    // Ann/A (3 lines), Ann, Ann/A/x, A/Ann (other order, 2 lines), Bob/A, the odd name.
    expect(packed.extras.values).toHaveLength(6);
    expect(packed.extras.index[7]).toBe(packed.extras.index[0]);
    expect(packed.extras.index[8]).toBe(packed.extras.index[5]);
    expect(Object.keys(unpackDraftLines(packed)[8]?.extras ?? {})).toEqual(['Plan', 'User']);
  });
});

/** The extras column as it was packed before its shortcuts: every content looked up whole. */
function extrasByContent(lines: readonly DraftChargeLine[]) {
  const values: Record<string, string>[] = [];
  const index: number[] = [];
  const byContent = new Map<string, number>();
  for (const line of lines) {
    if (line.extras === undefined) {
      index.push(-1);
      continue;
    }
    const content = Object.entries(line.extras)
      .map(([name, value]) => `${name}\u0000${value}\u0000`)
      .join('');
    let at = byContent.get(content);
    if (at === undefined) {
      at = values.length;
      values.push(line.extras);
      byContent.set(content, at);
    }
    index.push(at);
  }
  return { values, index };
}

describe('packed extras, by the previous line and by service', () => {
  it('are those of a lookup of every content, on 300 random drafts', () => {
    const random = seededRandom(11);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const services = ['5550100001', '5550100002', '(555) 200-0003', ''];
    const names = ['User', 'Plan', 'Tag'];
    const values = ['Ann', 'Bob', 'A', ''];
    for (let draft = 0; draft < 300; draft += 1) {
      const lines: DraftChargeLine[] = [];
      for (let i = 0; i < 40; i += 1) {
        const previous = lines[i - 1]?.extras;
        let extras: Record<string, string> | undefined;
        const roll = random();
        if (roll < 0.15) extras = undefined;
        else if (roll < 0.3 && previous !== undefined) extras = previous;
        else {
          extras = {};
          for (const name of names) if (random() < 0.6) extras[pick(names) + name] = pick(values);
        }
        lines.push({
          ...base,
          serviceIdRaw: pick(services),
          sourceRow: i + 2,
          ...(extras === undefined ? {} : { extras }),
        });
      }
      const packed = packDraftLines(lines);
      const expected = extrasByContent(lines);
      expect(packed.extras.values).toHaveLength(expected.values.length);
      packed.extras.values.forEach((value, at) => expect(value).toBe(expected.values[at]));
      expect([...packed.extras.index]).toEqual(expected.index);
    }
  });
});

describe('lines collected straight into columns (DraftLinesBuilder)', () => {
  /** 12,000 lines: services repeat for the first 3,000, then every line has its own. */
  function manyLines(): DraftChargeLine[] {
    return Array.from({ length: 12_000 }, (_, i) => {
      const service = i < 3_000 ? `555010${String(i % 50).padStart(4, '0')}` : `556${i}`;
      const line: DraftChargeLine = {
        ...base,
        invoiceKey: `K${Math.floor(i / 1_000)}`,
        serviceIdRaw: i % 9 === 0 ? '' : service,
        serviceKey: i % 9 === 0 ? null : `+1${service}`,
        description: i % 3 === 0 ? 'Usage' : 'Monthly service',
        category: i % 5 === 0 ? 'usage' : 'recurring',
        quantity: i % 4 === 0 ? null : i,
        amount: cents(i * 7 - 5_000),
        sourceRow: i + 2,
      };
      if (i % 11 === 0) line.periodStart = isoDate(2026, 9, 1);
      if (i % 13 === 0) line.extras = { User: `U${i % 3}` };
      if (i % 17 === 0) line.accountNumber = '287-0001';
      return line;
    });
  }

  function built(lines: readonly DraftChargeLine[]): DraftLinesBuilder {
    const builder = new DraftLinesBuilder();
    for (const line of lines) builder.addLine(line);
    return builder;
  }

  it('grows past its first size and rebuilds exactly the lines added, as packing them does', () => {
    const lines = manyLines();
    const packed = built(lines).finish();
    expect(packed.count).toBe(12_000);
    expect(unpackDraftLines(packed)).toStrictEqual(lines);
    expect(unpackDraftLines(packDraftLines(lines))).toStrictEqual(lines);
    // Every typed column exactly as long as the lines (not the grown capacity), so a transfer
    // moves no more than it holds; repeated strings kept once, unique ones one per line.
    for (const column of [packed.category, packed.quantity, packed.amount, packed.sourceRow]) {
      expect(column.length).toBe(12_000);
    }
    expect(packed.extras.index.length).toBe(12_000);
    expect(packed.description.values).toEqual(['Usage', 'Monthly service']);
    expect(packed.description.index?.length).toBe(12_000);
    expect(packed.serviceIdRaw.index).toBeNull();
    expect(packed.serviceIdRaw.values).toHaveLength(12_000);
    const transfer = packedTransferables(packed);
    expect(new Set(transfer).size).toBe(transfer.length);
    expect(unpackDraftLines(structuredClone(packed, { transfer }))).toStrictEqual(lines);
  });

  it('gives each line back and changes one in place, whether its column is a table or plain', () => {
    const lines = manyLines();
    const builder = built(lines);
    expect(builder.lineAt(4_321)).toStrictEqual(lines[4_321]);
    expect(builder.invoiceKeyAt(2_500)).toBe('K2');
    builder.change(10, { amount: cents(-99), category: 'credit', description: 'Refund' });
    builder.change(5_000, { amount: cents(1), category: 'late-fee', description: 'Late Fee' });
    const expected = lines.map((line) => ({ ...line }));
    Object.assign(expected[10] as DraftChargeLine, {
      amount: -99,
      category: 'credit',
      description: 'Refund',
    });
    Object.assign(expected[5_000] as DraftChargeLine, {
      amount: 1,
      category: 'late-fee',
      description: 'Late Fee',
    });
    expect(unpackDraftLines(builder.finish())).toStrictEqual(expected);
    expect(() => builder.lineAt(12_000)).toThrow(RangeError);
    expect(() =>
      builder.change(12_000, { amount: cents(1), category: 'credit', description: '' }),
    ).toThrow(RangeError);
  });

  it('a column goes plain on its own when its values stop repeating, every row kept', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => ({
      ...base,
      description: i < 4_000 ? `D${i % 10}` : `Unique ${i}`,
      sourceRow: i + 2,
    }));
    const builder = built(lines);
    const packed = builder.finish();
    expect(packed.description.index).toBeNull();
    expect(packed.invoiceKey.values).toEqual([base.invoiceKey]);
    expect(unpackDraftLines(packed)).toStrictEqual(lines);
  });
});

describe('a draft builder keeps its lines packed', () => {
  it('until something reads them one by one', () => {
    const draft = readDraft([{ name: 'lumen.csv', bytes: strToU8(chargeLineCsv(2000, 10)) }]);
    const packed = packedLinesOf(draft);
    expect(packed?.count).toBe(2000);
    // Dates within the years leave the draft as it was read (its lines still packed).
    expect(boundDraftDates(draft, importLimits(undefined))).toBe(draft);
    expect(packedLinesOf(draft)).toBe(packed);
    const lines = draft.lines;
    expect(lines).toHaveLength(2000);
    expect(packedLinesOf(draft)).toBeUndefined();
    expect(unpackDraftLines(packed as NonNullable<typeof packed>)).toStrictEqual(lines);
  });
});

describe('a growing column decides table or plain on all its rows', () => {
  it('keeps a table for services all named in the first month and billed again after', () => {
    // 5,000 services, one line each in each of five months: all distinct at first.
    const lines = Array.from({ length: 25_000 }, (_, i) => ({
      ...base,
      serviceIdRaw: `555${String(i % 5_000).padStart(7, '0')}`,
      serviceKey: `+1555${String(i % 5_000).padStart(7, '0')}`,
      sourceRow: i + 2,
    }));
    const builder = new DraftLinesBuilder();
    for (const line of lines) builder.addLine(line);
    const packed = builder.finish();
    expect(packed.serviceIdRaw.values).toHaveLength(5_000);
    expect(packed.serviceKey.index?.length).toBe(25_000);
    expect(packed).toStrictEqual(packDraftLines(lines));
    expect(unpackDraftLines(packed)).toStrictEqual(lines);
  });
});
