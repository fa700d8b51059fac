import { describe, expect, it } from 'vitest';
import { suggestedNextStatus } from '../../shared/audit/next-status';
import { backupReminder, lastBackupAfterRestore } from '../../shared/backup/reminder';
import { formatAxisDollars } from '../../shared/money/cents';
import { endSentence, plural, pluralOrNone, wrapLabel } from '../../shared/text';

describe('wording', () => {
  it.each([
    [0, '0 disputes'],
    [1, '1 dispute'],
    [2, '2 disputes'],
    [1500, '1,500 disputes'],
  ])('counts %i as “%s”', (count, text) => {
    expect(plural(count, 'dispute')).toBe(text);
  });

  it('says none for zero when asked, and takes irregular plurals', () => {
    expect(pluralOrNone(0, 'finding')).toBe('none');
    expect(pluralOrNone(1, 'finding')).toBe('1 finding');
    expect(plural(2, 'entry', 'entries')).toBe('2 entries');
  });

  it.each([
    ['Acme Retail Inc.', 'Acme Retail Inc.'],
    ['Acme Retail', 'Acme Retail.'],
    ['Is it? ', 'Is it?'],
  ])('ends “%s” with one period', (text, ended) => {
    expect(endSentence(text)).toBe(ended);
  });
});

describe('chart axis money', () => {
  it.each([
    [-2000, '-$2,000'],
    [0, '$0'],
    [1500, '$1,500'],
    [250000, '$250,000'],
  ])('writes %d as %s (sign before the symbol)', (dollars, text) => {
    expect(formatAxisDollars(dollars)).toBe(text);
  });
});

describe('a finding’s suggested new status', () => {
  it.each([
    ['open', 'disputed'],
    ['disputed', 'credited'],
    ['credited', 'credited'],
    ['resolved', 'resolved'],
    ['dismissed', 'dismissed'],
  ] as const)('after %s is %s, never dismissed for an open finding', (from, to) => {
    expect(suggestedNextStatus(from)).toBe(to);
  });
});

describe('backup reminder', () => {
  const changed = '2026-10-02T10:00:00.000Z';
  it.each([
    ['an empty workspace', { lastChangeAt: changed, lastBackupAt: null, hasData: false }, 'none'],
    ['data never backed up', { lastChangeAt: changed, lastBackupAt: null, hasData: true }, 'never'],
    [
      'a change after the backup',
      { lastChangeAt: changed, lastBackupAt: '2026-10-01T00:00:00.000Z', hasData: true },
      'changed',
    ],
    [
      'a backup after the change',
      { lastChangeAt: changed, lastBackupAt: '2026-10-03T00:00:00.000Z', hasData: true },
      'none',
    ],
    ['no recorded change', { lastChangeAt: null, lastBackupAt: null, hasData: true }, 'none'],
  ] as const)('for %s is %s', (_label, facts, expected) => {
    expect(backupReminder(facts)).toBe(expected);
  });

  it('after a restore counts the restored backup, unless a later one was made', () => {
    expect(lastBackupAfterRestore(null, '2026-10-01T09:00:00.000Z')).toBe(
      '2026-10-01T09:00:00.000Z',
    );
    expect(lastBackupAfterRestore('2026-09-01T09:00:00.000Z', '2026-10-01T09:00:00.000Z')).toBe(
      '2026-10-01T09:00:00.000Z',
    );
    expect(lastBackupAfterRestore('2026-11-01T09:00:00.000Z', '2026-10-01T09:00:00.000Z')).toBe(
      '2026-11-01T09:00:00.000Z',
    );
  });
});

describe('chart labels', () => {
  it('wrap a long rule name at spaces instead of cutting it', () => {
    expect(wrapLabel('Billed for a line disconnected in the inventory', 20)).toEqual([
      'Billed for a line',
      'disconnected in the',
      'inventory',
    ]);
  });

  it('keep a short label on one line', () => {
    expect(wrapLabel('CC-100 Finance', 20)).toEqual(['CC-100 Finance']);
  });

  it('end with an ellipsis past the last line', () => {
    const lines = wrapLabel('one two three four five six seven eight nine ten', 9, 2);
    expect(lines).toEqual(['one two', 'three…']);
  });
});
