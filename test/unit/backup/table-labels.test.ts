/**
 * The restore summary names every table of a backup in words ("Budget lines", never the stored
 * name "budgets"), so a table added later cannot reach the screen unnamed.
 */
import { describe, expect, it } from 'vitest';
import { TABLE_LABELS } from '../../../renderer/features/settings/table-labels';
import { TABLE_SCHEMAS } from '../../../shared/backup/schemas';
import { makeConsistentWorkspace } from './workspace';

describe('the restore summary’s table labels', () => {
  it('name every table of a backup, and only those', () => {
    expect(Object.keys(TABLE_LABELS).sort()).toEqual(Object.keys(TABLE_SCHEMAS).sort());
  });

  it('name the tables of a whole workspace', () => {
    const unnamed = Object.keys(makeConsistentWorkspace().tables).filter(
      (table) => TABLE_LABELS[table] === undefined,
    );
    expect(unnamed).toEqual([]);
  });

  it('are words, not stored names', () => {
    expect(TABLE_LABELS['budgets']).toBe('Budget lines (per cost center and month)');
    for (const [table, label] of Object.entries(TABLE_LABELS)) expect(label).not.toBe(table);
  });
});
