/**
 * An account-level charge split pro rata over two cost centers of equal weight leaves a cent
 * over: it goes to the same cost center whatever the records' ids — the app's are random, the
 * CLI's sequential — by cost center code, so the app and the CLI book the same cents.
 */
import { expect, it } from 'vitest';
import {
  allocate,
  amountsByCostCenter,
  bills,
  company,
  costCenter,
  line,
  service,
} from './helpers';

function tieSplit(ids: { hq: string; dc: string }) {
  const input = company({
    costCenters: [costCenter(ids.hq, { code: '4200' }), costCenter(ids.dc, { code: '4300' })],
    services: [service('c1', { costCenterId: ids.hq }), service('c2', { costCenterId: ids.dc })],
    ...bills([
      {
        id: 'lumen',
        lines: [
          line('c1', 'recurring', 800_00),
          line('c2', 'recurring', 800_00),
          line('', 'surcharge', 85_01),
        ],
      },
    ]),
  });
  const amounts = amountsByCostCenter(allocate(input));
  return { hq: amounts[ids.hq], dc: amounts[ids.dc] };
}

it('gives the tied cent to the lower cost center code, whichever id sorts first', () => {
  const expected = { hq: 842_51, dc: 842_50 };
  expect(tieSplit({ hq: 'cost-center-1', dc: 'cost-center-2' })).toEqual(expected);
  expect(tieSplit({ hq: 'cost-center-f714', dc: 'cost-center-dedf' })).toEqual(expected);
});
