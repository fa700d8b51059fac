/**
 * Counts what is written to a database's invoices table: a Dexie middleware, installed before the
 * database opens, noting the id of every invoice in every add or put IndexedDB is asked for.
 */
import type { TemDeskDatabase } from '../../renderer/db/database';
import type { Invoice } from '../../shared/model';

/** `db`'s invoice writes from now on, one id per invoice written (call before `db.open()`). */
export function countInvoiceWrites(db: TemDeskDatabase): string[] {
  const writes: string[] = [];
  db.use({
    stack: 'dbcore',
    name: 'count-invoice-writes',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'invoices') return table;
        return {
          ...table,
          mutate: (request) => {
            if ('values' in request)
              for (const value of request.values) writes.push((value as Invoice).id);
            return table.mutate(request);
          },
        };
      },
    }),
  });
  return writes;
}

/** The policy's decisions on a database's invoices, by invoice number (ids left out). */
export async function decisionsOf(db: TemDeskDatabase) {
  return (await db.invoices.toArray())
    .map(({ invoiceNumber, status, approval, history }) => ({
      invoiceNumber,
      status,
      approval,
      history,
    }))
    .sort((a, b) => a.invoiceNumber.localeCompare(b.invoiceNumber));
}
