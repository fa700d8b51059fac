/** Schemas of contracts, audit findings, disputes, allocation rules and the remaining tables. */
import { z } from 'zod';
import { CONTRACT_STATUSES, DISPUTE_STATUSES, FINDING_STATUSES, SEVERITIES } from '../../model';
import {
  allowance,
  binary,
  cents,
  count,
  isoDate,
  isoMonth,
  oneOf,
  record,
  text,
  texts,
  timestamp,
  wholeNumber,
  yesNo,
} from './fields';

export const contractSchema = record({
  id: text,
  carrierId: text,
  name: text,
  contractNumber: text.optional(),
  accountIds: texts,
  serviceIds: texts,
  startDate: isoDate,
  termMonths: count,
  endDate: isoDate,
  autoRenew: yesNo,
  renewalTermMonths: count,
  noticeDays: count,
  marcCents: cents,
  status: oneOf(CONTRACT_STATUSES),
  countsFrom: oneOf(['signature', 'installation']).optional(),
  earlyTermination: text.optional(),
  rateCard: z
    .array(
      record({
        planOrServiceType: text.optional(),
        serviceId: text.optional(),
        monthlyRateCents: cents,
        monthToMonthRateCents: cents.optional(),
        dataAllowanceGb: allowance.optional(),
        voiceMinutesAllowance: allowance.optional(),
        messagesAllowance: allowance.optional(),
      }),
    )
    .optional(),
  attachmentIds: texts.optional(),
  notes: text.optional(),
});

export const attachmentSchema = record({
  id: text,
  ownerId: text,
  fileName: text,
  mediaType: text,
  bytes: binary<Uint8Array>(Uint8Array, 'the file’s bytes'),
  addedAt: timestamp,
});

export const findingSchema = record({
  id: text,
  ruleId: text,
  severity: oneOf(SEVERITIES),
  subject: record({
    carrierId: text,
    accountNumber: text.optional(),
    invoiceNumber: text.optional(),
    invoiceNumbers: texts.optional(),
    serviceKey: text.optional(),
    serviceIdRaw: text.optional(),
    period: isoMonth.optional(),
  }),
  impact: cents,
  message: text,
  status: oneOf(FINDING_STATUSES),
  statusHistory: z.array(
    record({ status: oneOf(FINDING_STATUSES), at: timestamp, note: text.optional() }),
  ),
  firstSeenAt: timestamp,
  lastSeenAt: timestamp,
  disputeId: text.optional(),
});

export const disputeSchema = record({
  id: text,
  carrierId: text,
  accountNumber: text,
  findingIds: texts,
  claimedAmount: cents,
  creditedAmount: cents,
  status: oneOf(DISPUTE_STATUSES),
  carrierReference: text.optional(),
  openedOn: isoDate,
  submittedOn: isoDate.optional(),
  closedOn: isoDate.optional(),
  notes: text.optional(),
});

export const allocationRuleSchema = record({
  id: text,
  name: text,
  target: z.discriminatedUnion(
    'kind',
    [
      record({ kind: z.literal('service'), serviceId: text }),
      record({ kind: z.literal('site'), siteId: text }),
      record({ kind: z.literal('account'), accountId: text }),
    ],
    { error: 'must name a service, a site or an account' },
  ),
  splits: z.array(record({ costCenterId: text, basisPoints: wholeNumber(0, 10_000) })),
  effectiveFrom: isoMonth,
  effectiveTo: isoMonth.optional(),
});

export const settingSchema = record({ key: text, value: z.unknown() });

export const exportPresetSchema = record({
  id: text,
  name: text,
  columns: z.array(record({ field: text, header: text })),
});

export const actionLogSchema = record({
  seq: count.optional(),
  at: timestamp,
  action: text,
  summary: text,
});
