import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { inject, onTestFailed } from 'vitest';
import {
  isoMonthOf,
  MONTH_NAMES,
  monthParts,
  type IsoDate,
  type IsoMonth,
} from '../../shared/dates';
import { plural } from '../../shared/text/wording';
import { generateSampleCompany, type SampleCompany } from '../fixtures/generate/sample-company';
import { CHROMIUM_ARGS } from '../helpers/chromium';
import { noonOf, testToday } from '../helpers/clock';

export const RESULTS_DIR = join(process.cwd(), 'test-results');
export const SCREENSHOT_DIR = join(RESULTS_DIR, 'screenshots');

export interface AppSession {
  context: BrowserContext;
  page: Page;
  baseUrl: string;
  /**
   * The page's calendar date when the session opened (its clock starts at noon of it and keeps
   * running): compute expectations from this, never from the machine's calendar.
   */
  today: IsoDate;
  /** Console errors and uncaught page errors seen so far. */
  consoleErrors: string[];
  /** Every request that tried to leave localhost (each one was aborted). */
  externalRequests: string[];
  screenshot(name: string): Promise<string>;
  /** Closes Chromium; pass `true` (or let `onTestFailed` tell it) to keep a trace of a failure. */
  close(testFailed?: boolean): Promise<void>;
}

function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:') return true;
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

/** A stand-in for the Electron preload: the page sees the same named functions the real bridge exposes. */
export interface FakeBridgeOptions {
  /** The file the "native open dialog" returns. */
  fileName: string;
  text: string;
}

declare global {
  interface Window {
    /** Test hook: deliver a native-menu command, as the main process would. */
    __menu?: (command: string) => void;
    /** Test hook: what the last "native save dialog" received. */
    __saved?: { suggestedName: string; length: number };
    /** Test hook: the backups the app wrote to "disk", by name. */
    __backups?: Map<string, Uint8Array>;
    /** Test hook: every `saveReportPdf` request the page made, in order. */
    __pdfSaves?: { suggestedName: string }[];
    /** Test hook: how the next `saveReportPdf` ends (default: saved in ~/Documents). */
    __pdfNext?: 'cancel' | 'fail';
  }
}

/** Runs in the page before the app: defines `window.temDesk` as the preload would. */
function installFakeBridge(options: FakeBridgeOptions): void {
  const bytes = new TextEncoder().encode(options.text);
  const listeners: ((command: string) => void)[] = [];
  window.__menu = (command) => listeners.forEach((listener) => listener(command));
  Object.defineProperty(window, 'temDesk', {
    value: Object.freeze({
      openFiles: async () => [{ name: options.fileName, bytes }],
      saveFile: async (request: { suggestedName: string; bytes: Uint8Array }) => {
        window.__saved = { suggestedName: request.suggestedName, length: request.bytes.length };
        return { saved: true, path: `/home/user/${request.suggestedName}` };
      },
      appInfo: async () => ({
        name: 'TEM Desk',
        version: '0.1.0',
        platform: 'linux',
        electronVersion: '45.0.0',
        userDataPath: '/home/user/.config/TEM Desk',
      }),
      writeBackup: async (request: { fileName: string; bytes: Uint8Array; keep: number }) => {
        const backups = (window.__backups ??= new Map());
        backups.set(request.fileName, request.bytes);
        return { path: `/home/user/.config/TEM Desk/backups/${request.fileName}`, removed: [] };
      },
      listBackups: async () => ({
        folder: '/home/user/.config/TEM Desk/backups',
        files: [...(window.__backups ?? new Map<string, Uint8Array>()).entries()]
          .reverse()
          .map(([name, bytes]) => ({
            name,
            size: bytes.length,
            // clock: the page's (pinned) clock, as the OS stamps a file it writes.
            modifiedAt: new Date().toISOString(),
          })),
      }),
      readBackup: async (request: { name: string }) => {
        const bytes = window.__backups?.get(request.name);
        if (!bytes) throw new Error('no such backup');
        return bytes;
      },
      chooseBackupFolder: async () => ({ cancelled: true }),
      saveReportPdf: async (request: { suggestedName: string }) => {
        (window.__pdfSaves ??= []).push({ suggestedName: request.suggestedName });
        const next = window.__pdfNext;
        window.__pdfNext = undefined;
        // What Electron's ipcRenderer.invoke rejects with when the main process throws.
        if (next === 'fail') {
          throw new Error(
            "Error invoking remote method 'report:save-pdf': Error: ENOSPC: no space left on device",
          );
        }
        if (next === 'cancel') return { saved: false };
        return { saved: true, path: `/home/user/Documents/${request.suggestedName}` };
      },
      onMenuCommand: (listener: (command: string) => void) => {
        listeners.push(listener);
        return () => listeners.splice(listeners.indexOf(listener), 1);
      },
    }),
  });
}

/** Options of `openApp`. */
export interface OpenAppOptions {
  /** A Chromium profile to reuse (its IndexedDB survives); a fresh one by default. */
  userDataDir?: string;
  /** Where to open, e.g. `#/bills`. */
  hash?: string;
  /** Replaces the Electron preload with a fake bridge (see `FakeBridgeOptions`). */
  bridge?: FakeBridgeOptions;
  /**
   * The page's today. Default: the pinned test date, moved by TEM_DESK_CLOCK_SHIFT_DAYS
   * (`testToday()` in test/helpers/clock.ts). The clock starts at noon of it and keeps running.
   */
  today?: IsoDate;
}

/**
 * Opens the built app in a fresh Chromium profile (fresh IndexedDB), its clock pinned at
 * `options.today` (default: the pinned test date plus TEM_DESK_CLOCK_SHIFT_DAYS). Any request to a
 * host other than localhost is recorded and aborted, so a test can assert the app never goes
 * online. A failing test keeps a Playwright trace in test-results/traces/.
 */
export async function openApp(options: OpenAppOptions = {}): Promise<AppSession> {
  const baseUrl = inject('baseUrl');
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'temdesk-e2e-'));
  const ownsProfile = !options.userDataDir;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: inject('chromiumPath'),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
  });
  await context.tracing.start({ screenshots: true, snapshots: true });
  // Time is an input: every page of the context runs on Playwright's clock, from noon of `today`,
  // ticking in real time. It fakes the page's timers too (they still fire, a little later), so a
  // test waits for what follows a timer — AG Grid delivers its events after one — rather than
  // checking at once. Web workers keep the real clock: the page passes them its today (`asOf`).
  const today = options.today ?? testToday();
  await context.clock.install({ time: noonOf(today) });

  const consoleErrors: string[] = [];
  const externalRequests: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    externalRequests.push(url);
    return route.abort('blockedbyclient');
  });

  if (options.bridge) await context.addInitScript(installFakeBridge, options.bridge);
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));

  let failed = false;
  onTestFailed(() => {
    failed = true;
  });

  await page.goto(new URL(options.hash ?? '', baseUrl).toString());
  // The app's code loads after the page's own load (the entry starts the opening read first, see
  // renderer/main.tsx): a test starts, as a user does, once the app is on screen.
  await page.getByRole('navigation', { name: 'Sections' }).waitFor();

  return {
    context,
    page,
    baseUrl,
    today,
    consoleErrors,
    externalRequests,
    async screenshot(name) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async close(testFailed) {
      if (failed || testFailed) {
        // clock: a unique name for a failure's trace file.
        const tracePath = join(RESULTS_DIR, 'traces', `trace-${Date.now()}.zip`);
        mkdirSync(join(RESULTS_DIR, 'traces'), { recursive: true });
        await context.tracing.stop({ path: tracePath });
        await page
          .screenshot({ path: tracePath.replace(/\.zip$/, '.png'), fullPage: true })
          .catch(() => undefined);
      } else {
        await context.tracing.stop();
      }
      await context.close();
      if (ownsProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Loads the sample company from an empty section ("Try it with a sample company") and closes the import summary. */
export async function loadSampleCompany(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Try it with a sample company' }).click();
  const summary = page.getByRole('region', { name: 'Import complete' });
  await summary.waitFor({ timeout: 60_000 });
  await summary.getByRole('button', { name: 'Close' }).click();
}

const sampleCompanies = new Map<IsoDate, SampleCompany>();

/**
 * The sample company exactly as the session's page generates it ("Try it with a sample company"
 * bills each account up to its last bill date on or before the page's today, the others' ending
 * with the month before): tests take their figures from it — its totals,
 * contracts and planted errors — never from literal amounts or months.
 */
export function sampleCompanyOf(session: Pick<AppSession, 'today'>): SampleCompany {
  let company = sampleCompanies.get(session.today);
  if (!company) {
    company = generateSampleCompany({ today: session.today });
    sampleCompanies.set(session.today, company);
  }
  return company;
}

/**
 * The month of the sample's latest bills in a session, by invoice date: the month the app's pages
 * open on (the chargeback, the dashboard's latest month, the monthly report). The sample bills each
 * account up to its last bill dated on or before the page's today, so this is today's month once
 * one account's bill day has come, and the month before only when none has.
 */
export function sampleLastMonthOf(session: Pick<AppSession, 'today'>): IsoMonth {
  let latest: IsoMonth | undefined;
  for (const { invoiceDate } of sampleCompanyOf(session).expectedTotals) {
    const month = isoMonthOf(invoiceDate);
    if (latest === undefined || month > latest) latest = month;
  }
  if (latest === undefined) throw new Error('The sample company has no invoices.');
  return latest;
}

/** A month as the app titles it: `2026-10` → `October 2026`. */
export function monthTitle(month: IsoMonth): string {
  const { year, month: number } = monthParts(month);
  return `${MONTH_NAMES[number - 1] ?? ''} ${year}`;
}

/** Picks files in the "Import bills…" dialog, as a user does. */
export async function pickBillFiles(page: Page, paths: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import bills…' }).first().click();
  await (await chooser).setFiles(paths);
}

/** The import preview, found by its accessible name, which tells the user nothing is saved yet. */
export function importPreview(page: Page): Locator {
  return page.getByRole('region', { name: 'Preview: nothing is saved until you import' });
}

/**
 * Imports what the preview shows: clicks "Import N invoice(s)" and waits for "Imported N
 * invoice(s)". The count is in the button's name, so a file read as another number of invoices
 * fails here rather than in a later, vaguer check.
 */
export async function importPreviewed(page: Page, invoices: number): Promise<void> {
  const counted = plural(invoices, 'invoice');
  await importPreview(page)
    .getByRole('button', { name: `Import ${counted}` })
    .click();
  await page
    .getByRole('status')
    .filter({ hasText: `Imported ${counted}` })
    .waitFor();
}

/** Imports bill files through the preview, as a user does, and closes the import summary. */
export async function importBills(page: Page, paths: string[], invoices: number): Promise<void> {
  await pickBillFiles(page, paths);
  await importPreviewed(page, invoices);
  await page.getByRole('button', { name: 'Close' }).click();
}

/** The focused element: its tag and name (its label, else its text), `body` when focus is lost. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (active === null || active === document.body) return 'body';
    const name = active.getAttribute('aria-label') ?? (active.textContent ?? '').trim();
    return `${active.tagName.toLowerCase()} ${name}`;
  });
}

/** Every record of one table of the app's database (`invoices`, `carriers`…), straight from IndexedDB. */
export function storedRecords<T>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('tem-desk');
        open.onerror = () => reject(new Error('cannot open the database'));
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result as T[]);
          };
          request.onerror = () => reject(new Error(`cannot read ${name}`));
        };
      }),
    table,
  );
}
