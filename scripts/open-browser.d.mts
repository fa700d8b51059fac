/** Types for open-browser.mjs (imported by test/electron). */
import type { ChildProcess, SpawnOptions } from 'node:child_process';

export declare function openerFor(platform: string, url: string): [string, string[]];
export declare function couldNotOpenMessage(url: string): string;

export interface OpenInBrowserOptions {
  spawn?: (command: string, args: string[], options: SpawnOptions) => ChildProcess;
  log?: (line: string) => void;
  platform?: string;
}

export declare function openInBrowser(
  url: string,
  options?: OpenInBrowserOptions,
): Promise<boolean>;
