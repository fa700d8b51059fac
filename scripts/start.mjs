// `npm start`: build the renderer (Vite) and the Electron bundles, then launch Electron on the
// project folder. When the Electron binary is not installed, say so in one sentence and exit 1.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT, buildElectron } from './build-electron.mjs';
import { findElectronBinary } from './electron-binary.mjs';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

// Check first: no point building for a binary we cannot run.
const binary = findElectronBinary();
if (!binary.found) {
  console.error(binary.message);
  process.exit(1);
}

// The renderer is always rebuilt so `npm start` never shows a stale UI; Vite is fast enough.
const rendererIndex = join(PROJECT_ROOT, 'dist', 'renderer', 'index.html');
const vite = spawnSync(npx, ['vite', 'build'], {
  cwd: PROJECT_ROOT,
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
if (vite.status !== 0 || !existsSync(rendererIndex)) {
  console.error('The renderer build failed; see the Vite output above.');
  process.exit(1);
}

await buildElectron();

// ELECTRON_RUN_AS_NODE (set by some editors' terminals) would start Electron as plain Node.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(binary.path, [PROJECT_ROOT], { cwd: PROJECT_ROOT, stdio: 'inherit', env });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
