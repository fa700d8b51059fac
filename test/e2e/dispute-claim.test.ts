import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { formatCents } from '../../shared/money/cents';
import {
  openApp,
  type AppSession,
  loadSampleCompany,
  sampleCompanyOf,
  SCREENSHOT_DIR,
} from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

const ACCOUNT = '8495 35 291 4115544';

function atStakeTile(page: Page) {
  return page
    .getByRole('definition')
    .and(
      page
        .getByLabel('Money at stake in the findings shown')
        .locator('.tile')
        .filter({ hasText: 'At stake (open or disputed)' })
        .locator('dd'),
    );
}

/**
 * The names of the two late fees' checkboxes (the Comcast one and the Verizon one), from the
 * sample's planted errors: `Select finding Late fee, invoice <number>, <fee>`.
 */
function lateFeeBoxes(opened: AppSession): { comcast: string; verizon: string } {
  const fees = sampleCompanyOf(opened).plantedErrors.filter((e) => e.ruleId === 'late-fee');
  const name = (carrier: string) => {
    const fee = fees.find((e) => e.carrier === carrier);
    if (fee?.invoiceNumber === undefined) throw new Error(`no late fee planted on ${carrier}`);
    return `Select finding Late fee, invoice ${fee.invoiceNumber}, ${formatCents(fee.impactCents)}`;
  };
  return { comcast: name('comcast'), verizon: name('verizon') };
}

async function sampleFindings(): Promise<AppSession> {
  const opened = await openApp({ hash: '#/findings' });
  await loadSampleCompany(opened.page);
  const grid = opened.page.getByRole('region', { name: 'Findings', exact: true });
  await expect.poll(() => grid.getByRole('row').count(), { timeout: 60_000 }).toBeGreaterThan(10);
  return opened;
}

describe('a dispute claims money at stake, each cent once', () => {
  it('disputes the Comcast account for what the Findings page says is at stake, and leaves out the missing cost center', async () => {
    session = await sampleFindings();
    const { page } = session;
    const grid = page.getByRole('region', { name: 'Findings', exact: true });
    const filters = page.getByRole('group', { name: 'Filter findings' });
    await filters.getByLabel('Account').selectOption(ACCOUNT);
    await expect.poll(() => grid.getByRole('row').count()).toBe(7);
    const atStake = (await atStakeTile(page).textContent()) ?? '';
    // Each cent once (the closed store's lines are in the out-of-contract finding too), as the
    // database tier's dispute-claim test pins it for this account's bills.
    expect(atStake).toBe('$5,461.27');

    // The missing cost center alone asks the carrier for nothing: no dispute, and it says why.
    // The kiosk's broadband, and what its bills charged, from the sample's planted errors.
    const planted = sampleCompanyOf(session).plantedErrors.find(
      (error) => error.ruleId === 'missing-cost-center',
    );
    if (planted?.serviceId === undefined) throw new Error('no missing cost center planted');
    const noClaim = `No cost center (${planted.serviceId}), ${formatCents(planted.billedCents)}: an internal allocation gap (no cost center), no money owed by the carrier.`;
    const gap = grid.getByRole('checkbox', { name: /^Select finding No cost center/ });
    await gap.check();
    const single = page.getByRole('button', { name: 'Create dispute from 1 selected…' });
    await expect.poll(() => single.isDisabled()).toBe(true);
    const why = page.locator(`#${(await single.getAttribute('aria-describedby')) ?? 'none'}`);
    expect(await why.textContent()).toBe(
      `A dispute asks the carrier for money at stake; this finding claims none, so it cannot be disputed: ${noClaim}`,
    );
    await gap.uncheck();

    await grid.getByRole('checkbox', { name: 'Select all findings' }).check();
    await page.getByRole('button', { name: 'Create dispute from 6 selected…' }).click();
    const form = page.getByRole('form', { name: /^New dispute/ });
    expect(await form.getByRole('heading').first().textContent()).toBe(
      `New dispute: Comcast Business ${ACCOUNT} — 5 findings, ${atStake} claimed`,
    );
    const leftOut = form.getByRole('list', { name: /1 selected finding is left out/ });
    expect(await leftOut.getByRole('listitem').allTextContents()).toEqual([noClaim]);
    await session.screenshot('dispute-claim-form');
    await form.getByLabel('Carrier ticket number').fill('TKT-2001');
    await form.getByRole('button', { name: 'Open dispute' }).click();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: `Disputed 5 findings (${atStake}).` })
          .count(),
      )
      .toBe(1);

    await page.getByRole('tab', { name: 'Disputes' }).click();
    await page.getByRole('table', { name: 'Disputes with carriers' }).getByRole('button').click();
    const dispute = page.getByRole('region', { name: /Dispute .* ticket TKT-2001/ });
    await dispute.getByRole('button', { name: 'Show dispute letter' }).click();
    const items = page
      .getByRole('article', { name: 'Dispute letter' })
      .getByRole('table', { name: 'Disputed items' });
    await expect
      .poll(() => items.getByRole('row', { name: /Total credit requested/ }).textContent())
      .toBe(`Total credit requested${atStake}`);
    // Every invoice the out-of-contract finding claims on is named, each with its share.
    const rows = items.getByRole('row').filter({ hasText: /Billed after the contract ended/ });
    expect(await rows.count()).toBe(7);
    await session.screenshot('dispute-claim-letter');
    expect(session.consoleErrors).toEqual([]);
  });

  it('a finding with more charge lines than it keeps says how many its detail shows', async () => {
    session = await sampleFindings();
    const { page } = session;
    await page
      .getByRole('group', { name: 'Filter findings' })
      .getByLabel('Rule')
      .selectOption('out-of-contract');
    const grid = page.getByRole('region', { name: 'Findings', exact: true });
    await expect.poll(() => grid.getByRole('row').count()).toBe(2);
    await grid
      .getByRole('gridcell', { name: 'Billed after the contract ended', exact: true })
      .click();
    const detail = page.getByRole('region', { name: /^Billed after the contract ended: \$/ });
    const table = detail.getByRole('table', { name: 'Charge lines behind this finding' });
    await expect.poll(() => table.getByRole('row').count()).toBe(201);
    expect(await table.getAttribute('aria-describedby')).toBe('charge-lines-shown');
    expect(await detail.locator('#charge-lines-shown').textContent()).toBe(
      '200 of 652 charge lines shown (the first kept with the finding); its money at stake and dispute letter count all 652.',
    );
    await detail
      .getByText('200 of 652 charge lines shown', { exact: false })
      .scrollIntoViewIfNeeded();
    await session.screenshot('finding-lines-shown');
    // The note and the table's first rows, as the user sees them on screen.
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'finding-lines-note.png') });
    expect(session.consoleErrors).toEqual([]);
  });

  it('says at once that a dispute covers one carrier account when findings of two are ticked', async () => {
    session = await sampleFindings();
    const { page } = session;
    const lateFees = page.getByRole('group', { name: 'Filter findings' }).getByLabel('Rule');
    await lateFees.selectOption('late-fee');
    const grid = page.getByRole('region', { name: 'Findings', exact: true });
    await expect.poll(() => grid.getByRole('row').count()).toBe(3);
    const fees = lateFeeBoxes(session);
    await grid.getByRole('checkbox', { name: fees.comcast }).check();
    await grid.getByRole('checkbox', { name: fees.verizon }).check();
    const create = page.getByRole('button', { name: 'Create dispute from 2 selected…' });
    await expect.poll(() => create.isDisabled()).toBe(true);
    const reason = page.locator(`#${(await create.getAttribute('aria-describedby')) ?? 'none'}`);
    expect(await reason.textContent()).toMatch(
      /^A dispute covers one carrier account: the selected findings are on 2 accounts \((Comcast Business|Verizon Wireless) .+, (Comcast Business|Verizon Wireless) .+\)\. Select findings of one account to dispute them\.$/,
    );
    expect(await page.getByRole('form', { name: /^New dispute/ }).count()).toBe(0);
    await session.screenshot('dispute-two-accounts');
  });

  it('names the grid checkboxes for what they select, and leaves no stale "No Rows To Show"', async () => {
    session = await sampleFindings();
    const { page } = session;
    const grid = page.getByRole('region', { name: 'Findings', exact: true });
    const selectAll = grid.getByRole('checkbox', { name: 'Select all findings' });
    expect(await selectAll.count()).toBe(1);
    const rowBoxes = grid.getByRole('checkbox', { name: /^Select finding / });
    const names = await rowBoxes.evaluateAll((boxes) =>
      boxes.map((box) => box.getAttribute('aria-label') ?? ''),
    );
    expect(names.length).toBeGreaterThan(10);
    expect(new Set(names).size).toBe(names.length);
    const fees = lateFeeBoxes(session);
    expect(names).toContain(fees.comcast);
    // AG Grid's live region says nothing about having no rows while the rows are there.
    const live = await grid.locator('[aria-live]').allTextContents();
    expect(live.join(' ')).not.toContain('No Rows To Show');

    // A click on a box ticks it without opening the finding; Space on a row ticks its box too.
    const fee = grid.getByRole('checkbox', { name: fees.comcast });
    await fee.check();
    expect(await page.getByRole('region', { name: /^Late fee: \$/ }).count()).toBe(0);
    await expect
      .poll(() => page.getByRole('button', { name: 'Create dispute from 1 selected…' }).count())
      .toBe(1);
    await grid.getByRole('gridcell', { name: 'Late fee', exact: true }).last().focus();
    await page.keyboard.press('Space');
    await expect
      .poll(() => grid.getByRole('checkbox', { name: fees.verizon }).isChecked())
      .toBe(true);
    await selectAll.check();
    await expect
      .poll(() =>
        rowBoxes.evaluateAll((boxes) => boxes.every((box) => (box as HTMLInputElement).checked)),
      )
      .toBe(true);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'findings-checkbox-names.png') });
  });
});
