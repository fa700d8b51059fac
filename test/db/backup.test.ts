import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createBackup,
  dumpWorkspace,
  inspectBackup,
  restoreWorkspace,
} from '../../renderer/db/backup';
import { TemDeskDatabase } from '../../renderer/db/database';
import { cents } from '../../shared/money/cents';
import { loadSampleIntoDb } from '../helpers/sample-db';

let db: TemDeskDatabase;
let counter = 0;

/** The sample company (6 months, small) loaded as the app loads it, plus a contract attachment. */
async function loadSample(target: TemDeskDatabase): Promise<void> {
  const company = await loadSampleIntoDb(target);
  await target.attachments.add({
    id: 'att-1',
    ownerId: company.contracts[0]?.id ?? 'c',
    fileName: 'signed.pdf',
    mediaType: 'application/pdf',
    bytes: new Uint8Array([0, 255, 37, 80, 68, 70, 0]),
    addedAt: '2026-01-02T00:00:00.000Z',
  });
}

beforeEach(async () => {
  db = new TemDeskDatabase(`backup-test-${++counter}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('backup and restore', () => {
  it('round-trips the sample company: backup → wipe → restore → identical, every record and byte', async () => {
    await loadSample(db);
    const before = await dumpWorkspace(db);
    expect(before.tables.invoices?.length).toBeGreaterThan(10);
    const bytes = await createBackup(db, {
      appVersion: '0.1.0',
      now: new Date('2026-11-26T10:00:00Z'),
      organizationName: 'Acme',
    });

    await restoreWorkspace(db, { schemaVersion: before.schemaVersion, tables: {} });
    expect(await db.invoices.count()).toBe(0);

    const inspected = inspectBackup(bytes);
    if (!inspected.ok) throw new Error(JSON.stringify(inspected.errors));
    expect(inspected.value.summary).toMatchObject({
      organizationName: 'Acme',
      appVersion: '0.1.0',
    });
    await restoreWorkspace(db, inspected.value.dump);
    expect(await dumpWorkspace(db)).toEqual(before);
    expect((await db.attachments.get('att-1'))?.bytes).toEqual(
      new Uint8Array([0, 255, 37, 80, 68, 70, 0]),
    );
  });

  it('leaves the current workspace intact when a restore fails midway', async () => {
    await loadSample(db);
    const before = await dumpWorkspace(db);
    // Two carriers with one name break the unique index only when the carriers table is refilled,
    // after other tables were already cleared inside the transaction.
    const broken = {
      schemaVersion: before.schemaVersion,
      tables: {
        ...before.tables,
        carriers: [
          { id: 'a', name: 'Same' },
          { id: 'b', name: 'Same' },
        ],
      },
    };
    await expect(restoreWorkspace(db, broken)).rejects.toThrow();
    expect(await dumpWorkspace(db)).toEqual(before);
  });

  it('refuses a truncated or tampered backup before touching anything', async () => {
    await loadSample(db);
    const bytes = await createBackup(db, { appVersion: '0.1.0' });
    const truncated = inspectBackup(bytes.slice(0, Math.floor(bytes.length / 2)));
    expect(truncated.ok).toBe(false);
    if (!truncated.ok) expect(truncated.errors[0]?.message).toMatch(/damaged or incomplete/);
    const tampered = bytes.slice();
    const at = Math.floor(tampered.length / 3);
    tampered[at] = (tampered[at] ?? 0) ^ 0xff;
    expect(inspectBackup(tampered).ok).toBe(false);
  });

  it('keeps rate card allowances (numbers, unlimited, not known) through backup and restore, and refuses a bad one', async () => {
    await loadSample(db);
    const [contract] = await db.contracts.toArray();
    if (contract === undefined) throw new Error('the sample has contracts');
    const rateCard = [
      {
        planOrServiceType: 'Flex 2GB',
        monthlyRateCents: cents(20_00),
        dataAllowanceGb: 2.5,
        voiceMinutesAllowance: 1000,
        messagesAllowance: 'unlimited' as const,
      },
      { planOrServiceType: 'Unknown allowances', monthlyRateCents: cents(30_00) },
    ];
    await db.contracts.put({ ...contract, rateCard });
    const bytes = await createBackup(db, { appVersion: '0.1.0' });
    await restoreWorkspace(db, {
      schemaVersion: (await dumpWorkspace(db)).schemaVersion,
      tables: {},
    });
    const inspected = inspectBackup(bytes);
    if (!inspected.ok) throw new Error(JSON.stringify(inspected.errors));
    await restoreWorkspace(db, inspected.value.dump);
    expect((await db.contracts.get(contract.id))?.rateCard).toEqual(rateCard);

    // The database takes what it is given; the backup's schema check is what refuses it.
    const bad = { ...contract, rateCard: [{ ...rateCard[0], dataAllowanceGb: 'lots' }] };
    await db.contracts.put(bad as unknown as typeof contract);
    const refused = inspectBackup(await createBackup(db, { appVersion: '0.1.0' }));
    expect(refused.ok).toBe(false);
  });
});
