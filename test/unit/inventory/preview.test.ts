import { describe, expect, it } from 'vitest';
import { inventoryPreview } from '../../../shared/inventory/preview';

describe('the inventory import preview', () => {
  it('counts a row with several bad cells once, and says "1 service" for one', () => {
    expect(inventoryPreview(1, [{ row: 3 }, { row: 3 }], [])).toEqual({
      ready: 1,
      status: '1 service ready · 1 row cannot be read and is left out',
      button: 'Import 1 service',
    });
  });

  it('counts rows to fix once each, and leaves out what is not there', () => {
    expect(inventoryPreview(5, [], [])).toMatchObject({
      status: '5 services ready',
      button: 'Import 5 services',
    });
    expect(
      inventoryPreview(4, [{ row: 2 }, { row: 6 }], [{ row: 3 }, { row: 3 }, { row: 4 }]),
    ).toEqual({
      ready: 2,
      status:
        '2 services ready · 2 rows cannot be read and are left out · 2 rows to fix before anything is imported',
      button: 'Import 2 services',
    });
  });

  it('names the Total rows it skips', () => {
    expect(inventoryPreview(2, [], [], [{ row: 4 }]).status).toBe(
      '2 services ready · 1 Total row skipped (row 4)',
    );
  });
});
