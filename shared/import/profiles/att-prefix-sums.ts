/**
 * AT&T raw data's subtotal rows: the sums of the charge lines read so far under each section path
 * (see `att-raw-data.ts`), to tell a "Total …" row that repeats them from an item so named.
 */

/**
 * The sums of the lines read so far under each path prefix, per FAN invoice and BAN, for the
 * wireless number and for the whole BAN: what a subtotal row repeats.
 */
export class PrefixSums {
  private readonly sums = new Map<string, number>();

  private static key(fan: string, ban: string, wireless: string, parts: readonly string[]) {
    return `${fan}\u0000${ban}\u0000${wireless}\u0000${parts.join('\u0000')}`;
  }

  add(fan: string, ban: string, wireless: string, path: readonly string[], amount: number): void {
    for (let depth = 1; depth < path.length; depth += 1) {
      const parts = path.slice(0, depth);
      const owners = wireless === '' ? [''] : [wireless, ''];
      for (const owner of owners) {
        const key = PrefixSums.key(fan, ban, owner, parts);
        this.sums.set(key, (this.sums.get(key) ?? 0) + amount);
      }
    }
  }

  /** Whether `amount` is what the lines under the path's parent add up to. */
  repeats(fan: string, ban: string, wireless: string, path: readonly string[], amount: number) {
    const parent = path.slice(0, -1);
    return (
      this.sums.get(PrefixSums.key(fan, ban, wireless, parent)) === amount ||
      this.sums.get(PrefixSums.key(fan, ban, '', parent)) === amount
    );
  }
}
