import { isIsoDate, type IsoDate } from '../dates';
import type { Service, ServiceStatus } from '../model';
import { SERVICE_STATUSES } from '../model';
import { centsFromText, formatCents, type Cents } from '../money/cents';
import { fail, ok, type FieldError, type Result } from '../result';

/** The fields a user may change on a service, from a grid cell, a form or a bulk edit. */
export type ServicePatch = Partial<
  Pick<
    Service,
    | 'status'
    | 'siteId'
    | 'costCenterId'
    | 'accountId'
    | 'contractId'
    | 'plan'
    | 'expectedMonthlyCents'
    | 'userName'
    | 'department'
    | 'description'
    | 'activatedOn'
    | 'disconnectedOn'
    | 'notes'
  >
>;

/** What a patch may point at: ids that exist, so a typo never creates a dangling reference. */
export interface EditContext {
  siteIds: ReadonlySet<string>;
  /** Closed sites: no service is moved to or added at one. */
  closedSiteIds: ReadonlySet<string>;
  costCenterIds: ReadonlySet<string>;
  /** Cost centers that take no new allocations. */
  inactiveCostCenterIds: ReadonlySet<string>;
  accountIds: ReadonlySet<string>;
  contractIds: ReadonlySet<string>;
}

/**
 * Checks a patch before it is saved. Every problem is a sentence naming the field; nothing is
 * saved when there is one.
 */
export function validateServicePatch(
  patch: ServicePatch,
  context: EditContext,
): Result<ServicePatch> {
  const errors: FieldError[] = [];
  const refuse = (column: string, value: string, message: string) =>
    errors.push({ column, value, message });
  if (patch.status !== undefined && !SERVICE_STATUSES.includes(patch.status)) {
    refuse('Status', String(patch.status), `Status must be one of ${SERVICE_STATUSES.join(', ')}.`);
  }
  if (patch.siteId !== undefined && !context.siteIds.has(patch.siteId)) {
    refuse('Site', patch.siteId, 'There is no such site; add it first or pick one from the list.');
  } else if (patch.siteId !== undefined && context.closedSiteIds.has(patch.siteId)) {
    refuse(
      'Site',
      patch.siteId,
      'This site is closed, so no service can be moved to it; pick an open site, or reopen the site under Sites and cost centers first.',
    );
  }
  if (patch.costCenterId !== undefined && patch.costCenterId !== '') {
    if (!context.costCenterIds.has(patch.costCenterId)) {
      refuse(
        'Cost center',
        patch.costCenterId,
        'There is no such cost center; pick one from the list.',
      );
    } else if (context.inactiveCostCenterIds.has(patch.costCenterId)) {
      refuse(
        'Cost center',
        patch.costCenterId,
        'This cost center is closed and takes no new charges.',
      );
    }
  }
  if (patch.accountId !== undefined && !context.accountIds.has(patch.accountId)) {
    refuse('Account', patch.accountId, 'There is no such carrier account.');
  }
  if (
    patch.contractId !== undefined &&
    patch.contractId !== '' &&
    !context.contractIds.has(patch.contractId)
  ) {
    refuse('Contract', patch.contractId, 'There is no such contract.');
  }
  for (const [column, value] of [
    ['Activated on', patch.activatedOn],
    ['Disconnected on', patch.disconnectedOn],
  ] as const) {
    if (value !== undefined && !isIsoDate(value)) {
      refuse(
        column,
        String(value),
        `Expected a date like 2026-10-31 but found "${String(value)}".`,
      );
    }
  }
  if (
    patch.expectedMonthlyCents !== undefined &&
    (!Number.isSafeInteger(patch.expectedMonthlyCents) || patch.expectedMonthlyCents < 0)
  ) {
    refuse(
      'Monthly cost',
      String(patch.expectedMonthlyCents),
      'The monthly cost must be zero or more, in dollars and cents.',
    );
  }
  const datesProblem = disconnectBeforeInstall(patch.activatedOn, patch.disconnectedOn);
  if (datesProblem !== null) refuse('Disconnected on', String(patch.disconnectedOn), datesProblem);
  if (
    patch.disconnectedOn !== undefined &&
    patch.status !== undefined &&
    patch.status !== 'disconnected' &&
    patch.status !== 'pending-disconnect'
  ) {
    refuse(
      'Status',
      patch.status,
      'A service with a disconnect date must be marked disconnected (or pending disconnect, for a date to come).',
    );
  }
  return errors.length > 0 ? fail(errors) : ok(patch);
}

/**
 * A sentence when a service would be disconnected before it was installed; null when the dates
 * agree, or either is missing or not a date (those are refused on their own).
 */
export function disconnectBeforeInstall(
  activatedOn?: string,
  disconnectedOn?: string,
): string | null {
  if (activatedOn === undefined || disconnectedOn === undefined) return null;
  if (!isIsoDate(activatedOn) || !isIsoDate(disconnectedOn) || disconnectedOn >= activatedOn)
    return null;
  return `The disconnect date ${disconnectedOn} is before the install date ${activatedOn}; a service cannot be disconnected before it was installed.`;
}

/**
 * Checks a patch against one service it is applied to: the dates the service would have after
 * the patch (a disconnect date set on a service installed later is refused). Null when it fits.
 */
export function patchProblemFor(
  service: Pick<Service, 'serviceIdRaw' | 'activatedOn' | 'disconnectedOn'>,
  patch: ServicePatch,
): string | null {
  const activatedOn = 'activatedOn' in patch ? patch.activatedOn : service.activatedOn;
  const disconnectedOn = 'disconnectedOn' in patch ? patch.disconnectedOn : service.disconnectedOn;
  const problem = disconnectBeforeInstall(activatedOn, disconnectedOn);
  return problem === null ? null : `${service.serviceIdRaw}: ${problem}`;
}

/** A monthly cost typed in a cell (`45`, `$45.00`, `1,250.50`) → cents, or a sentence. */
export function monthlyCostFromText(text: string): Result<Cents | undefined> {
  // What a service should cost is an amount a person sets: to the cent, never below zero (a
  // negative one would make every bill of the service look overcharged).
  const parsed = centsFromText(text, { subCent: 'reject' });
  if (!parsed.ok) return parsed;
  if (parsed.value === null) return ok(undefined);
  if (parsed.value < 0) return fail(`The monthly cost cannot be negative; found "${text.trim()}".`);
  return ok(parsed.value);
}

/** Field → [before, after] as people read them, for the change history. */
export function describeChanges(
  before: Service,
  patch: ServicePatch,
  names: {
    site(id?: string): string;
    costCenter(id?: string): string;
    account(id?: string): string;
    contract(id?: string): string;
  },
): Record<string, [string, string]> {
  const changes: Record<string, [string, string]> = {};
  const note = (label: string, from: string, to: string) => {
    if (from !== to) changes[label] = [from, to];
  };
  const money = (value?: Cents) => (value === undefined ? '—' : formatCents(value));
  if ('status' in patch) note('Status', before.status, patch.status ?? before.status);
  if ('siteId' in patch) note('Site', names.site(before.siteId), names.site(patch.siteId));
  if ('costCenterId' in patch)
    note(
      'Cost center',
      names.costCenter(before.costCenterId),
      names.costCenter(patch.costCenterId || undefined),
    );
  if ('accountId' in patch)
    note('Account', names.account(before.accountId), names.account(patch.accountId));
  if ('contractId' in patch)
    note(
      'Contract',
      names.contract(before.contractId),
      names.contract(patch.contractId || undefined),
    );
  if ('plan' in patch) note('Plan', before.plan ?? '—', patch.plan ?? '—');
  if ('expectedMonthlyCents' in patch)
    note('Monthly cost', money(before.expectedMonthlyCents), money(patch.expectedMonthlyCents));
  if ('userName' in patch) note('User', before.userName ?? '—', patch.userName ?? '—');
  if ('department' in patch) note('Department', before.department ?? '—', patch.department ?? '—');
  if ('activatedOn' in patch)
    note('Activated on', before.activatedOn ?? '—', patch.activatedOn ?? '—');
  if ('disconnectedOn' in patch)
    note('Disconnected on', before.disconnectedOn ?? '—', patch.disconnectedOn ?? '—');
  if ('notes' in patch) note('Notes', before.notes ?? '—', patch.notes ?? '—');
  return changes;
}

/**
 * The patch of a disconnect on `on`, as of `today`: status and date together, as the lifecycle
 * requires. A date after today is a disconnect still to come: a pending disconnect with that date,
 * in service until then, as an inventory file's Disconnect Date after today reads.
 */
export function disconnectPatch(on: IsoDate, today: IsoDate): ServicePatch {
  const status: ServiceStatus = on > today ? 'pending-disconnect' : 'disconnected';
  return { status, disconnectedOn: on };
}
