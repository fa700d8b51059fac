/** Backups written by older database schemas are brought up to date, as the database itself is. */
import { describe, expect, it } from 'vitest';
import { readBackup, writeBackup, type ReadProgress } from '../../../shared/backup/format';
import { serviceTotalsOfBlocks } from '../../../shared/storage/service-totals';
import type { ChargeBlock } from '../../../shared/storage/charge-blocks';
import { V1_RECORDS } from '../../fixtures/db/v1';
import { V2_RECORDS } from '../../fixtures/db/v2';
import { V3_RECORDS } from '../../fixtures/db/v3';
import { V4_RECORDS } from '../../fixtures/db/v4';
import { V5_RECORDS } from '../../fixtures/db/v5';
import { V6_RECORDS } from '../../fixtures/db/v6';
import { cents } from '../../../shared/money/cents';
import { packChargeLines } from '../../../shared/storage/charge-blocks';
import { EXPECTATIONS, makeWorkspace, META } from './workspace';

/** A backup exactly as TEM Desk wrote it while the database was at `schemaVersion`. */
function oldBackup(schemaVersion: number, records: Record<string, readonly object[]>): Uint8Array {
  const tables: Record<string, unknown[]> = {};
  for (const [name, list] of Object.entries(records)) tables[name] = structuredClone([...list]);
  return writeBackup({ schemaVersion, tables }, META);
}

describe('restoring a backup of an older schema version', () => {
  it.each([
    [1, V1_RECORDS],
    [2, V2_RECORDS],
    [3, V3_RECORDS],
    [4, V4_RECORDS],
  ])(
    'reads a version %i backup as the latest version, totals per service computed',
    (version, records) => {
      const result = readBackup(oldBackup(version, records), EXPECTATIONS);
      if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'));
      const { dump, summary } = result.value;
      expect(dump.schemaVersion).toBe(EXPECTATIONS.latestSchemaVersion);
      expect(summary.schemaVersion).toBe(version);
      // Every record it held comes back as written…
      for (const [name, list] of Object.entries(records)) expect(dump.tables[name]).toEqual(list);
      // …and what version 4 added is computed from the stored lines, as the database upgrade does.
      const blocks = (records['chargeBlocks'] ?? []) as ChargeBlock[];
      expect(dump.tables['serviceTotals']).toEqual([serviceTotalsOfBlocks('invoice-1', blocks)]);
      expect(dump.tables['serviceTotals']).toEqual(V4_RECORDS['serviceTotals']);
    },
  );

  it('leaves a latest-version backup as it is (no step runs twice)', () => {
    const result = readBackup(oldBackup(6, V6_RECORDS), EXPECTATIONS);
    expect(result.ok && result.value.dump.tables['serviceTotals']).toEqual(
      V6_RECORDS['serviceTotals'],
    );
    expect(result.ok && result.value.dump.tables['budgets']).toEqual(V6_RECORDS['budgets']);
  });

  it("reads a version 5 backup's FAN invoice with the BANs of its lines, and its totals with each line's", () => {
    const line = (amount: number, serviceIdRaw: string, accountNumber: string) => ({
      serviceIdRaw,
      serviceKey: serviceIdRaw,
      description: 'Charge',
      category: 'recurring' as const,
      quantity: null,
      amount: cents(amount),
      sourceFile: 'fan.txt',
      sourceRow: 2,
      accountNumber,
    });
    const invoiceId = (V5_RECORDS['invoices']?.[0] as { id: string } | undefined)?.id ?? '';
    const blocks = packChargeLines(invoiceId, [
      line(100_00, 'L1', 'BAN-1'),
      line(5_00, '', 'BAN-2'),
    ]);
    const { accounts: _accounts, ...asVersion5 } = serviceTotalsOfBlocks(invoiceId, blocks);
    const result = readBackup(
      oldBackup(5, { ...V5_RECORDS, chargeBlocks: blocks, serviceTotals: [asVersion5] }),
      EXPECTATIONS,
    );
    if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'));
    expect(result.value.dump.tables['serviceTotals']).toEqual([
      { ...asVersion5, accounts: ['BAN-1', 'BAN-2'] },
    ]);
    expect(result.value.dump.tables['invoices']).toEqual([
      { ...V5_RECORDS['invoices']?.[0], lineAccounts: ['BAN-1', 'BAN-2'] },
    ]);
  });
});

describe('progress', () => {
  it('reports steps in order, from 0 to 1', () => {
    const seen: ReadProgress[] = [];
    const result = readBackup(writeBackup(makeWorkspace(), META), EXPECTATIONS, {
      onProgress: (progress) => seen.push(progress),
    });
    expect(result.ok).toBe(true);
    const fractions = seen.map((progress) => progress.fraction);
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    expect(seen.map((progress) => progress.step)).toContainEqual(
      expect.stringMatching(/^Unpacking the invoices table \(\d+ of 22\)$/),
    );
  });
});
