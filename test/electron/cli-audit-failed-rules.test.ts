import { describe, expect, it } from 'vitest';
import { auditSummary, type AuditOutcome } from '../../electron/cli/audit-command';
import type { Workspace } from '../../electron/cli/workspace';
import { isoDate } from '../../shared/dates';
import { cents } from '../../shared/money/cents';

const EMPTY_WORKSPACE: Workspace = {
  carriers: [],
  accounts: [],
  sites: [],
  costCenters: [],
  services: [],
  contracts: [],
  invoices: [],
  chargeBlocks: [],
  lines: [],
  linesFromBackup: 0,
  usage: [],
  repeatedInvoices: [],
  billFiles: 0,
  warnings: [],
  unreadRows: [],
  unlistedUnreadRows: 0,
  notices: [],
  skippedRows: [],
  billNotes: [],
};

function outcome(
  failedRules: AuditOutcome['failedRules'],
  findings: AuditOutcome['findings'] = [],
): AuditOutcome {
  return {
    workspace: EMPTY_WORKSPACE,
    findings,
    files: {
      findings: 'out/findings.csv',
      invoices: 'out/invoices.csv',
      charges: 'out/charges.csv',
      optimisation: 'out/optimisation.csv',
    },
    failedRules,
  };
}

describe('CLI audit summary', () => {
  const today = isoDate(2026, 6, 5);

  it('names a check that could not run, with its reason, before the files written', () => {
    const lines = auditSummary(
      outcome([{ ruleId: 'missing-invoice', ruleTitle: 'Invoice missing', reason: 'Bad date.' }]),
      today,
    );
    const notice =
      '1 check could not run: Invoice missing — Bad date. Its earlier findings are kept as they were. The other checks ran.';
    expect(lines).toContain(notice);
    expect(lines.indexOf(notice)).toBe(lines.length - 2);
  });

  it('says nothing of the kind when every check ran', () => {
    const lines = auditSummary(outcome([]), today);
    expect(lines.some((line) => line.includes('could not run'))).toBe(false);
  });

  it('counts one finding as "1 finding"', () => {
    const finding: AuditOutcome['findings'][number] = {
      id: 'missing-invoice|lumen|5-KE4X-001|2026-05',
      ruleId: 'missing-invoice',
      severity: 'warning',
      subject: { carrierId: 'lumen', accountNumber: '5-KE4X-001' },
      impact: cents(0),
      message: 'No invoice for May 2026.',
    };
    const lines = auditSummary(outcome([], [finding]), today);
    expect(lines).toContain('1 finding (1 warning), impact $0.00:');
  });
});
