/**
 * Names for bill files met together. An unzipped Verizon download puts `AccountSummary.txt` in one
 * folder per month; invoices, lines and findings name the file they come from, so two files must
 * never share a name. Each file is named by its base name, or, when another file has the same
 * one, by the shortest end of its path that tells them apart (`2026-09/AccountSummary.txt`).
 */

function segmentsOf(path: string): string[] {
  return path.split(/[/\\]+/).filter((segment) => segment !== '' && segment !== '.');
}

/** A display name per path, in order, unique among them (identical paths get `(2)`, `(3)`…). */
export function uniqueFileNames(paths: readonly string[]): string[] {
  const segments = paths.map(segmentsOf);
  const depth = paths.map(() => 1);
  const nameAt = (i: number) => (segments[i] ?? []).slice(-(depth[i] ?? 1)).join('/');
  for (let round = 0; round < 64; round += 1) {
    const byName = new Map<string, number[]>();
    paths.forEach((_, i) => {
      const name = nameAt(i);
      byName.set(name, [...(byName.get(name) ?? []), i]);
    });
    let changed = false;
    for (const group of byName.values()) {
      if (group.length < 2) continue;
      for (const i of group) {
        if ((depth[i] ?? 1) < (segments[i]?.length ?? 0)) {
          depth[i] = (depth[i] ?? 1) + 1;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  const seen = new Map<string, number>();
  return paths.map((path, i) => {
    const name = nameAt(i) || path;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}

/** The `(2)`, `(3)`… {@link uniqueFileNames} adds to tell identical names apart. */
const COPY_NUMBER = / \(\d+\)$/;

/**
 * True when two names are the same file's apart from the `(2)` an import added to tell it from
 * another file of the same name: the user knows the file by its own name, so a message naming it
 * need not repeat the other.
 */
export function sameFileName(a: string, b: string): boolean {
  return a.replace(COPY_NUMBER, '') === b.replace(COPY_NUMBER, '');
}
