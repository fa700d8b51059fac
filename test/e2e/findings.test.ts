import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../shared/audit/rules';
import { openApp, type AppSession, loadSampleCompany } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

function tile(page: Page, group: string, name: string) {
  return page
    .getByRole('definition')
    .and(page.getByLabel(group).locator('.tile').filter({ hasText: name }).locator('dd'));
}

describe('findings and disputes in Chromium', () => {
  it('audits the sample company, disputes two findings, records a credit and moves the savings tracker', async () => {
    session = await openApp({ hash: '#/findings' });
    const { page } = session;
    await loadSampleCompany(page);

    // The audit runs by itself after the import (in a worker) and fills the grid.
    const grid = page.getByRole('region', { name: 'Findings', exact: true });
    const lastRun = async () => {
      const text = await page.getByRole('status').filter({ hasText: 'Last run' }).textContent();
      return Number(/: (\d+) findings/.exec(text ?? '')?.[1] ?? 0);
    };
    await expect.poll(lastRun, { timeout: 30_000 }).toBeGreaterThanOrEqual(30);
    const total = await lastRun();
    expect(total).toBeLessThanOrEqual(50);
    await expect.poll(() => grid.getByRole('row').count()).toBeGreaterThan(10);
    await session.screenshot('findings-grid');
    // The closed store's circuits were billed after their contract expired too: those charge lines
    // are claimed by two checks and counted once, and the page says how.
    const how = page.getByLabel('How money at stake is counted');
    await expect.poll(() => how.textContent()).toMatch(/^Each dollar counts once: /);
    const howText = (await how.textContent()) ?? '';
    expect(howText).toContain('Billed after the contract ended on ');
    expect(howText).toMatch(/charge lines? of Billed at a closed site/);
    const [stated, twice, atStake] = [...howText.matchAll(/\$[\d,]+\.\d\d/g)].map((m) =>
      Math.round(Number(m[0].replace(/[$,]/g, '')) * 100),
    );
    expect((stated ?? 0) - (twice ?? 0)).toBe(atStake);
    const atStakeTile = tile(
      page,
      'Money at stake in the findings shown',
      'At stake (open or disputed)',
    );
    expect(await atStakeTile.textContent()).toBe(howText.match(/so (\$[\d,.]+) is at stake/)?.[1]);

    // Filter to one rule and one carrier account: the totals follow the filter.
    const filters = page.getByRole('group', { name: 'Filter findings' });
    await filters.getByLabel('Rule').selectOption('rate-mismatch');
    await filters.getByLabel('Carrier').selectOption({ index: 1 });
    await filters.getByLabel('Account').selectOption({ index: 1 });
    const shown = tile(page, 'Money at stake in the findings shown', 'Findings shown');
    await expect.poll(async () => Number(await shown.textContent())).toBeGreaterThanOrEqual(2);

    // A finding's detail links to its invoice and lists the charge lines behind it.
    await grid.locator('[role="gridcell"][col-id="rule"]').first().click();
    const detail = page.getByRole('region', { name: /^Billed above the contract rate: \$/ });
    await expect.poll(() => detail.getByRole('link', { name: /^Invoice / }).count()).toBe(1);
    expect(await detail.getByRole('link', { name: /^Invoice / }).getAttribute('href')).toMatch(
      /^#\/bills\/./,
    );
    await expect
      .poll(() => detail.getByRole('table', { name: 'Charge lines behind this finding' }).count())
      .toBe(1);
    await session.screenshot('finding-detail');

    // Dispute two findings of that account.
    const boxes = grid.getByRole('checkbox', {
      name: /^Select finding Billed above the contract rate, /,
    });
    await boxes.nth(0).check();
    // One selected finding is "1 finding", never "1 findings".
    await expect
      .poll(() => page.getByRole('button', { name: 'Apply to 1 finding', exact: true }).count())
      .toBe(1);
    await boxes.nth(1).check();
    await page.getByRole('button', { name: 'Create dispute from 2 selected…' }).click();
    const form = page.getByRole('form', { name: /^New dispute/ });
    await form.getByLabel('Carrier ticket number').fill('TKT-1001');
    await form.getByLabel('Filed on').fill(session.today);
    await form.getByLabel('Contact at the carrier').fill('Dana Reyes, disputes desk');
    await form.getByRole('button', { name: 'Open dispute' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Disputed 2 findings' }).count())
      .toBe(1);
    await filters.getByLabel('Status').selectOption('disputed');
    await expect.poll(() => grid.locator('[role="gridcell"][col-id="status"]').count()).toBe(2);

    // The dispute, its printable letter and a credit.
    await page.getByRole('tab', { name: 'Disputes' }).click();
    await page.getByRole('table', { name: 'Disputes with carriers' }).getByRole('button').click();
    const dispute = page.getByRole('region', { name: /Dispute .* ticket TKT-1001/ });
    await dispute.getByRole('button', { name: 'Show dispute letter' }).click();
    const letter = page.getByRole('article', { name: 'Dispute letter' });
    await expect
      .poll(() => letter.getByRole('table', { name: 'Disputed items' }).getByRole('row').count())
      .toBeGreaterThanOrEqual(4);
    await session.screenshot('dispute-letter');
    await dispute.getByLabel('Credit amount').fill('20.00');
    await dispute.getByRole('button', { name: 'Record credit' }).click();
    await expect
      .poll(() =>
        dispute.getByRole('status').filter({ hasText: 'Recorded a credit of $20.00' }).count(),
      )
      .toBe(1);
    // The letter now asks only for what is still due, and says who it is from.
    await expect
      .poll(() => letter.getByRole('table', { name: 'Disputed items' }).textContent())
      .toContain('Credits received-$20.00');
    await expect
      .poll(() => letter.getByRole('table', { name: 'Disputed items' }).textContent())
      .toContain('Credit still requested');
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByLabel('Company name').fill('Acme Retail Inc.');
    await page.getByRole('button', { name: 'Save company name' }).click();
    await page.getByRole('link', { name: 'Findings', exact: true }).click();
    await page.getByRole('tab', { name: 'Disputes' }).click();
    await page.getByRole('table', { name: 'Disputes with carriers' }).getByRole('button').click();
    await dispute.getByRole('button', { name: 'Show dispute letter' }).click();
    await expect.poll(() => letter.textContent()).toContain('FromAcme Retail Inc.');
    await session.screenshot('dispute-letter-partial-credit');

    // The savings tracker shows it.
    await page.getByRole('tab', { name: 'Savings tracker' }).click();
    await expect
      .poll(() => tile(page, 'Savings to date', 'Recovered').first().textContent())
      .toBe('$20.00');
    await session.screenshot('savings-tracker');
    // The month's report counts the credit recorded after the month as recovered to date.
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await page.getByRole('link', { name: 'Monthly report', exact: true }).click();
    await expect
      .poll(() => page.getByRole('region', { name: 'Billing errors and recoveries' }).textContent())
      .toContain(`$20.00 to date (as of ${session.today})`);
    expect(session.consoleErrors).toEqual([]);
    expect(session.externalRequests).toEqual([]);
  });

  it('keeps a dismissed finding dismissed when the checks run again, and shows the rules with their defaults', async () => {
    session = await openApp({ hash: '#/findings' });
    const { page } = session;
    await loadSampleCompany(page);
    const grid = page.getByRole('region', { name: 'Findings', exact: true });
    await expect.poll(() => grid.getByRole('row').count(), { timeout: 30_000 }).toBeGreaterThan(10);

    await grid.locator('[role="gridcell"][col-id="rule"]').first().click();
    const detail = page.locator('.finding-detail');
    await detail.getByLabel('New status').selectOption('dismissed');
    await detail.getByLabel('Note').fill('Agreed with the carrier');
    await detail.getByRole('button', { name: 'Save status' }).click();
    await expect
      .poll(() => detail.getByRole('listitem').last().textContent())
      .toContain('Dismissed: Agreed with the carrier');
    await page.getByRole('button', { name: 'Run checks now' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Last run' }).count(), {
        timeout: 30_000,
      })
      .toBe(1);
    const filters = page.getByRole('group', { name: 'Filter findings' });
    await filters.getByLabel('Status').selectOption('dismissed');
    await expect.poll(() => grid.locator('[role="gridcell"][col-id="status"]').count()).toBe(1);

    await page.getByRole('tab', { name: 'Rules and thresholds' }).click();
    await expect.poll(() => page.locator('.rule-card').count()).toBe(ALL_RULES.length);
    // The grace period has a range: 400 days is refused with a sentence, and nothing is saved.
    const grace = page.getByLabel('Days after the bill date before it counts as missing (days)');
    await grace.fill('400');
    await grace.blur();
    const missing = page.getByRole('listitem').filter({ has: grace });
    await expect
      .poll(() => missing.getByRole('alert').textContent())
      .toBe(
        'Days after the bill date before it counts as missing must be a whole number from 0 to 90 days; 400 is not. Leave it blank for the default.',
      );
    expect(
      await missing.getByText('Default 10 days; a whole number from 0 to 90 days').count(),
    ).toBe(1);
    // So have the months of billed-after-disconnect: a billion once stopped the check.
    const months = page.getByLabel(
      'Months after the disconnect that make it a long-running case (months)',
    );
    await months.fill('1000000000');
    await months.blur();
    const disconnect = page.getByRole('listitem').filter({ has: months });
    await expect
      .poll(() => disconnect.getByRole('alert').textContent())
      .toBe(
        'Months after the disconnect that make it a long-running case must be a whole number from 1 to 24 months; 1000000000 is not. Leave it blank for the default.',
      );
    await session.screenshot('findings-rules-refused');
    for (const [input, card] of [
      [grace, missing],
      [months, disconnect],
    ] as const) {
      await input.fill('');
      await input.blur();
      await expect.poll(() => card.getByRole('alert').count()).toBe(0);
    }
    // Thresholds are plain decimal numbers within their unit's range: 1e9 no longer switches the
    // rate check off, and the amount in cents is whole.
    const share = page.getByLabel('Tolerance as a share of the rate (%)');
    const amount = page.getByLabel('Tolerance as an amount (cents)', { exact: true });
    const rates = page.getByRole('listitem').filter({ has: share });
    for (const [input, typed, said] of [
      [
        share,
        '1e9',
        'Tolerance as a share of the rate must be a number from 0 to 100 %, written in digits like 0.5; “1e9” is not.',
      ],
      [
        amount,
        '0.5',
        'Tolerance as an amount must be a whole number from 0 to 1,000,000 cents; 0.5 is not.',
      ],
    ] as const) {
      await input.fill(typed);
      await input.blur();
      await expect
        .poll(() => rates.getByRole('alert').textContent())
        .toBe(`${said} Leave it blank for the default.`);
      await input.fill('');
      await input.blur();
      await expect.poll(() => rates.getByRole('alert').count()).toBe(0);
    }
    expect(await page.getByText(/\b1 findings\b/).count()).toBe(0);
    await session.screenshot('findings-rules');
    expect(session.consoleErrors).toEqual([]);
  });
});
