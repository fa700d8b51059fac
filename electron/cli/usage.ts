/** The command line's help text (`npm run cli -- --help`), printed as is. */
export const USAGE = `TEM Desk command line

Usage:
  npm run cli -- audit --sites <file> --inventory <file> --contracts <file> [--rates <file>]
                       --bills <files or folders...> --out <folder> [--as-of YYYY-MM-DD]
  npm run cli -- audit --workspace <backup.temdesk> [--mappings <file.json>]
                       --bills <files or folders...> --out <folder> [--as-of YYYY-MM-DD]
  npm run cli -- chargeback --sites <file> --inventory <file> [--contracts <file>] [--rates <file>]
                            --bills <files or folders...> --month YYYY-MM --out <file.csv|file.xlsx>
                            [--suspense-cost-center <code>] [--suspense-gl <account>] [--total-row]
  npm run cli -- payments --sites <file> --inventory <file> [--contracts <file>] [--rates <file>]
                          --bills <files or folders...> --from YYYY-MM-DD --to YYYY-MM-DD
                          --out <file> [--format csv|xlsx] [--include-exported] [--as-of YYYY-MM-DD]
  npm run cli -- --help

audit       Audits the bills against the inventory and contracts and writes findings.csv,
            invoices.csv and charges.csv to the --out folder. --as-of sets the audit date
            (default: today) so a run can be reproduced.
chargeback  Allocates the month's charges to cost centers and writes the Chargeback export
            (standard layout) as CSV or XLSX, by the --out file's extension. The CSV books the
            unallocated charges to a suspense cost center and GL account (--suspense-cost-center,
            --suspense-gl; UNALLOCATED by default) so it adds up to the month's invoices;
            --total-row ends it with a row holding the month's invoice total.
payments    Writes the AP payment file (one row per invoice and cost center with its GL account)
            of the approved invoices due from --from to --to. Approvals come from the approval
            policy with its default settings; the format is --format's, else the --out
            file's extension (within 5 % or $25 of the expected amount, no open
            error finding of the checks as of --as-of, default today). Exported invoices are
            listed in payments-register.csv beside the output and left out of the next run
            unless --include-exported is given.

--workspace <backup.temdesk> starts every command from a backup of the app (Settings → Download backup):
its sites, inventory, contracts, rates, invoices, audit thresholds, disputes and saved column
mappings. The backup is checked as the app's restore checks it; a damaged one, or one made by a
newer TEM Desk, is refused. --sites, --inventory and --contracts are then optional: a file given
with it is imported over the backup as the app would import it (its rows update the records with
the same key and add new ones). A bill already in the backup is counted once and reported as a
duplicate-invoice. --mappings <file.json> reads bills with the column mappings exported from
Settings → Column mappings (they win over the backup's for the same columns).

Sites, inventory, contracts and rates use TEM Desk's canonical CSV columns, as CSV or .xlsx. Both commands also take --cost-centers <file> (Cost Center, Name, GL Account,
Status), read first; without it, the sites' cost center codes make cost centers named by code;
with it, a code the file lacks is refused on its row. Bills may be any layout TEM Desk recognises, ZIPs included; a folder is read
with its sub-folders; PDFs are skipped with a notice. A path named twice (a file also inside a
folder given) is read once; a second copy of a bill (another file of the same content or
invoice) is counted once and reported as a duplicate-invoice finding.

When a bill row cannot be read, nothing is written and the exit code is 1. Options of both
commands:
  --allow-row-errors   write the outputs anyway, without those rows; the summary lists them
                       with their amounts
  --allow-any-year     read bill dates outside 1990-2100
  --max-file-mb <n>    largest bill file or ZIP member, unzipped (default 100)
  --max-zip-mb <n>     largest total of a ZIP's files, unzipped (default 500)
  --max-zip-ratio <n>  highest compression ratio of a ZIP member (default 200)
  --sheet <name>       the sheet to read in Excel bill workbooks holding several bill sheets
                       (or a hidden one); hidden sheets are never read unless named
  --date-order <order> MDY, DMY or YMD: how to read bill dates that could be read more than
                       one way (11/01/2026 when no date of the file is past the 12th); a
                       file whose dates say their order is read by them
  --setup-date-order <order>
                       MDY, DMY or YMD: the same for the sites, inventory and contracts
                       files (03/04/2026 in a file none of whose dates tells the order)
  --account-number <n> the account of bill files that name none (a Teams PSTN usage report,
                       a T-Mobile summary without an account column)
  --invoice-date <d>   the invoice date (YYYY-MM-DD) of bill files that give none
  --exchange-rate <c=r>
                       US dollars per 1 unit of the currency of bill files charged in
                       another (a Teams PSTN usage report in euros: EUR=1.0842; Bell,
                       Rogers and TELUS bill in Canadian dollars: CAD=0.7312; several:
                       CAD=0.7312,EUR=1.0842); their amounts are converted, never read
                       as dollars (CAD=1: an account billed in US dollars, as written)
Outputs are written under a temporary name and renamed when complete.
Exit codes: 0 done, 1 bad input (nothing written), 2 bad arguments.`;
