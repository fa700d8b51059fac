import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportColumnMappings, importColumnMappings } from '../../renderer/db/column-mappings';
import { TemDeskDatabase } from '../../renderer/db/database';
import { mappingsFileText } from '../../shared/import/mappings-file';
import { lumenExportMapping } from '../helpers/mapped-bill';

let db: TemDeskDatabase;
let counter = 0;
beforeEach(async () => {
  db = new TemDeskDatabase(`column-mappings-${++counter}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const NOW = new Date('2026-11-20T09:00:00Z');

describe('column mappings files', () => {
  it('exports the saved mappings; importing replaces the mapping for the same columns', async () => {
    const saved = lumenExportMapping({ id: 'saved-1' });
    await db.columnMappings.put(saved);
    const exported = await exportColumnMappings(db, NOW);
    expect(exported.count).toBe(1);
    expect(JSON.parse(exported.text)).toEqual({
      format: 'temdesk-column-mappings',
      version: 1,
      exportedAt: '2026-11-20T09:00:00.000Z',
      mappings: [saved],
    });

    const changed = lumenExportMapping({ id: 'other-id', dateOrder: 'MDY' });
    const other = lumenExportMapping({ id: 'second', signature: 'a|b|c', carrierName: 'Acme' });
    const result = await importColumnMappings(
      db,
      mappingsFileText([changed, other], NOW),
      'm.json',
    );
    expect(result).toEqual({ ok: true, value: { added: 1, replaced: 1 } });
    expect(await db.columnMappings.toArray()).toEqual(expect.arrayContaining([changed, other]));
    expect(await db.columnMappings.count()).toBe(2);
  });

  it('changes nothing when the file is refused', async () => {
    await db.columnMappings.put(lumenExportMapping());
    const bad = mappingsFileText([lumenExportMapping({ id: 'x' })], NOW).replace(
      '"dateOrder": "DMY"',
      '"dateOrder": "someday"',
    );
    const result = await importColumnMappings(db, bad, 'bad.json');
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([
      '"bad.json": mapping 1 (Lumen), field "dateOrder" must be one of MDY, DMY, YMD, auto.',
    ]);
    expect(await db.columnMappings.toArray()).toEqual([lumenExportMapping()]);
  });
});
