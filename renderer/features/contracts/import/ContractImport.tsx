import { useState } from 'react';
import { todayIso } from '../../../../shared/dates';
import type { SaveFileKind } from '../../../../shared/ipc/contract';
import { useDatabase } from '../../../db/DatabaseContext';
import type { ContractsData } from '../../../db/contracts';
import {
  CONTRACT_FILE_COLUMNS,
  guessColumnChoice,
  headerFitsContractFile,
  RATE_FILE_COLUMNS,
  readChosenContracts,
  readChosenRates,
  type ColumnChoice,
} from '../../../../shared/contracts/mapping';
import type { Table } from '../../../../shared/import/table';
import { readTabularFile } from '../../../../shared/inventory/table-file';
import { ColumnMappingStep } from './ColumnMappingStep';
import { platform } from '../../../platform';
import { commitContractImport, planContractImport } from '../../../db/contracts-import';
import { contractsCsvBytes, contractsXlsxBytes, ratesCsvBytes } from './exports';
import { ImportPreview, type ImportSession } from './ImportPreview';

const CSV_FILTERS = [
  { name: 'Spreadsheets (CSV, TSV, XLSX)', extensions: ['csv', 'tsv', 'txt', 'xlsx'] },
];

interface MappingStep {
  kind: 'contracts' | 'rates';
  fileName: string;
  table: Table;
  choice: ColumnChoice;
}

/** Contracts and rates from CSV (preview, row errors, one-transaction commit); CSV/XLSX export. */
export function ContractImport({ data }: { data: ContractsData }) {
  const db = useDatabase();
  const [session, setSession] = useState<ImportSession | null>(null);
  const [message, setMessage] = useState('');
  const [mapping, setMapping] = useState<MappingStep | null>(null);

  const pick = async (kind: 'contracts' | 'rates') => {
    const [file] = await platform().openFiles({
      title: kind === 'contracts' ? 'Contracts file' : 'Rates file',
      filters: CSV_FILTERS,
      multiple: false,
    });
    if (!file) return;
    // A workbook's sheet of this kind of file: the contracts export holds Contracts and Rates.
    const table = readTabularFile(file.name, file.bytes, (header) =>
      headerFitsContractFile(kind, header),
    );
    if (!table.ok) return setMessage(table.errors.map((e) => e.message).join(' '));
    const specs = kind === 'contracts' ? CONTRACT_FILE_COLUMNS : RATE_FILE_COLUMNS;
    setMessage('');
    setMapping({
      kind,
      fileName: file.name,
      table: table.value,
      choice: guessColumnChoice(table.value.header, specs),
    });
  };

  /** The file read through the chosen columns, like any contracts file, its reader's problems first. */
  const read = async (step: MappingStep, choice: ColumnChoice) => {
    const { kind } = step;
    setMapping(null);
    const base = session ?? { drafts: [], rates: [], contractErrors: [], rateErrors: [] };
    // The file reader's problems (a value in a column with no header…) come with the reader's.
    const contractsRead = kind === 'contracts' ? readChosenContracts(step.table, choice) : null;
    const ratesRead = kind === 'rates' ? readChosenRates(step.table, choice) : null;
    const next = {
      ...base,
      ...(contractsRead && {
        contractsFile: step.fileName,
        drafts: contractsRead.rows,
        contractErrors: contractsRead.errors,
      }),
      ...(ratesRead && {
        ratesFile: step.fileName,
        rates: ratesRead.rows,
        rateErrors: ratesRead.errors,
      }),
    };
    setMessage('');
    setSession({ ...next, plan: await planContractImport(db, next.drafts, next.rates) });
  };

  const commit = async () => {
    if (!session) return;
    const outcome = await commitContractImport(db, session.drafts, session.rates);
    if (!outcome.ok) {
      setMessage(`Nothing was imported: ${outcome.errors.map((e) => e.message).join(' ')}`);
      return;
    }
    const { created, updated, rates, notes = [] } = outcome.value;
    setSession(null);
    setMessage(
      [
        `Imported ${created} new and ${updated} updated contracts, and ${rates} rates.`,
        ...notes.map((note) => note.message),
      ].join(' '),
    );
  };

  const save = async (name: string, bytes: Uint8Array, kind: SaveFileKind) => {
    const saved = await platform().saveFile(name, bytes, kind);
    if (saved.saved) setMessage(`Saved ${saved.path}`);
  };
  const today = todayIso(new Date());
  const empty = data.contracts.length === 0;

  return (
    <>
      <section className="panel" aria-labelledby="contracts-import-title">
        <h2 id="contracts-import-title">Import contracts from a spreadsheet</h2>
        <p className="hint">
          Contracts file columns: Contract ID, Carrier, Name, Accounts (separated by ;), Start Date,
          Term Months, End Date, Auto Renew, Renewal Term Months, Notice Days, MARC, Status. Rates
          file columns: Contract ID, Plan Or Service Type, Service ID, Monthly Rate, and optionally
          Month-to-Month Rate (charged after the contract ends; blank when not known), Data
          Allowance GB, Voice Minutes Allowance, Messages Allowance (a number, unlimited, or blank
          when not known). CSV or XLSX; other column names are matched where they can be, and you
          choose the rest.
        </p>
        <div className="button-row">
          <button type="button" onClick={() => void pick('contracts')}>
            Choose contracts file…
          </button>
          <button type="button" className="secondary" onClick={() => void pick('rates')}>
            Choose rates file…
          </button>
        </div>
        {mapping && (
          <ColumnMappingStep
            key={`${mapping.kind}-${mapping.fileName}`}
            fileName={mapping.fileName}
            table={mapping.table}
            specs={mapping.kind === 'contracts' ? CONTRACT_FILE_COLUMNS : RATE_FILE_COLUMNS}
            initial={mapping.choice}
            onConfirm={(choice) => void read(mapping, choice)}
            onCancel={() => setMapping(null)}
          />
        )}
        {session && (
          <ImportPreview
            session={session}
            onCommit={() => void commit()}
            onCancel={() => setSession(null)}
          />
        )}
        <p role="status">{message}</p>
      </section>
      <section className="panel" aria-labelledby="contracts-export-title">
        <h2 id="contracts-export-title">Export</h2>
        <div className="button-row">
          <button
            type="button"
            disabled={empty}
            onClick={() => void save(`contracts-${today}.csv`, contractsCsvBytes(data), 'csv')}
          >
            Contracts (CSV)
          </button>
          <button
            type="button"
            disabled={empty}
            onClick={() => void save(`contract-rates-${today}.csv`, ratesCsvBytes(data), 'csv')}
          >
            Rates (CSV)
          </button>
          <button
            type="button"
            disabled={empty}
            onClick={() => void save(`contracts-${today}.xlsx`, contractsXlsxBytes(data), 'xlsx')}
          >
            Contracts and rates (XLSX)
          </button>
        </div>
      </section>
    </>
  );
}
