/**
 * Service IDs written in full-width characters, as a Japanese-locale Excel writes them
 * (`５５５-０１０-０００１`), are the services written in ASCII; an ID in another script
 * (`ЛИНИЯ-7`) is a service of its own. Keyed on ASCII letters and digits only, both had no key
 * and were read as account-level charges: the line's cost spread over the other cost centers, the
 * real service reported as on no bill, no unknown-service finding.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it, onTestFinished } from 'vitest';
import { auditWorkspace, makeCliWorkspace, outputRows } from '../helpers/cli-workspace';

it('matches a full-width service ID to its service and reports one in another script as unknown', async () => {
  const dir = await makeCliWorkspace('temdesk-cli-full-width-');
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  await writeFile(
    join(dir, 'bills', 'lumen.csv'),
    [
      'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Category,Amount',
      'Lumen,5-KE4X-001,754240482,2026-10-01,５５５-０１０-０００１,MRC,850.00',
      'Lumen,5-KE4X-001,754240482,2026-10-01,ЛИНИЯ-7,MRC,120.00',
      '',
    ].join('\n'),
  );
  const run = await auditWorkspace(dir);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const findings = await outputRows(dir, 'findings.csv');
  expect(findings.filter((row) => row['Rule'] === 'not-billed')).toEqual([]);
  expect(
    findings.filter((row) => row['Rule'] === 'unknown-service').map((row) => row['Service ID']),
  ).toEqual(['ЛИНИЯ-7']);
});
