import { existsSync } from 'node:fs';

/** Where we look for a Chromium, in order. `CHROME_PATH` wins. */
export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export const NO_CHROMIUM_MESSAGE =
  'No Chromium found for the end-to-end tests: install one (Debian/Ubuntu: "sudo apt-get install -y chromium") ' +
  'or point CHROME_PATH at a Chrome or Chromium executable.';

export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
): string {
  const fromEnv = env.CHROME_PATH;
  if (fromEnv) {
    if (exists(fromEnv)) return fromEnv;
    throw new Error(
      `CHROME_PATH points to ${fromEnv}, which does not exist. ${NO_CHROMIUM_MESSAGE}`,
    );
  }
  const found = CHROMIUM_CANDIDATES.find((path) => exists(path));
  if (!found) throw new Error(NO_CHROMIUM_MESSAGE);
  return found;
}

/**
 * The flags our build machines need: no sandbox as root, no GPU, and none of Chromium's own
 * background traffic (the network is closed; those connections would only produce noise).
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
