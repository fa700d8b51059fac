/**
 * The run-time checks of what the renderer sends over IPC (`shared/ipc/contract.ts`): TypeScript
 * types do not cross the process line, and the renderer parses untrusted bill files. Each parser
 * returns the typed request or throws {@link IpcRefusedError} with a sentence; file names come back
 * reduced to safe plain names.
 */
import {
  MAX_PDF_NAME_LENGTH,
  MAX_SAVE_FILE_BYTES,
  MAX_SAVE_NAME_LENGTH,
  SAVE_FILE_KINDS,
} from '../shared/ipc/contract';
import type {
  FileFilter,
  InvokeChannel,
  OpenFilesRequest,
  ReadBackupRequest,
  SaveFileKind,
  SaveFileRequest,
  SaveReportPdfRequest,
  WriteBackupRequest,
} from '../shared/ipc/contract';
import { MAX_BACKUPS_KEPT, MIN_BACKUPS_KEPT, isSafeBackupName } from './backups';

/** Thrown for a refused call; the renderer's `invoke` rejects with its message. */
export class IpcRefusedError extends Error {
  override name = 'IpcRefusedError';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseFilters(value: unknown, channel: InvokeChannel): FileFilter[] | undefined {
  if (value === undefined) return undefined;
  if (
    !Array.isArray(value) ||
    !value.every(
      (filter: unknown) =>
        isRecord(filter) &&
        typeof filter.name === 'string' &&
        Array.isArray(filter.extensions) &&
        filter.extensions.every((extension: unknown) => typeof extension === 'string'),
    )
  ) {
    throw new IpcRefusedError(`${channel}: "filters" must be a list of { name, extensions[] }.`);
  }
  return (value as FileFilter[]).map(({ name, extensions }) => ({
    name,
    extensions: [...extensions],
  }));
}

function optionalString(value: unknown, field: string, channel: InvokeChannel): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  throw new IpcRefusedError(`${channel}: "${field}" must be text.`);
}

/** Checks the shape of an `OpenFilesRequest` coming from the renderer. */
export function parseOpenFilesRequest(payload: unknown): OpenFilesRequest {
  const channel = 'dialog:open-files';
  if (payload === undefined) return {};
  if (!isRecord(payload)) throw new IpcRefusedError(`${channel}: the request must be an object.`);
  const { title, filters, multiple } = payload;
  if (multiple !== undefined && typeof multiple !== 'boolean') {
    throw new IpcRefusedError(`${channel}: "multiple" must be true or false.`);
  }
  const request: OpenFilesRequest = {};
  const parsedTitle = optionalString(title, 'title', channel);
  if (parsedTitle !== undefined) request.title = parsedTitle;
  const parsedFilters = parseFilters(filters, channel);
  if (parsedFilters !== undefined) request.filters = parsedFilters;
  if (multiple !== undefined) request.multiple = multiple;
  return request;
}

/** Characters Windows refuses in a file name, and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE_NAME_CHARACTERS = /[<>:"|?*\u0000-\u001f\u007f]/g;

/**
 * What is left of a proposed name as a plain file name: whatever precedes the last `/` or `\`
 * (on any system) is dropped, and characters Windows refuses become `-`.
 */
function plainFileName(suggested: string): string {
  return (suggested.split(/[/\\]/).at(-1) ?? '').replace(UNSAFE_NAME_CHARACTERS, '-');
}

/** Leading dots would hide the file; trailing dots and spaces are dropped by Windows. */
function trimDotsAndSpaces(name: string): string {
  return name.replace(/^[\s.]+|[\s.]+$/g, '');
}

/**
 * A proposed name reduced to a plain file name (see {@link plainFileName}) that ends in one of
 * `extensions`; the first is added when it ends in none of them (`invoice.exe` → `invoice.exe.csv`).
 * Returns '' when no name is left.
 */
export function safeFileName(suggested: string, extensions: readonly string[]): string {
  const name = trimDotsAndSpaces(plainFileName(suggested));
  if (name === '') return '';
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  return extensions.includes(extension) ? name : `${name}.${extensions[0] ?? 'bin'}`;
}

function isSaveFileKind(value: unknown): value is SaveFileKind {
  return typeof value === 'string' && Object.hasOwn(SAVE_FILE_KINDS, value);
}

/**
 * Checks a `SaveFileRequest` coming from the renderer: a known kind, a name of at most
 * MAX_SAVE_NAME_LENGTH characters (returned as a safe name with an extension of the kind), bytes
 * within `maxBytes`, and nothing else (a page cannot pass a filter or a folder).
 */
export function parseSaveFileRequest(
  payload: unknown,
  maxBytes: number = MAX_SAVE_FILE_BYTES,
): SaveFileRequest {
  const channel = 'dialog:save-file';
  if (!isRecord(payload)) throw new IpcRefusedError(`${channel}: the request must be an object.`);
  const { kind, suggestedName, bytes, ...rest } = payload;
  const extra = Object.keys(rest);
  if (extra.length > 0) {
    throw new IpcRefusedError(`${channel}: unexpected field "${extra.join('", "')}".`);
  }
  if (!isSaveFileKind(kind)) {
    throw new IpcRefusedError(
      `${channel}: "kind" must be one of ${Object.keys(SAVE_FILE_KINDS).join(', ')}.`,
    );
  }
  if (typeof suggestedName !== 'string' || suggestedName.length > MAX_SAVE_NAME_LENGTH) {
    throw new IpcRefusedError(
      `${channel}: "suggestedName" must be a file name of at most ${MAX_SAVE_NAME_LENGTH} characters.`,
    );
  }
  const name = safeFileName(suggestedName, SAVE_FILE_KINDS[kind].extensions);
  if (name === '') throw new IpcRefusedError(`${channel}: "suggestedName" must be a file name.`);
  if (!(bytes instanceof Uint8Array)) {
    throw new IpcRefusedError(`${channel}: "bytes" must be a Uint8Array.`);
  }
  if (bytes.byteLength > maxBytes) {
    throw new IpcRefusedError(
      `${name} is ${formatMegabytes(bytes.byteLength)}; TEM Desk saves files up to ${formatMegabytes(maxBytes)}.`,
    );
  }
  return { kind, suggestedName: name, bytes };
}

/**
 * A proposed PDF name reduced to a plain file name (see {@link plainFileName}) ending in `.pdf`.
 * Returns '' when no name is left.
 */
export function safePdfName(suggested: string): string {
  const stem = trimDotsAndSpaces(plainFileName(suggested).replace(/\.pdf$/i, ''));
  return stem === '' ? '' : `${stem}.pdf`;
}

/** Checks the shape of a `SaveReportPdfRequest` coming from the renderer; returns a safe name. */
export function parseSaveReportPdfRequest(payload: unknown): SaveReportPdfRequest {
  const channel = 'report:save-pdf';
  if (!isRecord(payload)) throw new IpcRefusedError(`${channel}: the request must be an object.`);
  const { suggestedName } = payload;
  if (typeof suggestedName !== 'string' || suggestedName.length > MAX_PDF_NAME_LENGTH) {
    throw new IpcRefusedError(
      `${channel}: "suggestedName" must be a file name of at most ${MAX_PDF_NAME_LENGTH} characters.`,
    );
  }
  const name = safePdfName(suggestedName);
  if (name === '') throw new IpcRefusedError(`${channel}: "suggestedName" must be a file name.`);
  return { suggestedName: name };
}

function parseBackupName(value: unknown, field: string, channel: InvokeChannel): string {
  if (typeof value !== 'string' || !isSafeBackupName(value)) {
    throw new IpcRefusedError(
      `${channel}: "${field}" must be the name of a .temdesk file, without a folder.`,
    );
  }
  return value;
}

/** Checks the shape of a `WriteBackupRequest` coming from the renderer. */
export function parseWriteBackupRequest(payload: unknown): WriteBackupRequest {
  const channel = 'backup:write';
  if (!isRecord(payload)) throw new IpcRefusedError(`${channel}: the request must be an object.`);
  const { fileName, bytes, keep } = payload;
  const name = parseBackupName(fileName, 'fileName', channel);
  if (!(bytes instanceof Uint8Array)) {
    throw new IpcRefusedError(`${channel}: "bytes" must be a Uint8Array.`);
  }
  if (
    typeof keep !== 'number' ||
    !Number.isInteger(keep) ||
    keep < MIN_BACKUPS_KEPT ||
    keep > MAX_BACKUPS_KEPT
  ) {
    throw new IpcRefusedError(
      `${channel}: "keep" must be a whole number from ${MIN_BACKUPS_KEPT} to ${MAX_BACKUPS_KEPT}.`,
    );
  }
  return { fileName: name, bytes, keep };
}

/** Checks the shape of a `ReadBackupRequest` coming from the renderer. */
export function parseReadBackupRequest(payload: unknown): ReadBackupRequest {
  const channel = 'backup:read';
  if (!isRecord(payload)) throw new IpcRefusedError(`${channel}: the request must be an object.`);
  return { name: parseBackupName(payload.name, 'name', channel) };
}

/** A size as whole megabytes, rounded up, for refusal sentences. */
export function formatMegabytes(bytes: number): string {
  return `${Math.ceil(bytes / (1024 * 1024))} MB`;
}
