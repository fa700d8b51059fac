/**
 * The optimisation table names each line's cost center as the chargeback allocates it: its own,
 * else its site's, else its account's default — not blank for a line on its site's cost center.
 */
import { expect, it } from 'vitest';
import { optimisationReport } from '../../../shared/audit/optimisation';
import { isoDate } from '../../../shared/dates/iso-date';
import type { CostCenter } from '../../../shared/model';
import { makeService, makeSite, snapshotOf } from './helpers';

const RETAIL: CostCenter = { id: 'cc-retail', code: '4100', name: 'Retail', active: true };
const FINANCE: CostCenter = { id: 'cc-finance', code: '4200', name: 'Finance', active: true };

it("shows the site's cost center for a line without its own, and a line's own when it has one", () => {
  const snapshot = {
    ...snapshotOf({
      services: [
        makeService({ id: 'svc-1', siteId: 'site-1' }),
        makeService({
          id: 'svc-2',
          siteId: 'site-1',
          serviceIdRaw: '555-010-0002',
          serviceKey: '+15550100002',
          costCenterId: RETAIL.id,
        }),
      ],
      sites: [makeSite({ id: 'site-1', costCenterId: FINANCE.id })],
    }),
    costCenters: [RETAIL, FINANCE],
  };
  const lines = optimisationReport(snapshot, isoDate(2026, 6, 5)).lines;
  expect(lines.map((line) => [line.line, line.costCenter])).toEqual([
    ['555-010-0001', '4200'],
    ['555-010-0002', '4100'],
  ]);
});
