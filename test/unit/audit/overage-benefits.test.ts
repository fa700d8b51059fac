/**
 * A promotion or an outage credit that names calls or international use gives no usage back:
 * overage still claims the usage charges it is beside.
 */
import { expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { billed, line, makeInvoice, snapshotOf } from './helpers';

const rules = ALL_RULES.filter((rule) => rule.id === 'overage');
const roaming = line('usage', 200_00, { description: 'International roaming' });

it.each([
  'Outage credit - dropped calls',
  'Promotional credit - international',
  'Service interruption credit (calls)',
])('a credit “%s” is no usage given back', (description) => {
  const bills = [
    billed(makeInvoice({ month: '2026-05' }), [
      line('recurring', 45_00),
      roaming,
      line('credit', -200_00, { description }),
    ]),
  ];
  expect(runAudit(snapshotOf({ bills }), rules).findings.map((f) => f.impact)).toEqual([200_00]);
});
