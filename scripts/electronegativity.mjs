#!/usr/bin/env node
// The Electron security gate: runs Doyensec's Electronegativity over electron/ (or the folder
// given) and fails on any finding that the allow-list below does not name. Offline and quick: the
// check that downloads Electron's release list is left out, and the Electron version comes from
// package.json instead of being guessed. (The tool still asks its server for translations with a
// 1-second timeout; offline it says "Could not retrieve updated translations" and goes on in
// English.) `npm test` runs it as the `electronegativity` gate; README "Security checks".
//
// Usage: node scripts/electronegativity.mjs [folder]   exit 0 clean, 1 findings, 2 tool failure.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Checks that need the network: the list of Electron releases with security fixes. */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

/**
 * False positives, each with why (README "Security checks" lists them too). A finding is allowed
 * when its check and file (relative to the folder scanned) match an entry AND the file still holds
 * `source`, the construct the tool cannot see through: an allow-listed file that sets a window's
 * options any other way is reported. A real problem is fixed, never listed here.
 */
export const ALLOWED_FINDINGS = [
  ...['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'AUXCLICK_JS_CHECK'].map((check) => ({
    check,
    file: 'main-window.ts',
    source: /^\s*webPreferences: secureWebPreferences\(options\.preloadPath\),$/m,
    reason:
      'The window takes its webPreferences from secureWebPreferences() (electron/security.ts), which the tool cannot follow: contextIsolation and sandbox on, Auxclick disabled; test/electron/security.test.ts asserts them.',
  })),
  {
    check: 'CSP_GLOBAL_CHECK',
    file: 'security.ts',
    source: /'Content-Security-Policy': \[CONTENT_SECURITY_POLICY\]/,
    reason:
      'The CSP header is the constant CONTENT_SECURITY_POLICY, which the tool cannot read ("Failed to parse CSP"); test/electron/security.test.ts asserts the policy.',
  },
];

/** The tool's runner, loaded with its HTTP client (`got`) replaced by one that never connects. */
async function offlineRunner() {
  const toolRequire = createRequire(
    createRequire(import.meta.url).resolve('@doyensec/electronegativity'),
  );
  const gotPath = toolRequire.resolve('got');
  const offline = () => Promise.reject(new Error('Electronegativity runs offline here.'));
  offline.head = offline;
  toolRequire.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline };
  return (await import('@doyensec/electronegativity')).default;
}

function electronVersion() {
  const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'));
  const range = pkg.devDependencies?.electron ?? '';
  const version = /\d+\.\d+\.\d+/.exec(range)?.[0];
  if (version === undefined) throw new Error(`package.json names no Electron version (${range}).`);
  return version;
}

/** Findings and unreadable files of one scan of `folder`. */
export async function scan(folder) {
  const input = resolve(folder);
  const run = await offlineRunner();
  const result = await run({
    input,
    isRelative: true,
    customScan: [],
    excludeFromScan: EXCLUDED_CHECKS,
    electronVersionOverride: electronVersion(),
    parserPlugins: [],
  });
  const findings = result.issues.map((issue) => ({
    check: issue.id,
    file: relative(input, resolve(input, issue.file)).split('\\').join('/') || issue.file,
    line: issue.location.line,
    severity: issue.severity.name,
    description: issue.description,
  }));
  const unreadable = result.errors.filter((error) => !error.tolerable);
  return { findings, unreadable };
}

/** Whether `file` (a finding's, relative to `input`; `N/A` for a global one) holds `pattern`. */
function fileHolds(input, file, pattern) {
  try {
    return pattern.test(readFileSync(resolve(input, file), 'utf8'));
  } catch {
    return false;
  }
}

/** Whether an allow-list entry covers `finding` of the scan of `input`. */
function isAllowed(finding, input) {
  return ALLOWED_FINDINGS.some(
    (entry) =>
      entry.check === finding.check &&
      entry.file === finding.file &&
      fileHolds(input, finding.file, entry.source),
  );
}

async function main() {
  const folder = process.argv[2] ?? resolve(ROOT, 'electron');
  const { findings, unreadable } = await scan(folder);
  const blocking = findings.filter((finding) => !isAllowed(finding, resolve(folder)));
  for (const error of unreadable) console.error(`Could not read ${error.file}: ${error.message}`);
  for (const f of blocking) {
    console.error(`${f.file}:${f.line}  ${f.check} (${f.severity}): ${f.description}`);
  }
  const allowed = findings.length - blocking.length;
  console.log(
    `electronegativity: ${blocking.length} finding(s) to fix, ${allowed} allowed false positive(s), ${unreadable.length} unreadable file(s).`,
  );
  return blocking.length === 0 && unreadable.length === 0 ? 0 : 1;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(
        `electronegativity could not run: ${error instanceof Error ? error.message : error}`,
      );
      process.exit(2);
    },
  );
}
