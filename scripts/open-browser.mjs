// Opens a URL in the default browser for `npm run web`, and says where the app is when that fails:
// no opener installed (xdg-open missing), or an opener that gives up (no display, no browser).
import { spawn as nodeSpawn } from 'node:child_process';

/** The command that opens a URL on each platform. */
export function openerFor(platform, url) {
  if (platform === 'darwin') return ['open', [url]];
  if (platform === 'win32') return ['cmd', ['/c', 'start', '', url]];
  return ['xdg-open', [url]];
}

/** What `npm run web` prints when no browser could be opened. */
export function couldNotOpenMessage(url) {
  return `Could not open a browser here: open ${url} in your browser.`;
}

/**
 * Starts the opener and resolves `true` once it exits cleanly, `false` (after printing the
 * address with `log`) when it is missing or fails.
 */
export function openInBrowser(url, options = {}) {
  const spawn = options.spawn ?? nodeSpawn;
  const log = options.log ?? ((line) => console.log(line));
  const [command, args] = openerFor(options.platform ?? process.platform, url);
  return new Promise((resolve) => {
    let settled = false;
    const settle = (opened) => {
      if (settled) return;
      settled = true;
      if (!opened) log(couldNotOpenMessage(url));
      resolve(opened);
    };
    let child;
    try {
      child = spawn(command, args, { stdio: 'ignore', detached: true });
    } catch {
      settle(false);
      return;
    }
    child.on('error', () => settle(false));
    child.on('exit', (code, signal) => settle(code === 0 && !signal));
    child.unref?.();
  });
}
