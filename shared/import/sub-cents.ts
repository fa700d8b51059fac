/**
 * Amounts with fractions of a cent (`0.333` per call), kept to the cent so that each invoice's
 * lines still make the exact sum of its amounts (see {@link SubCents.apportion}).
 */
import { cents } from '../money/cents';
import type { RowError } from './draft';
import type { DraftLinesBuilder } from './packed-lines';

export class SubCents {
  /** What rounding to the cent took from a line's amount, in millionths of a cent, by line. */
  private readonly residues = new Map<number, number>();
  /** Per file, the first such amount and how many there are (for the draft's warning). */
  private readonly files = new Map<string, { row: number; text: string; count: number }>();

  /**
   * Notes that line `at` had an amount with fractions of a cent (`text`), of which rounding to the
   * cent took `residue` millionths of a cent (negative when it added).
   */
  note(at: number, residue: number, sourceFile: string, row: number, text: string): void {
    if (residue === 0) return;
    this.residues.set(at, residue);
    this.origins.set(at, { sourceFile, row, text });
    this.count(sourceFile, row, text);
  }

  /** Where each noted line's amount was read, by line (to recount when lines are dropped). */
  private readonly origins = new Map<number, { sourceFile: string; row: number; text: string }>();

  private count(sourceFile: string, row: number, text: string): void {
    const file = this.files.get(sourceFile);
    if (file === undefined) this.files.set(sourceFile, { row, text, count: 1 });
    else file.count += 1;
  }

  /**
   * Follows lines that moved: `moved[at]` is line `at`'s new place, −1 when it is gone (a copy's
   * line dropped: neither rounded nor named in the warning any more).
   */
  move(moved: Int32Array): void {
    const residues = [...this.residues];
    const origins = new Map(this.origins);
    this.residues.clear();
    this.origins.clear();
    this.files.clear();
    for (const [at, residue] of residues) {
      const to = moved[at] ?? -1;
      const origin = origins.get(at);
      if (to < 0 || origin === undefined) continue;
      this.residues.set(to, residue);
      this.origins.set(to, origin);
      this.count(origin.sourceFile, origin.row, origin.text);
    }
  }

  /**
   * Rounds the lines noted so that each invoice's lines add up to the exact sum of its amounts, to
   * the cent (the largest remainders take the cent): three lines of `0.333`, `0.333` and `0.334`
   * are 0.33, 0.33 and 0.34 — $1.00, as the bill's total says, not $0.99 and a false "does not add
   * up". Every line stays within a cent of its amount. Returns the warnings saying so, once.
   */
  apportion(lines: DraftLinesBuilder): RowError[] {
    if (this.residues.size === 0) return [];
    const byInvoice = new Map<string, { at: number; residue: number }[]>();
    for (const [at, residue] of this.residues) {
      const key = lines.invoiceKeyAt(at);
      const entries = byInvoice.get(key) ?? [];
      entries.push({ at, residue });
      byInvoice.set(key, entries);
    }
    this.residues.clear();
    for (const entries of byInvoice.values()) {
      // The lines' exact sum, rounded to the cent half away from zero as one amount is.
      const kept = entries.reduce((sum, entry) => sum + lines.amountAt(entry.at), 0);
      const exact = kept * 1_000_000 + entries.reduce((sum, entry) => sum + entry.residue, 0);
      const steps = Math.sign(exact) * Math.round(Math.abs(exact) / 1_000_000) - kept;
      if (steps === 0) continue;
      const order = [...entries].sort((a, b) =>
        steps > 0 ? b.residue - a.residue : a.residue - b.residue,
      );
      for (const { at } of order.slice(0, Math.abs(steps))) {
        const line = lines.lineAt(at);
        lines.change(at, {
          amount: cents(line.amount + Math.sign(steps)),
          category: line.category,
          description: line.description,
        });
      }
    }
    const warnings = [...this.files].map(([sourceFile, { row, text, count }]) => ({
      sourceFile,
      row,
      message: `${count === 1 ? 'An amount has' : `${count} amounts have`} fractions of a cent (row ${row}: "${text}"). Each line is kept to the cent, rounded so that each invoice's lines add up to the exact sum of its amounts.`,
    }));
    this.files.clear();
    this.origins.clear();
    return warnings;
  }
}
