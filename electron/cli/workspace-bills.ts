/** Bill files of the CLI workspace: read one by one, repeated invoices kept once and reported. */
import { aggregateLines } from '../../shared/billing/aggregates';
import { invoiceFromDraft } from '../../shared/billing/invoice-from-draft';

import type { DraftChargeLine, DraftInvoice } from '../../shared/import/draft';
import { readBills, type ReadOutcome } from '../../shared/import/read-bill';

import type { Invoice, UsageRecord } from '../../shared/model';
import { ZERO_CENTS } from '../../shared/money/cents';
import { packChargeLines, type ChargeBlock } from '../../shared/storage/charge-blocks';

import { CliError } from './inputs';

import type { Registry } from './workspace-registry';

import type { RepeatedInvoice, StoredLine } from './workspace';

function billProblem(path: string, outcome: Exclude<ReadOutcome, { kind: 'draft' }>): string {
  const member =
    outcome.fileName !== '' && !path.endsWith(outcome.fileName) ? ` (${outcome.fileName})` : '';
  switch (outcome.kind) {
    case 'unreadable':
      return `Cannot read the bill file "${path}"${member}: ${outcome.message}`;
    case 'needs-mapping':
      return `The bill file "${path}"${member} is not in a layout TEM Desk recognises (columns: ${outcome.header.join(', ')}). Import it once in the app to map its columns, or convert it to the TEM Desk charges CSV.`;
    case 'needs-date-order':
      return `The dates in the bill file "${path}"${member} can be read more than one way (${outcome.candidates.join(' or ')}, e.g. ${outcome.examples.slice(0, 3).join(', ')}); import it in the app once to choose.`;
    case 'needs-invoice-details':
      return `The bill file "${path}"${member} does not say its ${outcome.missing.join(', ')}; import it in the app, which asks for them.`;
  }
}

export interface BillState {
  registry: Registry;
  invoices: Invoice[];
  chargeBlocks: ChargeBlock[];
  lines: StoredLine[];
  usage: UsageRecord[];
  repeatedInvoices: RepeatedInvoice[];
  warnings: string[];
  /** Invoice key → kept invoice and its file. */
  kept: Map<string, { invoice: Invoice; file: string }>;
  /** File path → keys of the invoices read from it. */
  keysByFile: Map<string, string[]>;
}

export function invoiceOf(
  drafted: DraftInvoice,
  id: string,
  carrierId: string,
  lines: readonly DraftChargeLine[],
): Invoice {
  return invoiceFromDraft(drafted, { id, carrierId, importBatchId: 'cli' }, lines);
}

export function readBillFile(
  path: string,
  name: string,
  bytes: Uint8Array,
  state: BillState,
): void {
  const outcomes = readBills([{ name, bytes }]);
  const keys: string[] = [];
  state.keysByFile.set(path, keys);
  for (const outcome of outcomes) {
    if (outcome.kind !== 'draft') throw new CliError(billProblem(path, outcome));
    const { draft } = outcome;
    for (const error of draft.errors) {
      state.warnings.push(`${path}, row ${error.row}: ${error.message}`);
    }
    const linesByKey = new Map<string, DraftChargeLine[]>();
    for (const line of draft.lines) {
      const list = linesByKey.get(line.invoiceKey);
      if (list === undefined) linesByKey.set(line.invoiceKey, [line]);
      else list.push(line);
    }
    const idByKey = new Map<string, string>();
    for (const drafted of draft.invoices) {
      const lines = linesByKey.get(drafted.key) ?? [];
      const earlier = state.kept.get(drafted.key);
      if (earlier !== undefined) {
        const total = drafted.statedTotal ?? aggregateLines(lines).linesTotal;
        state.repeatedInvoices.push({
          invoice: earlier.invoice,
          firstFile: earlier.file,
          repeatFile: path,
          total,
        });
        continue;
      }
      const carrierId = state.registry.carrierId(drafted.carrierName);
      state.registry.accountId(carrierId, drafted.accountNumber);
      const id = `invoice-${state.invoices.length + 1}`;
      const invoice = invoiceOf(drafted, id, carrierId, lines);
      idByKey.set(drafted.key, id);
      state.kept.set(drafted.key, { invoice, file: path });
      keys.push(drafted.key);
      state.invoices.push(invoice);
      state.chargeBlocks.push(...packChargeLines(id, lines));
      for (const line of lines) state.lines.push({ invoiceId: id, line });
    }
    for (const record of draft.usage) {
      const invoiceId = idByKey.get(record.invoiceKey);
      // Usage of an invoice already read from another file is that copy's, not new usage.
      if (invoiceId === undefined && state.kept.has(record.invoiceKey)) continue;
      state.usage.push({
        serviceKey: record.serviceKey,
        serviceIdRaw: record.serviceIdRaw,
        month: record.month,
        ...(invoiceId === undefined ? {} : { invoiceId }),
        minutes: record.minutes,
        messages: record.messages,
        dataKb: record.dataKb,
        roamingMinutes: record.roamingMinutes ?? 0,
        roamingDataKb: record.roamingDataKb ?? 0,
        usageCharges: ZERO_CENTS,
      });
    }
  }
}

/** Reads every input into one workspace; any unreadable input is a {@link CliError}. */
