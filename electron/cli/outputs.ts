/**
 * Writing the CLI's outputs so a reader never sees half of them: each file is written under a
 * temporary name in its own folder, and only once every file is complete are they renamed into
 * place (a rename within a folder replaces the old file in one step). A failure removes the
 * temporary files and leaves any earlier outputs as they were.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError } from './inputs';

/**
 * An output the arguments point at a file the run needs (an input, or another output): a usage
 * mistake, exit code 2, refused before anything is read or written.
 */
export class OutputPathError extends CliError {}

/** Whether the file system ignores the case of names (as Windows and macOS do by default). */
const CASE_BLIND = process.platform === 'win32' || process.platform === 'darwin';

/** A path as compared: resolved, in lower case where the system ignores case. */
function pathKey(path: string): string {
  const resolved = resolve(path);
  return CASE_BLIND ? resolved.toLowerCase() : resolved;
}

/**
 * Whether two paths name the same file: the same path once resolved, or, for a file that exists,
 * the same file on disk (a link to it, its name in another case, a hard link).
 */
export async function sameFile(a: string, b: string): Promise<boolean> {
  if (pathKey(a) === pathKey(b)) return true;
  const [infoA, infoB] = await Promise.all([stat(a).catch(() => null), stat(b).catch(() => null)]);
  if (infoA === null || infoB === null) return false;
  if (infoA.ino !== 0 && infoA.dev === infoB.dev && infoA.ino === infoB.ino) return true;
  const [realA, realB] = await Promise.all([
    realpath(a).catch(() => null),
    realpath(b).catch(() => null),
  ]);
  return realA !== null && realA === realB;
}

/** An input file of the run: what it is (`the --sites file`) and its path. */
export interface InputPath {
  what: string;
  path: string;
}

/**
 * Refuses (exit 2, before anything is written) an output that is one of the run's inputs, or two
 * outputs that are one file: written, it would replace the sites, a bill or the backup the next
 * run needs.
 */
export async function refuseOutputsOverInputs(
  outputs: readonly string[],
  inputs: readonly InputPath[],
): Promise<void> {
  for (const output of outputs) {
    for (const input of inputs) {
      if (!(await sameFile(output, input.path))) continue;
      const named = input.path === output ? '' : ` ("${input.path}")`;
      throw new OutputPathError(
        `The output "${output}" is ${input.what}${named}, which this run reads: writing it would replace that input. Give --out another path; nothing was written.`,
      );
    }
  }
}

/** One output file and its content. */
export interface OutputFile {
  path: string;
  data: string | Uint8Array;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A hidden name beside `path`, unique to this run. */
export function temporaryName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${randomUUID().slice(0, 8)}.tmp`);
}

/** Removes temporary files, best effort: the error worth reporting is the one that stopped us. */
async function removeAll(paths: readonly string[]): Promise<void> {
  await Promise.all(paths.map((path) => rm(path, { force: true }).catch(() => undefined)));
}

/** Writes every file completely under a temporary name, then renames them all into place. */
export async function writeOutputs(files: readonly OutputFile[]): Promise<void> {
  const temporary: string[] = [];
  for (const file of files) {
    const temp = temporaryName(file.path);
    try {
      await mkdir(dirname(file.path), { recursive: true });
      temporary.push(temp);
      await writeFile(temp, file.data);
    } catch (error) {
      await removeAll(temporary);
      throw new CliError(`Cannot write "${file.path}": ${reason(error)}. Nothing was written.`);
    }
  }
  for (const [index, file] of files.entries()) {
    try {
      await rename(temporary[index] ?? '', file.path);
    } catch (error) {
      await removeAll(temporary.slice(index));
      throw new CliError(`Cannot write "${file.path}": ${reason(error)}.`);
    }
  }
}
