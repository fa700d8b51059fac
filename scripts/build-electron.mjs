// Bundles the Electron main process and the preload to CommonJS with esbuild.
//
// - dist-electron/main.cjs: Node platform, `electron` external (it is provided by the runtime).
// - dist-electron/preload.cjs: also CommonJS with only `electron` external, because a sandboxed
//   preload cannot load ESM and can `require` only 'electron', 'events', 'timers' and 'url':
//   shared/ is inlined, and any Node built-in would fail at load time (a test checks the bundle).
//
// main.ts finds dist/renderer and preload.cjs from app.getAppPath() (see electron/app-paths.ts),
// so neither bundle needs import.meta or __dirname.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Builds both bundles into `outDir` (default: dist-electron/ in the project).
 * @param {{ projectRoot?: string, outDir?: string, minify?: boolean }} [options]
 * @returns {Promise<{ mainFile: string, preloadFile: string }>}
 */
export async function buildElectron(options = {}) {
  const projectRoot = options.projectRoot ?? PROJECT_ROOT;
  const outDir = options.outDir ?? join(projectRoot, 'dist-electron');
  const mainFile = join(outDir, 'main.cjs');
  const preloadFile = join(outDir, 'preload.cjs');
  const common = {
    bundle: true,
    platform: /** @type {const} */ ('node'),
    format: /** @type {const} */ ('cjs'),
    external: ['electron'],
    sourcemap: true,
    minify: options.minify ?? false,
    logLevel: /** @type {const} */ ('warning'),
    absWorkingDir: projectRoot,
  };
  await Promise.all([
    build({
      ...common,
      entryPoints: [join(projectRoot, 'electron', 'main.ts')],
      outfile: mainFile,
      target: 'node20',
    }),
    build({
      ...common,
      entryPoints: [join(projectRoot, 'electron', 'preload.ts')],
      outfile: preloadFile,
      target: 'node20',
    }),
  ]);
  return { mainFile, preloadFile };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { mainFile, preloadFile } = await buildElectron();
  console.log(`Built ${mainFile} and ${preloadFile}`);
}
