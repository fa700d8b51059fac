/**
 * AT&T Premier billing summary rows of one invoice (three lines of account 287099000001), written
 * into files as a test needs them: the tests of an invoice's files of one kind (copies, parts,
 * pages) share them.
 */
import { readBill } from '../../helpers/read-bill';

export const PREMIER =
  '"Foundation account","Account number","Wireless number","User name","Market cycle end date","Invoice date","Rate plan name","Total current charges","Total monthly charges","Total activity since last bill","Total taxes","Total company fees and surcharges","Total FAN level charges","Total adjustments"';
export const ANA =
  '"F900","287099000001","555-030-0001","Ana Ruiz","03/02/2026","03/09/2026","BUS UNL 5GB","$58.42","$45.00","$5.00","$5.12","$3.30","$0.00","$0.00"';
export const BEN =
  '"F900","287099000001","555-030-0002","Ben Okafor","03/02/2026","03/09/2026","BUS UNL 5GB","$50.12","$45.00","$0.00","$3.12","$2.00","$0.00","$0.00"';
export const CHO =
  '"F900","287099000001","555-030-0003","Cho Lee","03/02/2026","03/09/2026","BUS UNL 5GB","$50.00","$45.00","$0.00","$3.00","$2.00","$0.00","$0.00"';

/** A Premier summary file holding `rows` under its header. */
export const file = (name: string, rows: readonly string[]) => ({
  name,
  bytes: new TextEncoder().encode([PREMIER, ...rows].join('\r\n')),
});

/** The draft of the files read together (throws unless they read as a draft). */
export function draftOf(files: { name: string; bytes: Uint8Array }[]) {
  const outcome = readBill(files);
  if (outcome.kind !== 'draft') throw new Error(`${outcome.kind}: ${JSON.stringify(outcome)}`);
  return outcome.draft;
}
