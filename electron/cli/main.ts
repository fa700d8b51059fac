/**
 * Entry point of the headless command line (`npm run cli -- …`). Runs under plain Node: it must
 * never import `electron`; everything it computes comes from `shared/`.
 */
import { pathToFileURL } from 'node:url';
import { todayIso } from '../../shared/dates/iso-date';
import { parseArgs } from './args';
import { USAGE } from './usage';
import { auditSummary, runAuditCommand } from './audit-command';
import { chargebackSummary, runChargebackCommand } from './chargeback-command';
import { CliError } from './inputs';
import { OutputPathError } from './outputs';
import { paymentsSummary, runPaymentsCommand } from './payments-command';
import type { Workspace } from './workspace';

/** Where the CLI writes and what time it is (injected by tests). */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  now?: () => Date;
}

/** Warnings listed before the summary; the rest are counted. */
const MAX_WARNINGS = 20;

function printWarnings(workspace: Pick<Workspace, 'warnings' | 'notices'>, io: CliIo): void {
  for (const notice of workspace.notices) io.stderr(`Notice: ${notice}\n`);
  const { warnings } = workspace;
  for (const warning of warnings.slice(0, MAX_WARNINGS)) io.stderr(`Warning: ${warning}\n`);
  if (warnings.length > MAX_WARNINGS)
    io.stderr(`Warning: … and ${warnings.length - MAX_WARNINGS} more rows.\n`);
}

// Control characters but line breaks and tabs (C0, DEL, C1), and the bidirectional overrides.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Text as it may reach a terminal: a control character a bill file holds (an escape sequence, a
 * carriage return, a NUL) is shown as its picture (`␛`, `␍`, `␀`) or `�`, never acted on by the
 * terminal, which would let a crafted file rewrite or hide what the CLI prints.
 */
export function terminalSafe(text: string): string {
  return text.replace(UNPRINTABLE, (char) => {
    const code = char.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return '\ufffd';
  });
}

/** Runs one command; returns the exit code (0 done, 1 bad input, 2 bad arguments, 3 crash). */
export async function runCli(argv: readonly string[], given: CliIo): Promise<number> {
  // Everything printed comes from files and arguments too: printable, whatever they hold.
  const io: CliIo = {
    stdout: (text) => given.stdout(terminalSafe(text)),
    stderr: (text) => given.stderr(terminalSafe(text)),
  };
  if (given.now !== undefined) io.now = given.now;
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    io.stderr(`Error: ${parsed.message}\n`);
    return 2;
  }
  const { args } = parsed;
  try {
    if (args.command === 'help') {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (args.command === 'audit') {
      const today = args.asOf ?? todayIso((io.now ?? (() => new Date()))());
      const outcome = await runAuditCommand(args, today);
      printWarnings(outcome.workspace, io);
      io.stdout(`${auditSummary(outcome, today).join('\n')}\n`);
      return 0;
    }
    if (args.command === 'payments') {
      const now = (io.now ?? (() => new Date()))(); // clock: the batch's time stamp
      const outcome = await runPaymentsCommand(args, args.asOf ?? todayIso(now), now);
      printWarnings(outcome.workspace, io);
      io.stdout(`${paymentsSummary(outcome, args).join('\n')}\n`);
      return 0;
    }
    // clock: the chargeback has no --as-of; today only decides which inventory disconnects are still to come
    const outcome = await runChargebackCommand(args, todayIso((io.now ?? (() => new Date()))()));
    printWarnings(outcome.workspace, io);
    io.stdout(`${chargebackSummary(outcome).join('\n')}\n`);
    return 0;
  } catch (error) {
    if (error instanceof OutputPathError) {
      io.stderr(`Error: ${error.message}\n`);
      return 2;
    }
    if (error instanceof CliError) {
      for (const notice of error.notices) io.stderr(`Notice: ${notice}\n`);
      io.stderr(`Error: ${error.message}\n`);
      return 1;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`TEM Desk CLI failed unexpectedly; please report this:\n${detail}\n`);
    return 3;
  }
}

/** Whether this module is the program being run (not imported by a test). */
function isMain(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  return import.meta.url === pathToFileURL(entry).href;
}

if (isMain()) {
  const code = await runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
  process.exitCode = code;
}
