// The headless command line: `npm run cli -- audit …` / `npm run cli -- chargeback …`.
//
// Bundles electron/cli/main.ts (TypeScript, with shared/) with esbuild into
// node_modules/.cache/temdesk-cli/cli.mjs, then runs it in this process with the given arguments.
// Plain Node, no Electron: an import of `electron` anywhere in the CLI fails the bundle.
import { build } from 'esbuild';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLI_BUNDLE = join(PROJECT_ROOT, 'node_modules', '.cache', 'temdesk-cli', 'cli.mjs');

/** @type {import('esbuild').Plugin} */
const noElectron = {
  name: 'no-electron',
  setup(builder) {
    builder.onResolve({ filter: /^electron(\/.*)?$/ }, (args) => ({
      errors: [{ text: `The CLI must run without Electron, but ${args.importer} imports it.` }],
    }));
  },
};

/** Bundles the CLI; returns the bundle's path. */
export async function buildCli(outfile = CLI_BUNDLE) {
  await build({
    entryPoints: [join(PROJECT_ROOT, 'electron', 'cli', 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
    absWorkingDir: PROJECT_ROOT,
    plugins: [noElectron],
    // Bundled CommonJS dependencies may `require` Node built-ins; give ESM a `require`.
    banner: {
      js: "import { createRequire as __temdeskCreateRequire } from 'node:module'; const require = __temdeskCreateRequire(import.meta.url);",
    },
  });
  return outfile;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  let bundle;
  try {
    bundle = await buildCli();
  } catch (error) {
    process.stderr.write(
      `Could not build the TEM Desk CLI: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(3);
  }
  const { runCli } = await import(pathToFileURL(bundle).href);
  // `npm run` starts scripts in the project folder; paths are meant from where the user typed.
  if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
