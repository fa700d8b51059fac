import { accountNumberKey } from '../../ids/keys';
import { Tallies, money, tallyDraft, tallySpan } from '../findings';
import type { AuditRule } from '../rule';

/** Services billed on another account of the carrier than the inventory says. */
export const wrongAccountRule: AuditRule = {
  id: 'wrong-account',
  title: 'Billed on the wrong account',
  description:
    'A service billed on a different account than the inventory says. No money impact: chargeback and disputes go to the wrong place.',
  severity: 'warning',
  settings: [],
  check(context) {
    const tallies = new Tallies();
    for (const facts of context.originals) {
      for (const charges of facts.services) {
        const service = charges.service;
        if (service === undefined) continue;
        const own = context.accountById.get(service.accountId);
        // A line billed on its own account under the invoice's (AT&T BANs under a FAN, a
        // consolidated 811's sub-accounts under its master) is on either of the two: the
        // inventory may keep the service under the sub-account or under the account that pays.
        const billedOn = charges.accountNumber ?? facts.invoice.accountNumber;
        if (own === undefined) continue;
        // One account however it is punctuated (`287-000-111` is `287000111`).
        const ownKey = accountNumberKey(own.accountNumber);
        if (ownKey === accountNumberKey(billedOn)) continue;
        if (ownKey === accountNumberKey(facts.invoice.accountNumber)) continue;
        const tally = tallies.on(facts, charges.serviceKey, charges.serviceIdRaw, service);
        tally.accountNumber = billedOn;
        tally.billed += charges.total;
      }
    }
    return tallies.list().map((tally) => {
      const own =
        tally.service === undefined ? undefined : context.accountById.get(tally.service.accountId);
      const message = `${tally.serviceIdRaw} belongs to account ${own?.accountNumber ?? '?'} in the inventory but is billed on ${tally.accountNumber}: ${money(tally.billed)} on ${tallySpan(tally)}.`;
      return tallyDraft(this, tally, 0, message);
    });
  },
};
