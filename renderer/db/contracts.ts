/**
 * Contracts in the database: saving one (validated, with its services linked both ways and its
 * files attached), attachments, spend by contract by month, the alert-window setting, and the
 * atomic commit of a contracts/rates CSV import.
 *
 * Spend under a contract is what its accounts were billed (the invoices' `linesTotal`, matched by
 * carrier + account number, by month of the invoice date). A contract that names no account but
 * covers services counts the charge lines of those services (by their match keys) instead.
 */
import Dexie from 'dexie';
import { DEFAULT_ALERT_WINDOWS } from '../../shared/contracts';
import {
  accountsTouched,
  contractSpendByMonth,
  type ContractSpend,
  type SpendInvoice,
} from '../../shared/contracts/spend';
import { isIsoDate, type IsoMonth } from '../../shared/dates';
import type { Account, Carrier, Contract, Service } from '../../shared/model';
import { CONTRACT_STATUSES } from '../../shared/model';
import type { Cents } from '../../shared/money/cents';
import { fail, ok, type FieldError, type Result } from '../../shared/result';
import type { AttachmentRecord, TemDeskDatabase } from './database';

/** A file to attach, as the platform's file picker gives it. */
export interface NewFile {
  name: string;
  bytes: Uint8Array;
}

/** An attachment without its bytes, for lists. */
export type AttachmentInfo = Omit<AttachmentRecord, 'bytes'> & { size: number };

/** Everything the contracts screens show, read together. */
export interface ContractsData {
  contracts: Contract[];
  carriers: Carrier[];
  accounts: Account[];
  services: Service[];
  attachments: AttachmentInfo[];
  /** Contract id → month → spend in cents. */
  spend: Map<string, Map<IsoMonth, Cents>>;
  alertWindows: number[];
}

export async function loadContracts(db: TemDeskDatabase): Promise<ContractsData> {
  const [contracts, carriers, accounts, services, attachments, alertWindows] = await Promise.all([
    db.contracts.toArray(),
    db.carriers.toArray(),
    db.accounts.toArray(),
    db.services.toArray(),
    db.attachments.toArray(),
    readAlertWindows(db),
  ]);
  const spend = await spendByContractByMonth(db, contracts, accounts, services);
  return {
    contracts,
    carriers,
    accounts,
    services,
    attachments: attachments.map(({ bytes, ...info }) => ({ ...info, size: bytes.length })),
    spend,
    alertWindows,
  };
}

/** Checks a contract the user typed; every error names its field. */
export function validateContract(
  contract: Contract,
  known: { carrierIds: Set<string>; accounts: Map<string, Account>; serviceIds: Set<string> },
): Result<Contract> {
  const errors: FieldError[] = [];
  const say = (column: string, message: string) => errors.push({ column, message });
  if (!known.carrierIds.has(contract.carrierId)) say('Carrier', 'Choose the carrier.');
  if (contract.name.trim() === '') say('Name', 'Give the contract a name, like “Lumen MPLS 2024”.');
  if (!isIsoDate(contract.startDate)) say('Start date', 'Enter the start date.');
  if (!Number.isInteger(contract.termMonths) || contract.termMonths < 1)
    say('Term', 'The term must be a whole number of months, 1 or more.');
  if (!isIsoDate(contract.endDate)) say('End date', 'Enter the end date.');
  else if (isIsoDate(contract.startDate) && contract.endDate < contract.startDate)
    say('End date', `The contract ends (${contract.endDate}) before it starts.`);
  if (!Number.isInteger(contract.renewalTermMonths) || contract.renewalTermMonths < 0)
    say('Renewal term', 'The renewal term must be a whole number of months (0: month to month).');
  if (!Number.isInteger(contract.noticeDays) || contract.noticeDays < 0)
    say('Notice period', 'The notice period must be a whole number of days, 0 or more.');
  if (!Number.isInteger(contract.marcCents) || contract.marcCents < 0)
    say('MARC', 'The minimum annual commitment cannot be negative.');
  if (!CONTRACT_STATUSES.includes(contract.status)) say('Status', 'Choose a status.');
  for (const id of contract.accountIds) {
    const account = known.accounts.get(id);
    if (!account) say('Accounts', 'One of the accounts no longer exists.');
    else if (account.carrierId !== contract.carrierId)
      say('Accounts', `Account ${account.accountNumber} is billed by another carrier.`);
  }
  if (contract.serviceIds.some((id) => !known.serviceIds.has(id)))
    say('Services', 'One of the services no longer exists.');
  (contract.rateCard ?? []).forEach((rate, index) => {
    const label = `Rate ${index + 1}`;
    if (!rate.planOrServiceType?.trim() && !rate.serviceId)
      say(label, 'A rate needs a plan or service type, a service, or both.');
    if (!Number.isInteger(rate.monthlyRateCents) || rate.monthlyRateCents < 0)
      say(label, 'The monthly rate cannot be negative.');
    for (const allowance of [
      rate.dataAllowanceGb,
      rate.voiceMinutesAllowance,
      rate.messagesAllowance,
    ]) {
      if (typeof allowance === 'number' && !(Number.isFinite(allowance) && allowance >= 0))
        say(label, 'An allowance is a number, zero or more, or unlimited.');
    }
    if (rate.serviceId && !contract.serviceIds.includes(rate.serviceId))
      say(label, 'A per-service rate must be for one of the services the contract covers.');
  });
  return errors.length > 0 ? fail(errors) : ok({ ...contract, name: contract.name.trim() });
}

/**
 * Saves a new or edited contract in one transaction: validates it, attaches `files`, and points
 * the services it covers at it (services it no longer covers lose the link).
 */
export async function saveContract(
  db: TemDeskDatabase,
  contract: Contract,
  files: readonly NewFile[] = [],
  now = new Date(),
): Promise<Result<string>> {
  return db.transaction(
    'rw',
    [db.contracts, db.carriers, db.accounts, db.services, db.attachments, db.serviceEvents],
    async () => {
      const [carrierIds, accounts, serviceIds] = await Promise.all([
        db.carriers.toCollection().primaryKeys(),
        db.accounts.toArray(),
        db.services.toCollection().primaryKeys(),
      ]);
      const checked = validateContract(contract, {
        carrierIds: new Set(carrierIds),
        accounts: new Map(accounts.map((a) => [a.id, a])),
        serviceIds: new Set(serviceIds),
      });
      if (!checked.ok) return checked;
      const added = files.map((file) => attachmentRecord(contract.id, file, now));
      await db.attachments.bulkAdd(added);
      const attachmentIds = [...(checked.value.attachmentIds ?? []), ...added.map((a) => a.id)];
      await db.contracts.put({ ...checked.value, attachmentIds });
      await linkServices(db, contract.id, contract.name, contract.serviceIds, now);
      return ok(contract.id);
    },
  );
}

/** Points `serviceIds` at the contract and unlinks its other services, with a history entry each. */
export async function linkServices(
  db: TemDeskDatabase,
  contractId: string,
  name: string,
  serviceIds: readonly string[],
  now: Date,
): Promise<void> {
  const wanted = new Set(serviceIds);
  const linked = await db.services.filter((s) => s.contractId === contractId).toArray();
  const at = now.toISOString();
  for (const service of linked) {
    if (wanted.has(service.id)) continue;
    await db.services.update(service.id, { contractId: undefined });
    await db.serviceEvents.add({
      serviceId: service.id,
      at,
      kind: 'edited',
      summary: `Edited — Contract: ${name} → —`,
    });
  }
  const covered = await db.services.bulkGet([...wanted]);
  for (const service of covered) {
    if (!service || service.contractId === contractId) continue;
    await db.services.update(service.id, { contractId });
    await db.serviceEvents.add({
      serviceId: service.id,
      at,
      kind: 'edited',
      summary: `Edited — Contract: → ${name}`,
    });
  }
}

/**
 * Deletes a contract and its files; its services lose the link. Returns how to put everything back
 * exactly (for Undo).
 */
export async function deleteContract(
  db: TemDeskDatabase,
  contractId: string,
): Promise<() => Promise<void>> {
  const tables = [db.contracts, db.services, db.attachments];
  return db.transaction('rw', tables, async () => {
    const contract = await db.contracts.get(contractId);
    const files = await db.attachments.where('ownerId').equals(contractId).toArray();
    const linked = await db.services.filter((s) => s.contractId === contractId).primaryKeys();
    await db.contracts.delete(contractId);
    await db.attachments.where('ownerId').equals(contractId).delete();
    await db.services
      .filter((s) => s.contractId === contractId)
      .modify((s) => void delete s.contractId);
    return async () => {
      await db.transaction('rw', tables, async () => {
        if (contract) await db.contracts.put(contract);
        await db.attachments.bulkPut(files);
        for (const id of linked) await db.services.update(id, { contractId });
      });
    };
  });
}

const MEDIA_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  txt: 'text/plain',
  csv: 'text/csv',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function attachmentRecord(ownerId: string, file: NewFile, now: Date): AttachmentRecord {
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  return {
    id: `attachment-${crypto.randomUUID()}`,
    ownerId,
    fileName: file.name,
    mediaType: MEDIA_TYPES[extension] ?? 'application/octet-stream',
    bytes: file.bytes,
    addedAt: now.toISOString(),
  };
}

/** Removes one attached file from its contract; returns how to put it back (for Undo). */
export async function removeAttachment(
  db: TemDeskDatabase,
  attachmentId: string,
): Promise<() => Promise<void>> {
  const tables = [db.contracts, db.attachments];
  return db.transaction('rw', tables, async () => {
    const attachment = await db.attachments.get(attachmentId);
    if (!attachment) return async () => undefined;
    const contract = await db.contracts.get(attachment.ownerId);
    await db.attachments.delete(attachmentId);
    if (contract) {
      const attachmentIds = (contract.attachmentIds ?? []).filter((id) => id !== attachmentId);
      await db.contracts.update(contract.id, { attachmentIds });
    }
    return async () => {
      await db.transaction('rw', tables, async () => {
        await db.attachments.put(attachment);
        const current = contract && (await db.contracts.get(contract.id));
        if (current && !(current.attachmentIds ?? []).includes(attachmentId))
          await db.contracts.update(current.id, {
            attachmentIds: [...(current.attachmentIds ?? []), attachmentId],
          });
      });
    };
  });
}

export function readAttachment(
  db: TemDeskDatabase,
  attachmentId: string,
): Promise<AttachmentRecord | undefined> {
  return db.attachments.get(attachmentId);
}

/**
 * Each contract's spend per month (see `shared/contracts/spend.ts` for the one definition), read
 * from the per-invoice service totals of the accounts the contracts touch.
 */
export async function spendByContractByMonth(
  db: TemDeskDatabase,
  contracts: readonly Contract[],
  accounts: readonly Account[],
  services: readonly Service[],
): Promise<ContractSpend> {
  const touched = accountsTouched(contracts, services, accounts);
  const invoices: SpendInvoice[] = [];
  for (const account of accounts) {
    if (!touched.has(account.id)) continue;
    for (const invoice of await invoicesOf(db, account))
      invoices.push({
        id: invoice.id,
        carrierId: account.carrierId,
        accountId: account.id,
        invoiceDate: invoice.invoiceDate,
      });
  }
  const totals = await db.serviceTotals.bulkGet(invoices.map((i) => i.id));
  const byInvoice = new Map(totals.flatMap((t) => (t === undefined ? [] : [[t.invoiceId, t]])));
  return contractSpendByMonth(contracts, services, accounts, invoices, (id) => byInvoice.get(id));
}

function invoicesOf(db: TemDeskDatabase, account: Account) {
  return db.invoices
    .where('[carrierId+accountNumber+invoiceNumber]')
    .between(
      [account.carrierId, account.accountNumber, Dexie.minKey],
      [account.carrierId, account.accountNumber, Dexie.maxKey],
    )
    .toArray();
}

/** Settings key of the renewal alert windows (days before the notice deadline). */
export const ALERT_WINDOWS_KEY = 'contractAlertWindows';

export async function readAlertWindows(db: TemDeskDatabase): Promise<number[]> {
  const value = (await db.settings.get(ALERT_WINDOWS_KEY))?.value;
  return Array.isArray(value) && value.every((v) => Number.isInteger(v) && v > 0)
    ? value.map(Number)
    : [...DEFAULT_ALERT_WINDOWS];
}

/** Reads `120, 90, 45, 30` into alert windows, or says what is wrong. */
export function alertWindowsFromText(text: string): Result<number[]> {
  const parts = text.split(/[,;\s]+/).filter(Boolean);
  const days = parts.map(Number);
  if (days.length === 0 || days.some((d) => !Number.isInteger(d) || d < 1 || d > 730))
    return fail({
      column: 'Alert windows',
      message: 'Alert windows are whole numbers of days between 1 and 730, like 120, 90, 45, 30.',
    });
  return ok([...new Set(days)].sort((a, b) => b - a));
}

export async function writeAlertWindows(db: TemDeskDatabase, windows: number[]): Promise<void> {
  await db.settings.put({ key: ALERT_WINDOWS_KEY, value: windows });
}
