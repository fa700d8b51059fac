/** A carrier's own export no built-in layout reads, and the saved mapping that reads it. */
import { headerSignature, type ColumnMapping } from '../../shared/import/mapping';

/** The export's header. */
export const LUMEN_EXPORT_HEADER = ['Acct Ref', 'Bill No', 'Bill Dt', 'Line', 'Item', 'Charge'];

/** The mapping a user saves in the wizard for {@link LUMEN_EXPORT_HEADER}, with any changes. */
export function lumenExportMapping(changes: Partial<ColumnMapping> = {}): ColumnMapping {
  return {
    id: 'mapping-lumen-export',
    signature: headerSignature(LUMEN_EXPORT_HEADER),
    carrierName: 'Lumen',
    columns: {
      'Acct Ref': 'accountNumber',
      'Bill No': 'invoiceNumber',
      'Bill Dt': 'invoiceDate',
      Line: 'serviceId',
      Item: 'description',
      Charge: 'amount',
    },
    dateOrder: 'DMY',
    decimal: '.',
    signConvention: 'as-is',
    defaultCategory: 'recurring',
    ...changes,
  };
}
