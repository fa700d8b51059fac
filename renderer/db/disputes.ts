/**
 * Disputes with carriers: grouping findings of one account into a claim, editing it, and the
 * credits it brings back (which move the dispute and its findings to `credited`). Its findings
 * follow its outcome: a denied dispute's findings are open again.
 */
import { countOnce } from '../../shared/audit/claims';
import { disputeChoice, disputeNames, disputeRefusal } from '../../shared/audit/dispute-claim';
import {
  creditAboveClaim,
  creditAboveClaimMessage,
  expectedAboveClaimProblem,
} from '../../shared/audit/dispute-credit';
import {
  disputeStatusOnSave,
  findingsFollowingDispute,
  followNote,
} from '../../shared/audit/dispute-status';
import type { IsoDate } from '../../shared/dates';
import type { DisputeStatus } from '../../shared/model';
import { cents, sumCents, type Cents } from '../../shared/money/cents';
import { fail, ok, type Result } from '../../shared/result';
import type { TemDeskDatabase } from './database';
import {
  disputesTable,
  findingsTable,
  isoDateOf,
  type CreditRecord,
  type DisputeRecord,
  type FindingRecord,
} from './findings';

/** What the user fills in to open a dispute. */
export interface DisputeInput {
  findingIds: readonly string[];
  carrierReference?: string;
  /** Filed with the carrier on; the dispute is `submitted` when set, else a `draft`. */
  submittedOn?: IsoDate;
  contact?: string;
  notes?: string;
  expectedCredit?: Cents;
}

/**
 * Groups findings of ONE carrier and account into a dispute: the claim is their money at stake,
 * each cent once (`atStakeCents`, as the Findings page counts it); each finding becomes
 * `disputed` and points at the dispute. A finding that asks the carrier for nothing (no money at
 * stake, dismissed, an allocation gap, money at risk) is refused by name, not dropped: the caller
 * passes what the form showed would be claimed ({@link disputeChoice}).
 */
export async function createDispute(
  db: TemDeskDatabase,
  input: DisputeInput,
  id: string,
  now: string,
): Promise<Result<DisputeRecord>> {
  const refused = expectedCreditProblem(input.expectedCredit);
  if (refused !== null) return fail(refused);
  const findings = findingsTable(db);
  const disputes = disputesTable(db);
  return db.transaction('rw', [findings, disputes], async () => {
    const chosen = (await findings.bulkGet([...input.findingIds])).filter(
      (finding) => finding !== undefined,
    );
    const first = chosen[0];
    if (first === undefined) return fail('Choose at least one finding to dispute.');
    const { carrierId } = first.subject;
    const accountNumber = first.subject.accountNumber ?? '';
    if (
      chosen.some(
        (f) =>
          f.subject.carrierId !== carrierId || (f.subject.accountNumber ?? '') !== accountNumber,
      )
    )
      return fail('A dispute covers one carrier account: choose findings of the same account.');
    // A finding already in a dispute is refused by name, with the dispute it is in.
    const names = disputeNames(await disputes.toArray());
    const choice = disputeChoice(countOnce(await findings.toArray()), chosen, names);
    const refusal =
      disputeRefusal(choice) ?? expectedAboveClaimProblem(input.expectedCredit, choice.total);
    if (refusal !== null) return fail(refusal);
    const dispute: DisputeRecord = {
      id,
      carrierId,
      accountNumber,
      findingIds: chosen.map((f) => f.id),
      claimedAmount: choice.total,
      creditedAmount: cents(0),
      status: input.submittedOn ? 'submitted' : 'draft',
      openedOn: isoDateOf(now),
      credits: [],
      ...optionalFields(input),
    };
    await disputes.add(dispute);
    // The history shows the status beside it ("Disputed: Dispute opened, ticket LUM-88121").
    const note = `Dispute opened${dispute.carrierReference ? `, ticket ${dispute.carrierReference}` : ''}`;
    await findings.bulkPut(
      chosen.map((f) => ({
        ...f,
        status: 'disputed' as const,
        disputeId: id,
        statusHistory: [...f.statusHistory, { status: 'disputed' as const, at: now, note }],
      })),
    );
    return ok(dispute);
  });
}

/**
 * Why an expected credit cannot be stored, or null: zero or less would call the dispute credited
 * by any credit (or none), and a fraction of a cent is no amount a bill shows.
 */
function expectedCreditProblem(expected: Cents | undefined): string | null {
  if (expected === undefined || (Number.isInteger(expected) && expected > 0)) return null;
  return 'An expected credit is a positive amount, e.g. 32.00; leave it blank for the claim.';
}

function optionalFields(input: Omit<DisputeInput, 'findingIds'>): Partial<DisputeRecord> {
  const fields: Partial<DisputeRecord> = {};
  if (input.carrierReference?.trim()) fields.carrierReference = input.carrierReference.trim();
  if (input.submittedOn) fields.submittedOn = input.submittedOn;
  if (input.contact?.trim()) fields.contact = input.contact.trim();
  if (input.notes?.trim()) fields.notes = input.notes.trim();
  if (input.expectedCredit !== undefined) fields.expectedCredit = input.expectedCredit;
  return fields;
}

/**
 * Edits a dispute's ticket, filed date, contact, notes and expected credit. The status changes only
 * when `patch.status` says so (the user picked one); otherwise the dispute keeps the status it has
 * now — credits recorded since the form opened are never undone — and a draft given a filed date
 * becomes `submitted` ({@link disputeStatusOnSave}). When the status changes, its findings follow
 * in the same transaction ({@link findingsFollowingDispute}): denied → open again, and so on.
 * `now` (ISO 8601 UTC) dates their history entries. An expected credit of zero or less is refused,
 * and nothing changes.
 */
export async function updateDispute(
  db: TemDeskDatabase,
  id: string,
  patch: Omit<DisputeInput, 'findingIds'> & { status?: DisputeStatus },
  now: string,
): Promise<Result<DisputeRecord>> {
  const refused = expectedCreditProblem(patch.expectedCredit);
  if (refused !== null) return fail(refused);
  const findings = findingsTable(db);
  const disputes = disputesTable(db);
  return db.transaction('rw', [findings, disputes], async () => {
    const dispute = await disputes.get(id);
    if (dispute === undefined) return fail('This dispute no longer exists.');
    const above = expectedAboveClaimProblem(patch.expectedCredit, dispute.claimedAmount);
    if (above !== null) return fail(above);
    const {
      carrierReference: _ref,
      submittedOn: _filed,
      contact: _contact,
      notes: _notes,
      expectedCredit: _expected,
      ...rest
    } = dispute;
    const status = disputeStatusOnSave(dispute.status, patch.submittedOn, patch.status);
    const updated: DisputeRecord = { ...rest, ...optionalFields(patch), status };
    await disputes.put(updated);
    if (status !== dispute.status) await followDispute(db, updated, now, followNote(updated));
    return ok(updated);
  });
}

/** Moves a dispute's findings to what its status makes of them; inside the caller's transaction. */
async function followDispute(
  db: TemDeskDatabase,
  dispute: DisputeRecord,
  now: string,
  note: string,
): Promise<void> {
  const findings = findingsTable(db);
  const members = (await findings.bulkGet(dispute.findingIds)).filter(
    (f): f is FindingRecord => f !== undefined,
  );
  await findings.bulkPut(findingsFollowingDispute(dispute, members, now, note));
}

/**
 * Records a credit on a dispute. A credit larger than what the claim still waits for (claim less
 * the credits recorded) is refused unless `options.aboveClaimConfirmed`: the user saw by how much
 * it goes past and confirmed it (carriers do sometimes credit more than claimed). Once the credits reach the expected credit (else the claim) the
 * dispute is `credited` and its findings too; before that it is `partially-credited`.
 */
export async function recordCredit(
  db: TemDeskDatabase,
  disputeId: string,
  credit: CreditRecord,
  now: string,
  options: { aboveClaimConfirmed?: boolean } = {},
): Promise<Result<DisputeRecord>> {
  if (!Number.isInteger(credit.amount) || credit.amount <= 0)
    return fail('A credit is a positive amount, e.g. 32.00.');
  const findings = findingsTable(db);
  const disputes = disputesTable(db);
  return db.transaction('rw', [findings, disputes], async () => {
    const dispute = await disputes.get(disputeId);
    if (dispute === undefined) return fail('This dispute no longer exists.');
    // More than the claim still waits for is a typo far more often than a generous carrier.
    if (creditAboveClaim(dispute, credit.amount) > 0 && options.aboveClaimConfirmed !== true)
      return fail(creditAboveClaimMessage(dispute, credit.amount));
    const credits = [...(dispute.credits ?? []), credit];
    const creditedAmount = sumCents(credits.map((c) => c.amount));
    const target = dispute.expectedCredit ?? dispute.claimedAmount;
    const full = creditedAmount >= target;
    const updated: DisputeRecord = {
      ...dispute,
      credits,
      creditedAmount,
      status: full ? 'credited' : 'partially-credited',
      ...(full ? { closedOn: credit.on } : {}),
    };
    await disputes.put(updated);
    const note = full
      ? `Credited ${credit.on}${credit.note ? `: ${credit.note}` : ''}`
      : followNote(updated);
    // Full: its findings are credited. Partial: a dispute the carrier had denied runs again.
    if (updated.status !== dispute.status) await followDispute(db, updated, now, note);
    return ok(updated);
  });
}
