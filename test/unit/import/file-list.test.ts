import { describe, expect, it } from 'vitest';
import { fileList } from '../../../renderer/features/bills/import/fileList';

describe('fileList (the import headings’ file names)', () => {
  it('names a few files in full', () => {
    expect(fileList(['a.csv'])).toBe('a.csv');
    expect(fileList(['a.csv', 'b.zip', 'c.txt'])).toBe('a.csv, b.zip, c.txt');
  });

  it('names the first three of many and counts the rest', () => {
    const names = Array.from({ length: 1216 }, (_, i) => `bill-${i}.csv`);
    expect(fileList(names)).toBe('bill-0.csv, bill-1.csv, bill-2.csv and 1,213 more files');
    expect(fileList(names.slice(0, 4))).toBe('bill-0.csv, bill-1.csv, bill-2.csv and 1 more file');
  });
});
