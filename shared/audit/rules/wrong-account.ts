import type { IsoDate } from '../../dates/iso-date';
import { accountNumberKey } from '../../ids/keys';
import type { Service } from '../../model';
import { Tallies, money, tallyDraft, tallySpan } from '../findings';
import type { InvoiceFacts, ServiceCharges } from '../context';
import type { AuditRule } from '../rule';

/** A service's lines on a bill of another account than the inventory's. */
interface Elsewhere {
  facts: InvoiceFacts;
  charges: ServiceCharges;
  service: Service;
  billedOn: string;
}

/**
 * Services billed on another account of the carrier than the inventory says. The inventory keeps
 * only a service's account now, not the accounts it had: a line moved to a new account (the
 * inventory updated to it) was billed on the old one before, rightly. So the bills of another
 * account that all come before the service's first bill on its own account (each starts before
 * that one starts) are its history there, not an error; billed there alongside or after its own
 * account's bills, or never billed on its own account, it is on the wrong account.
 */
export const wrongAccountRule: AuditRule = {
  id: 'wrong-account',
  title: 'Billed on the wrong account',
  description:
    'A service billed on a different account than the inventory says. A line moved to that account is not: its bills on the old account, all before its first bill on the new one, were right when issued. No money impact: chargeback and disputes go to the wrong place.',
  severity: 'warning',
  settings: [],
  check(context) {
    const elsewhere: Elsewhere[] = [];
    /** Service id → the start of its first bill on its own account. */
    const firstOwn = new Map<string, IsoDate>();
    /** Service id and other account → the start of its last bill there. */
    const lastElsewhere = new Map<string, IsoDate>();
    const movedKey = (service: Service, billedOn: string) =>
      `${service.id}\u0000${accountNumberKey(billedOn)}`;
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
        // One account however it is punctuated (`287-000-111` is `287000111`), or written with
        // the leading zeros a spreadsheet cut from the inventory's (`0012345` is `12345`).
        if (
          context.namesAccount(billedOn, own) ||
          context.namesAccount(facts.invoice.accountNumber, own)
        ) {
          const first = firstOwn.get(service.id);
          if (first === undefined || facts.periodStart < first)
            firstOwn.set(service.id, facts.periodStart);
          continue;
        }
        elsewhere.push({ facts, charges, service, billedOn });
        const key = movedKey(service, billedOn);
        const last = lastElsewhere.get(key);
        if (last === undefined || facts.periodStart > last)
          lastElsewhere.set(key, facts.periodStart);
      }
    }
    const tallies = new Tallies();
    for (const { facts, charges, service, billedOn } of elsewhere) {
      const first = firstOwn.get(service.id);
      const last = lastElsewhere.get(movedKey(service, billedOn));
      // Moved: every bill on that account came before the first on its own.
      if (first !== undefined && last !== undefined && last < first) continue;
      const tally = tallies.on(facts, charges.serviceKey, charges.serviceIdRaw, service);
      tally.accountNumber = billedOn;
      tally.billed += charges.total;
    }
    return tallies.list().map((tally) => {
      const own =
        tally.service === undefined ? undefined : context.accountById.get(tally.service.accountId);
      const message = `${tally.serviceIdRaw} belongs to account ${own?.accountNumber ?? '?'} in the inventory but is billed on ${tally.accountNumber}: ${money(tally.billed)} on ${tallySpan(tally)}.`;
      return tallyDraft(this, tally, 0, message);
    });
  },
};
