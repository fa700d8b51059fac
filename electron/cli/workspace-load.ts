/**
 * The disk side of the CLI's workspace: reads the files the arguments name (`--workspace`,
 * `--mappings`, the set-up files, then the bills) and hands their bytes to `buildWorkspace`
 * (`workspace.ts`), which the tests call directly with bytes of their own. An output among the
 * inputs stops the run here, before anything is written.
 */
import type { IsoDate } from '../../shared/dates/iso-date';
import type { WorkspaceArgs } from './args';
import { BACKUP_MAX_BYTES, collectBillFiles, readInputFile } from './inputs';
import { refuseOutputsOverInputs, type InputPath } from './outputs';
import { buildWorkspace, type NamedBytes, type Workspace } from './workspace';
import { readMappingsOption, readWorkspaceBackup } from './workspace-backup';

/** The input files the arguments name (bills as given: files or folders). */
function namedInputs(args: WorkspaceArgs): InputPath[] {
  const options = [
    ['--workspace', args.workspace],
    ['--mappings', args.mappings],
    ['--cost-centers', args.costCenters],
    ['--sites', args.sites],
    ['--inventory', args.inventory],
    ['--contracts', args.contracts],
    ['--rates', args.rates],
  ] as const;
  return options.flatMap(([option, path]) =>
    path === null ? [] : [{ what: `the ${option} file`, path }],
  );
}

/**
 * Reads the files the arguments name and builds the workspace. An output among them (`outputs`:
 * the files the command will write) stops the run first, before a byte is written.
 */
export async function loadWorkspace(
  args: WorkspaceArgs,
  today: IsoDate,
  outputs: readonly string[],
): Promise<Workspace> {
  await refuseOutputsOverInputs(outputs, namedInputs(args));
  const named = async (path: string, option: string): Promise<NamedBytes> => ({
    name: path,
    bytes: await readInputFile(path, option),
  });
  const backup =
    args.workspace === null
      ? null
      : readWorkspaceBackup(
          await readInputFile(args.workspace, 'workspace', BACKUP_MAX_BYTES),
          args.workspace,
        );
  const mappings =
    args.mappings === null
      ? []
      : readMappingsOption(await readInputFile(args.mappings, 'mappings'), args.mappings);
  // The set-up files are read (and refused) before the bills are looked for, as before.
  const costCenters =
    args.costCenters === null ? null : await named(args.costCenters, 'cost-centers');
  const sites = args.sites === null ? null : await named(args.sites, 'sites');
  const inventory = args.inventory === null ? null : await named(args.inventory, 'inventory');
  const contracts = args.contracts === null ? null : await named(args.contracts, 'contracts');
  const rates = args.rates === null ? null : await named(args.rates, 'rates');
  const bills = await collectBillFiles(args.bills, args.limits);
  await refuseOutputsOverInputs(
    outputs,
    bills.files.map((file) => ({ what: 'a bill file of --bills', path: file.path })),
  );
  return buildWorkspace({
    backup,
    mappings,
    ...(args.mappings === null ? {} : { mappingsName: args.mappings }),
    today,
    costCenters,
    sites,
    inventory,
    contracts,
    rates,
    bills,
    billOptions: {
      limits: args.limits,
      ...(args.sheet === null ? {} : { preferredSheet: args.sheet }),
      ...(args.dateOrder === null ? {} : { defaultDateOrder: args.dateOrder }),
      defaultInvoiceDetails: args.invoiceDetails,
    },
    ...(args.setupDateOrder === null ? {} : { setupDateOrder: args.setupDateOrder }),
  });
}
