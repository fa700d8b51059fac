/** The set-up fixture files (test/fixtures/setup/), read as a user picks them. */
import { PINNED_TODAY } from './clock';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSetupFile, type SetupFile } from '../../shared/ledger/setup-files';

export const SETUP_FIXTURES = join(__dirname, '../fixtures/setup');

/** The five fixture files in apply order: cost centers, sites, contracts, inventory, rates. */
export const SETUP_FILE_NAMES = [
  'cost-centers.csv',
  'sites.csv',
  'contracts.csv',
  'inventory.csv',
  'rates.csv',
] as const;

/** The fixture files read, named `file-1.csv`… so nothing but their header tells their kind. */
export function setupFixtures(): SetupFile[] {
  return SETUP_FILE_NAMES.map((name, index) =>
    readSetupFile(`file-${index + 1}.csv`, readFileSync(join(SETUP_FIXTURES, name)), PINNED_TODAY),
  );
}
