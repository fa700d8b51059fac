/** Schemas of who bills whom and where: carriers, accounts, sites, cost centers, services. */
import { z } from 'zod';
import { SERVICE_STATUSES, SERVICE_TYPES } from '../../model';
import {
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

export const carrierSchema = record({
  id: text,
  name: text,
  defaultProfileId: text.optional(),
  notes: text.optional(),
});

export const accountSchema = record({
  id: text,
  carrierId: text,
  accountNumber: text,
  name: text.optional(),
  billCycleDay: wholeNumber(1, 31).optional(),
  defaultCostCenterId: text.optional(),
  defaultSiteId: text.optional(),
  expectedMonthlyCents: cents.optional(),
  status: oneOf(['open', 'closed']),
  closedOn: isoDate.optional(),
});

export const siteSchema = record({
  id: text,
  code: text,
  name: text,
  street: text.optional(),
  city: text.optional(),
  region: text.optional(),
  postalCode: text.optional(),
  country: text,
  costCenterId: text.optional(),
  status: oneOf(['active', 'closed']),
  openedOn: isoDate.optional(),
  closedOn: isoDate.optional(),
});

export const costCenterSchema = record({
  id: text,
  code: text,
  name: text,
  owner: text.optional(),
  parentId: text.optional(),
  active: yesNo,
  glAccount: text.optional(),
});

export const serviceSchema = record({
  id: text,
  type: oneOf(SERVICE_TYPES),
  status: oneOf(SERVICE_STATUSES),
  carrierId: text,
  accountId: text,
  siteId: text.optional(),
  costCenterId: text.optional(),
  serviceIdRaw: text,
  serviceKey: text.nullable(),
  aliasKeys: texts,
  description: text.optional(),
  userName: text.optional(),
  department: text.optional(),
  plan: text.optional(),
  bandwidthKbps: count.optional(),
  expectedMonthlyCents: cents.optional(),
  contractId: text.optional(),
  activatedOn: isoDate.optional(),
  disconnectRequestedOn: isoDate.optional(),
  disconnectedOn: isoDate.optional(),
  notes: text.optional(),
});

/** A change of one field, as displayed: [before, after]. */
const change = z.tuple([text, text], { error: 'must be a pair of texts (before, after)' });

export const serviceEventSchema = record({
  seq: count.optional(),
  serviceId: text,
  at: timestamp,
  kind: oneOf(['added', 'moved', 'changed', 'disconnected', 'edited', 'matched']),
  summary: text,
  changes: z.record(text, change).optional(),
});

export const budgetLineSchema = record({
  id: text,
  costCenterId: text,
  carrierId: text,
  month: isoMonth,
  amount: cents,
});
