/**
 * A carrier written shorter or longer by whole words is one carrier: an inventory that says
 * "Verizon" and a Verizon Raw Data bill that says "Verizon Wireless" meet on one carrier record,
 * so the bill's lines match the inventory's services instead of landing on a second carrier.
 */
import { describe, expect, it } from 'vitest';
import { readBudgetRows } from '../../../shared/budget/file';
import { carrierFamiliesAgree, carrierNamesAgree } from '../../../shared/ids/keys';
import { readTabularFile } from '../../../shared/inventory/table-file';
import { OrgResolver, sequentialIds } from '../../../shared/ledger/org';
import type { Account, Carrier } from '../../../shared/model';

describe('carrierNamesAgree', () => {
  it.each([
    ['Verizon', 'Verizon Wireless'],
    ['VERIZON WIRELESS', 'verizon'],
    ['AT&T', 'AT&T Mobility'],
    ['ATT', 'AT&T Mobility'],
    ['T-Mobile', 'T-Mobile for Business'],
    ['TMobile', 'T-Mobile for Business'],
    ['Comcast', 'Comcast Business'],
    ['Télus', 'TELUS Mobility'],
  ])('%j and %j are one carrier', (a, b) => {
    expect(carrierNamesAgree(a, b)).toBe(true);
    expect(carrierNamesAgree(b, a)).toBe(true);
  });

  it.each([
    ['Carrier 1', 'Carrier 10'],
    ['Verizon Business', 'Verizon Wireless'],
    ['AT', 'AT&T Mobility'],
    ['T', 'T-Mobile'],
    ['Veri', 'Verizon Wireless'],
    ['Lumen', 'Level 3'],
    ['', 'Lumen'],
  ])('%j and %j are two carriers', (a, b) => {
    expect(carrierNamesAgree(a, b)).toBe(false);
    expect(carrierNamesAgree(b, a)).toBe(false);
  });
});

describe('OrgResolver.carrier with a name shortened or lengthened by words', () => {
  const verizon: Carrier = { id: 'carrier-vz', name: 'Verizon' };
  const vzAccount: Account = {
    id: 'account-vz',
    carrierId: verizon.id,
    accountNumber: '842012345-00001',
    status: 'open',
  };

  it("files a bill's 'Verizon Wireless' under the stored 'Verizon', with its account", () => {
    const org = new OrgResolver([verizon], [vzAccount], sequentialIds());
    const carrier = org.carrier('Verizon Wireless', '842012345-00001');
    expect(carrier).toBe(verizon);
    expect(org.account(carrier.id, '842012345-00001')).toBe(vzAccount);
    expect(org.createdCarriers).toEqual([]);
    // Asked again, under either name, it is the same record.
    expect(org.carrierId('VERIZON WIRELESS')).toBe(verizon.id);
  });

  it('keeps carriers whose names only share a first word apart', () => {
    const org = new OrgResolver([{ id: 'c1', name: 'Verizon Business' }], [], sequentialIds());
    expect(org.carrierId('Verizon Wireless')).not.toBe('c1');
    expect(org.createdCarriers.map((c) => c.name)).toEqual(['Verizon Wireless']);
  });

  it('with two agreeing carriers, takes the one holding the account, else a new one', () => {
    const business: Carrier = { id: 'c-biz', name: 'Verizon Business' };
    const wireless: Carrier = { id: 'c-wl', name: 'Verizon Wireless' };
    const accounts: Account[] = [
      { id: 'a1', carrierId: business.id, accountNumber: '111', status: 'open' },
      { id: 'a2', carrierId: wireless.id, accountNumber: '222', status: 'open' },
    ];
    const held = new OrgResolver([business, wireless], accounts, sequentialIds());
    expect(held.carrierId('Verizon', '222')).toBe(wireless.id);
    const unknown = new OrgResolver([business, wireless], accounts, sequentialIds());
    expect(unknown.carrierId('Verizon', '333')).toBe('carrier-1');
    expect(unknown.createdCarriers.map((c) => c.name)).toEqual(['Verizon']);
  });
});

describe('a budget file naming a carrier shorter or longer than Bills does', () => {
  it('reads "Verizon" as the one carrier "Verizon Wireless", and refuses a name two agree with', () => {
    const carriers: Carrier[] = [
      { id: 'car-vz', name: 'Verizon Wireless' },
      { id: 'car-att', name: 'AT&T Mobility' },
      { id: 'car-att2', name: 'AT&T Business' },
    ];
    const read = (text: string) => {
      const table = readTabularFile('budget.csv', new TextEncoder().encode(text));
      if (!table.ok) throw new Error(table.errors[0]?.message);
      return readBudgetRows(table.value, carriers);
    };
    const result = read('Cost Center,Carrier,Month,Amount\n4100,Verizon,2026-01,300\n');
    expect(result.errors).toEqual([]);
    expect(result.drafts.map((d) => d.carrierId)).toEqual(['car-vz']);
    const twoOf = read('Cost Center,Carrier,Month,Amount\n4100,AT&T,2026-01,300\n');
    expect(twoOf.errors.map((e) => e.column)).toEqual(['Carrier']);
  });
});

describe('OrgResolver: a name told apart by its account, and names met before', () => {
  it('does not let the first account decide the name for the next account', () => {
    const wireless: Carrier = { id: 'c-wl', name: 'Verizon Wireless' };
    const business: Carrier = { id: 'c-biz', name: 'Verizon Business' };
    const accounts: Account[] = [
      { id: 'a1', carrierId: wireless.id, accountNumber: '111', status: 'open' },
      { id: 'a2', carrierId: business.id, accountNumber: '222', status: 'open' },
    ];
    const org = new OrgResolver([wireless, business], accounts, sequentialIds());
    expect(org.carrierId('Verizon', '111')).toBe(wireless.id);
    expect(org.carrierId('Verizon', '222')).toBe(business.id);
  });

  it('keeps "Verizon Business" apart from a "Verizon" already met as "Verizon Wireless"', () => {
    const org = new OrgResolver([{ id: 'c-vz', name: 'Verizon' }], [], sequentialIds());
    expect(org.carrierId('Verizon Wireless')).toBe('c-vz');
    expect(org.carrierId('Verizon Business')).not.toBe('c-vz');
  });
});

describe("a carrier's former name or brand", () => {
  it.each([
    ['CENTURYLINK', 'Lumen Technologies'],
    ['Level 3 Communications, LLC', 'Lumen'],
    ['Sprint', 'T-Mobile for Business'],
    ['Spectrum Enterprise', 'Charter Communications'],
    ['MCI', 'Verizon Business'],
  ])('%j and %j are one carrier family', (a, b) => {
    expect(carrierFamiliesAgree(a, b)).toBe(true);
    expect(carrierFamiliesAgree(b, a)).toBe(true);
  });

  it.each([
    ['CenturyLink', 'Verizon Business'],
    ['Sprint', 'AT&T Mobility'],
    ['Acme Telecom', 'Lumen'],
  ])('%j and %j are not', (a, b) => {
    expect(carrierFamiliesAgree(a, b)).toBe(false);
  });

  const lumen: Carrier = { id: 'c-lumen', name: 'Lumen' };
  const lumenAccount: Account = {
    id: 'a-lumen',
    carrierId: lumen.id,
    accountNumber: '88-LUMN-5590',
    status: 'open',
  };

  it('files a bill saying "CENTURYLINK" under Lumen when Lumen holds its account', () => {
    const org = new OrgResolver([lumen], [lumenAccount], sequentialIds());
    expect(org.carrier('CENTURYLINK', '88-LUMN-5590')).toBe(lumen);
    expect(org.createdCarriers).toEqual([]);
  });

  it('keeps the former name a carrier of its own for an account Lumen does not hold', () => {
    const org = new OrgResolver([lumen], [lumenAccount], sequentialIds());
    expect(org.carrierId('CENTURYLINK', '77-OTHER-0001')).not.toBe(lumen.id);
    expect(org.createdCarriers.map((c) => c.name)).toEqual(['CENTURYLINK']);
  });
});
