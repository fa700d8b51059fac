/**
 * Every fixture of the hostile corpus as the CLI's only bill file: the expected exit code, the
 * sentence on stderr, and no output written.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_FIXTURES } from '../fixtures/hostile/manifest';
import { auditWorkspace, makeCliWorkspace, outputFiles } from '../helpers/cli-workspace';

describe('the CLI on the hostile corpus', () => {
  let dir = '';

  beforeAll(async () => {
    dir = await makeCliWorkspace('temdesk-cli-hostile-');
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each(HOSTILE_FIXTURES.map((fixture) => [fixture.name, fixture] as const))(
    '%s: exits as expected with its sentence; writes nothing when refused',
    async (name, fixture) => {
      const bill = join(dir, 'bills', name);
      await writeFile(bill, fixture.bytes());
      try {
        const run = await auditWorkspace(dir);
        expect(run.code).toBe(fixture.cliExit);
        expect(run.stderr).toContain(fixture.cliSentence ?? fixture.sentence);
        expect(run.stderr).not.toMatch(/failed unexpectedly|\n\s+at /);
        if (fixture.cliExit === 1) expect(await outputFiles(dir)).toEqual([]);
      } finally {
        await rm(bill);
        // A fixture the CLI accepts (a PDF alone) writes outputs: clear them for the next one.
        await rm(join(dir, 'out'), { recursive: true, force: true });
      }
    },
  );
});
