import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

/** The static, value imports of one module (not `import type`, not a dynamic `import()`). */
function staticImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      if (statement.importClause?.isTypeOnly) continue;
      if (ts.isStringLiteral(statement.moduleSpecifier)) found.push(statement.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
      const specifier = statement.moduleSpecifier;
      if (specifier && ts.isStringLiteral(specifier)) found.push(specifier.text);
    }
  }
  return found;
}

function resolveLocal(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find(
    (candidate) =>
      existsSync(candidate) && !candidate.endsWith('.css') && /\.tsx?$/.test(candidate),
  );
}

/** Every package the module graph of `entry` loads before anything it imports dynamically. */
function packagesLoadedFirst(entry: string): Map<string, string> {
  const packages = new Map<string, string>();
  const seen = new Set<string>();
  const queue = [entry];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of staticImports(file)) {
      if (specifier.startsWith('.')) {
        const local = resolveLocal(file, specifier);
        if (local) queue.push(local);
      } else if (!packages.has(specifier)) {
        packages.set(specifier, relative(ROOT, file));
      }
    }
  }
  return packages;
}

describe("the app's entry", () => {
  // The entry starts the opening section's database read before the app's code is loaded, so the
  // read runs while the browser compiles React, Chart.js and the pages (README, Code structure).
  // One static import of any of them from the entry's graph puts them back in front of the read.
  it('loads none of React, the charts or the grids before the opening read starts', () => {
    const packages = packagesLoadedFirst(join(ROOT, 'renderer/main.tsx'));
    const heavy = [...packages].filter(([name]) =>
      /^(react|react-dom|chart\.js|ag-grid|papaparse|pdfjs)/.test(name),
    );
    expect(heavy).toEqual([]);
    // It does load Dexie: the read itself.
    expect(packages.has('dexie')).toBe(true);
  });

  it('finds a package imported anywhere in the graph (the check can fail)', () => {
    const packages = packagesLoadedFirst(join(ROOT, 'renderer/boot.tsx'));
    expect(packages.get('react-dom/client')).toBe('renderer/boot.tsx');
    expect(packages.has('react')).toBe(true);
  });
});
