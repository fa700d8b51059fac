import type { TemDeskDatabase } from '../../renderer/db/database';
import { commitImport } from '../../renderer/db/import-commit';
import { loadSampleOrganization } from '../../renderer/db/sample-data';
import { expandUpload } from '../../shared/import/archive';
import { readBills } from '../../shared/import/read-bill';
import { generateSampleCompany } from '../fixtures/generate/sample-company';
import type { SampleCompany, SampleOptions } from '../../shared/sample';

/**
 * Loads the sample company into a database exactly as the app's one-click button does: its
 * inventory and contracts, then every bill file through the import pipeline in one commit.
 */
export async function loadSampleIntoDb(
  db: TemDeskDatabase,
  options: SampleOptions = { months: 6, scale: 0.3 },
): Promise<SampleCompany> {
  const company = generateSampleCompany(options);
  await loadSampleOrganization(db, company);
  const files = company.files.map((f) => ({ name: f.name, bytes: f.bytes }));
  const outcomes = readBills(files);
  const drafts = outcomes.flatMap((o) => (o.kind === 'draft' ? [o.draft] : []));
  const used = new Set(drafts.flatMap((d) => d.invoices.map((i) => i.sourceFile)));
  const uploads = files
    .map((file, index) => {
      const expanded = expandUpload(file);
      const memberNames = expanded.ok ? expanded.value.map((m) => m.name) : [file.name];
      return {
        fileName: file.name,
        bytes: file.bytes,
        fileHash: String(index).padStart(64, '0'),
        memberNames,
      };
    })
    .filter((upload) => upload.memberNames.some((name) => used.has(name)));
  const outcome = await commitImport(db, { uploads, drafts }, { sample: true });
  if (!outcome.ok) throw new Error(`sample import refused: ${JSON.stringify(outcome.conflicts)}`);
  return company;
}
