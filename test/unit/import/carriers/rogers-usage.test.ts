/** Rogers usage archives: headerless pipe-delimited ALL_CALLS files named by a Header file, read as usage. */
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isoDate } from '../../../../shared/dates';
import type { BillDraft } from '../../../../shared/import/draft';
import { readBills, type ReadOutcome } from '../../../../shared/import/read-bill';
import { rogersAlone } from '../../../../shared/import/usage/rogers-usage';
import { carrierFile } from './carrier-fixtures';

function rogersBytes(name: string): Uint8Array {
  return new Uint8Array(
    readFileSync(new URL(`../../../fixtures/carriers/rogers/${name}`, import.meta.url)),
  );
}

/** A ZIP as Rogers ships it: member name → fixture file. */
function rogersZip(name: string, members: Record<string, string>) {
  const entries: Record<string, Uint8Array> = {};
  for (const [member, fixture] of Object.entries(members)) entries[member] = rogersBytes(fixture);
  return { name, bytes: zipSync(entries) };
}

const ARCHIVES = [
  // Two call files of one type in one ZIP (the second with CRLF line ends).
  rogersZip('voice.zip', {
    'Header-Voice.txt': 'Header-Voice.txt',
    'ALL_CALLS-Voice.txt': 'ALL_CALLS-Voice.txt',
    'ALL_CALLS-Voice-2.txt': 'ALL_CALLS-Voice-2.txt',
  }),
  rogersZip('sms.zip', {
    'Header-SMS.txt': 'Header-SMS.txt',
    'ALL_CALLS-SMS.txt': 'ALL_CALLS-SMS.txt',
  }),
  rogersZip('gprs.zip', {
    'Header-GPRS.txt': 'Header-GPRS.txt',
    'ALL_CALLS-GPRS.txt': 'ALL_CALLS-GPRS.txt',
  }),
  // The roaming archive's Header has the same name as the domestic one, with more columns.
  rogersZip('gprs-rm.zip', {
    'Header-GPRS.txt': 'Header-GPRS-RM.txt',
    'ALL_CALLS-GPRS-Rm.txt': 'ALL_CALLS-GPRS-Rm.txt',
  }),
];
const BILL = carrierFile('rogers-bill.temdesk.csv');

function drafts(outcomes: readonly ReadOutcome[]): BillDraft[] {
  return outcomes.flatMap((o) => (o.kind === 'draft' ? [o.draft] : []));
}

describe('Rogers usage archives read with the Rogers bill of the same pick', () => {
  const outcomes = readBills([...ARCHIVES, BILL]);
  const [bill, usage] = drafts(outcomes);
  const usageOf = (key: string) => usage?.usage.find((u) => u.serviceKey === key);

  it('reads the bill and the usage as two drafts, the usage for the bill’s invoice', () => {
    expect(outcomes.map((o) => o.kind)).toEqual(['draft', 'draft']);
    expect(bill?.invoices.map((i) => i.invoiceNumber)).toEqual(['R260320001']);
    expect(usage).toMatchObject({ profileId: 'rogers-usage', invoices: [], lines: [] });
    expect(usage?.usageFor).toEqual([
      expect.objectContaining({ accountNumber: '800123456', invoiceNumber: 'R260320001' }),
    ]);
    expect(usage?.usage.every((u) => u.invoiceKey === bill?.invoices[0]?.key)).toBe(true);
  });

  it('sums seconds into minutes, counts texts, adds KB, per line for the cycle’s month', () => {
    expect(usageOf('+14165550101')).toMatchObject({
      month: '2026-03',
      minutes: 8,
      roamingMinutes: 5,
      messages: 2,
      dataKb: 1_050_624,
    });
    // The row whose Seconds is "sixty" is not read; messages stay unknown (no SMS rows).
    expect(usageOf('+14165550102')).toMatchObject({ minutes: 2, messages: null, dataKb: 614 });
    expect(usageOf('+16475550103')).toMatchObject({
      minutes: 0.75,
      messages: 1,
      dataKb: 382,
      roamingDataKb: 382,
    });
    expect(usage?.usage).toHaveLength(3);
  });

  it('lists the bad row with its file, row and column', () => {
    expect(usage?.errors).toEqual([
      expect.objectContaining({
        sourceFile: 'voice.zip › ALL_CALLS-Voice.txt',
        row: 4,
        column: 'Seconds',
      }),
    ]);
    expect(usage?.errors[0]?.message).toContain('"sixty"');
  });
});

describe('Rogers usage archives without a bill in the pick', () => {
  it('are refused naming the bill to import when none is stored', () => {
    const outcomes = readBills(ARCHIVES);
    expect(outcomes).toEqual([
      expect.objectContaining({
        kind: 'unreadable',
        message: rogersAlone('800123456', isoDate(2026, 3, 20)),
      }),
    ]);
  });

  it('attach to the Rogers bill stored earlier (matched by invoice number or cycle end)', () => {
    const stored = [
      {
        carrierName: 'Rogers Wireless',
        accountNumber: '800123456',
        invoiceNumber: 'OTHER-NUMBER',
        invoiceDate: isoDate(2026, 3, 20),
      },
    ];
    const [outcome] = readBills(ARCHIVES, { storedInvoices: stored });
    expect(outcome?.kind).toBe('draft');
    if (outcome?.kind !== 'draft') return;
    expect(outcome.draft.usageFor?.map((t) => t.invoiceNumber)).toEqual(['OTHER-NUMBER']);
    expect(outcome.draft.usage).toHaveLength(3);
  });

  it('an ALL_CALLS file without its Header is refused: it has no header row', () => {
    const [outcome] = readBills([
      { name: 'ALL_CALLS-Voice.txt', bytes: rogersBytes('ALL_CALLS-Voice.txt') },
    ]);
    expect(outcome).toMatchObject({ kind: 'unreadable' });
    if (outcome?.kind === 'unreadable') expect(outcome.message).toContain('has no header row');
  });

  it('a call file whose rows do not fit its Header is refused, saying so', () => {
    const zip = rogersZip('mixed.zip', {
      'Header-GPRS.txt': 'Header-GPRS.txt',
      'ALL_CALLS-GPRS-Rm.txt': 'ALL_CALLS-GPRS-Rm.txt',
    });
    const outcomes = readBills([zip, BILL]);
    expect(outcomes[1]).toMatchObject({ kind: 'unreadable' });
    if (outcomes[1]?.kind === 'unreadable') {
      expect(outcomes[1].message).toContain(
        'has 15 values but mixed.zip › Header-GPRS.txt names 12 columns',
      );
    }
  });
});

describe('Rogers usage files picked loose (the archives unzipped, as users keep downloads)', () => {
  /** Each line's figures, whatever the files were named. */
  const figures = (outcomes: readonly ReadOutcome[]) =>
    drafts(outcomes)[1]?.usage.map(
      ({ serviceKey, month, minutes, messages, dataKb, roamingMinutes, roamingDataKb }) => ({
        serviceKey,
        month,
        minutes,
        messages,
        dataKb,
        roamingMinutes,
        roamingDataKb,
      }),
    );
  const zipped = figures(readBills([...ARCHIVES, BILL]));
  /** The voice and SMS archives' files, unzipped side by side. */
  const VOICE_AND_SMS = {
    'Header-Voice.txt': 'Header-Voice.txt',
    'ALL_CALLS-Voice.txt': 'ALL_CALLS-Voice.txt',
    'ALL_CALLS-Voice-2.txt': 'ALL_CALLS-Voice-2.txt',
    'Header-SMS.txt': 'Header-SMS.txt',
    'ALL_CALLS-SMS.txt': 'ALL_CALLS-SMS.txt',
  };
  const loose = (names: Record<string, string>) =>
    Object.entries(names).map(([name, fixture]) => ({ name, bytes: rogersBytes(fixture) }));

  it('pairs each call file with its Header among the loose files, as in their ZIPs', () => {
    const outcomes = readBills([
      ...loose({
        ...VOICE_AND_SMS,
        'Header-GPRS.txt': 'Header-GPRS.txt',
        'ALL_CALLS-GPRS.txt': 'ALL_CALLS-GPRS.txt',
        'Header-GPRS-RM.txt': 'Header-GPRS-RM.txt',
        'ALL_CALLS-GPRS-Rm.txt': 'ALL_CALLS-GPRS-Rm.txt',
      }),
      BILL,
    ]);
    expect(outcomes.map((o) => o.kind)).toEqual(['draft', 'draft']);
    expect(zipped).toHaveLength(3);
    expect(figures(outcomes)).toEqual(zipped);
  });

  it('tells two Headers of one name (unzipped into two folders) apart by their columns', () => {
    const outcomes = readBills([
      ...loose({
        ...VOICE_AND_SMS,
        // The roaming Header first: the pairing must not take the first Header of the name.
        'gprs-rm/Header-GPRS.txt': 'Header-GPRS-RM.txt',
        'gprs/Header-GPRS.txt': 'Header-GPRS.txt',
        'ALL_CALLS-GPRS.txt': 'ALL_CALLS-GPRS.txt',
        'ALL_CALLS-GPRS-Rm.txt': 'ALL_CALLS-GPRS-Rm.txt',
      }),
      BILL,
    ]);
    expect(outcomes.map((o) => o.kind)).toEqual(['draft', 'draft']);
    expect(figures(outcomes)).toEqual(zipped);
  });

  it('finds Header and call files in a folder inside a ZIP', () => {
    const outcomes = readBills([
      rogersZip('voice.zip', {
        'March/Header-Voice.txt': 'Header-Voice.txt',
        'March/ALL_CALLS-Voice.txt': 'ALL_CALLS-Voice.txt',
        'March/ALL_CALLS-Voice-2.txt': 'ALL_CALLS-Voice-2.txt',
      }),
      ...ARCHIVES.slice(1),
      BILL,
    ]);
    expect(outcomes.map((o) => o.kind)).toEqual(['draft', 'draft']);
    expect(figures(outcomes)).toEqual(zipped);
  });
});
