/**
 * Every fixture of the hostile corpus through the app's import reading path (`readBills`, the
 * function the import worker runs): each ends in its sentence, a refused file gives no draft to
 * commit, and a row that could not be read is not in the draft.
 */
import { describe, expect, it } from 'vitest';
import { readBills } from '../../../shared/import/read-bill';
import { HOSTILE_FIXTURES } from '../../fixtures/hostile/manifest';

describe.each(HOSTILE_FIXTURES.map((fixture) => [fixture.name, fixture] as const))(
  'hostile fixture %s',
  (name, fixture) => {
    it(`ends in its sentence (${fixture.probe})`, () => {
      const outcomes = readBills([{ name, bytes: fixture.bytes() }]);
      const drafts = outcomes.flatMap((outcome) =>
        outcome.kind === 'draft' ? [outcome.draft] : [],
      );
      const sentences = outcomes.flatMap((outcome) =>
        outcome.kind === 'unreadable'
          ? [outcome.message]
          : outcome.kind === 'draft'
            ? outcome.draft.errors.map((error) => error.message)
            : [],
      );
      expect(sentences.join('\n')).toContain(fixture.sentence);
      if (fixture.app.kind === 'refused') {
        expect(drafts).toEqual([]);
      } else {
        const { badRow } = fixture.app;
        expect(drafts).toHaveLength(1);
        expect(drafts[0]?.lines.some((line) => line.sourceRow === badRow)).toBe(false);
        expect(drafts[0]?.errors.some((error) => error.row === badRow)).toBe(true);
      }
      for (const sentence of sentences) expect(sentence.length).toBeLessThanOrEqual(600);
    });
  },
);
