import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { cents, centsFromText, formatCents } from '../../shared/money/cents';
import { openApp, type AppSession, loadSampleCompany } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

/**
 * Opens the sample company's findings, disputes its first rate-mismatch finding (not filed) and
 * opens that dispute.
 */
async function openOneDispute(): Promise<AppSession> {
  session = await openApp({ hash: '#/findings' });
  const { page } = session;
  const form = await startNewDispute(page, 'rate-mismatch');
  await form.getByRole('button', { name: 'Open dispute' }).click();
  await expect
    .poll(() => page.getByRole('status').filter({ hasText: 'Disputed 1 finding (' }).count())
    .toBe(1);
  await page.getByRole('tab', { name: 'Disputes' }).click();
  await disputesTable(page).getByRole('button').click();
  return session;
}

/**
 * Loads the sample company, ticks the first finding of `rule` and opens the new-dispute form for
 * it (not yet opened as a dispute).
 */
async function startNewDispute(page: Page, rule: string): Promise<Locator> {
  await loadSampleCompany(page);
  const grid = page.getByRole('region', { name: 'Findings', exact: true });
  await expect.poll(() => grid.getByRole('row').count(), { timeout: 30_000 }).toBeGreaterThan(10);
  const filters = page.getByRole('group', { name: 'Filter findings' });
  await filters.getByLabel('Rule').selectOption(rule);
  await grid
    .getByRole('checkbox', { name: /^Select finding / })
    .first()
    .check();
  await page.getByRole('button', { name: 'Create dispute from 1 selected…' }).click();
  return page.getByRole('form', { name: /^New dispute/ });
}

/** A money tile of the Findings tab. */
function tile(page: Page, name: string) {
  return tileIn(page.getByLabel('Money at stake in the findings shown'), name);
}

/**
 * The figure of the tile called `name` among `tiles`, by its whole label ("Open" is not
 * "At stake (open or disputed)").
 */
function tileIn(tiles: Locator, name: string) {
  const label = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  return tiles
    .locator('.tile')
    .filter({ has: tiles.page().locator('dt').filter({ hasText: label }) })
    .getByRole('definition');
}

function disputesTable(page: Page) {
  return page.getByRole('table', { name: 'Disputes with carriers' });
}

function disputePanel(page: Page) {
  return page.getByRole('region', { name: /^Dispute / });
}

/** The disputes table's only row, as text. */
async function disputeRowText(page: Page): Promise<string> {
  return (await disputesTable(page).getByRole('row').nth(1).textContent()) ?? '';
}

describe('a dispute’s life in Chromium', () => {
  it('saving the details keeps a credit recorded meanwhile, and a filed date files a draft', async () => {
    const app = await openOneDispute();
    const { page, today } = app;
    const dispute = disputePanel(page);
    const details = dispute.getByRole('form', { name: 'Dispute details' });
    const status = details.getByLabel('Dispute status');
    await expect.poll(() => status.inputValue()).toBe('draft');

    // A draft given a filed date is proposed as filed.
    await details.getByLabel('Filed on').fill(today);
    await expect.poll(() => status.inputValue()).toBe('submitted');

    // A credit arrives while the details are being edited: the form follows it.
    await dispute.getByLabel('Credit amount').fill('0.01');
    await dispute.getByRole('button', { name: 'Record credit' }).click();
    await expect.poll(() => disputeRowText(page)).toContain('Partially credited');
    await expect.poll(() => status.inputValue()).toBe('partially-credited');

    // Saving the ticket and filed date keeps the credit's status.
    await details.getByLabel('Carrier ticket number').fill('TKT-77');
    await details.getByRole('button', { name: 'Save dispute' }).click();
    await expect.poll(() => details.getByRole('status').textContent()).toBe('Dispute saved.');
    await expect.poll(() => disputeRowText(page)).toContain(`TKT-77${today}Partially credited`);
    await app.screenshot('dispute-saved-keeps-credit');
    expect(app.consoleErrors).toEqual([]);
  });

  it('a draft’s letter and row say it is not filed (no Filed on date, nothing claimed); once filed they do', async () => {
    const app = await openOneDispute();
    const { page, today } = app;
    const dispute = disputePanel(page);
    const claim =
      (await tileIn(dispute.getByLabel('Dispute amounts'), 'Claimed').textContent()) ?? '';
    expect(claim).toMatch(/^\$[\d,]+\.\d\d$/);
    const headers = await disputesTable(page).getByRole('columnheader').allTextContents();
    const cell = (column: string) =>
      disputesTable(page).getByRole('row').nth(1).getByRole('cell').nth(headers.indexOf(column));
    expect(await cell('Filed').textContent()).toBe('Not filed');
    expect(await cell('Claimed').textContent()).toBe('—');
    expect(await cell('In draft (not filed)').textContent()).toBe(claim);
    expect(await cell('Expected credit').textContent()).toBe('—');

    await dispute.getByRole('button', { name: 'Show dispute letter' }).click();
    const letter = page.getByRole('article', { name: 'Dispute letter' });
    await expect.poll(() => letter.getByRole('term').allTextContents()).toContain('Status');
    expect(await letter.getByRole('term').allTextContents()).not.toContain('Filed on');
    expect(await letter.getByRole('definition').allTextContents()).toContain(
      'Draft, not yet filed with the carrier',
    );
    await app.screenshot('dispute-draft-letter');

    const details = dispute.getByRole('form', { name: 'Dispute details' });
    await details.getByLabel('Filed on').fill(today);
    await details.getByRole('button', { name: 'Save dispute' }).click();
    await expect.poll(() => cell('Filed').textContent()).toBe(today);
    expect(await cell('Claimed').textContent()).toBe(claim);
    expect(await cell('In draft (not filed)').textContent()).toBe('—');
    expect(await cell('Expected credit').textContent()).toBe(claim);
    const filed = letter.getByRole('term').filter({ hasText: /^Filed on$/ });
    await expect.poll(() => filed.count()).toBe(1);
    expect(await letter.getByRole('definition').allTextContents()).toContain(today);
    expect(await letter.getByRole('definition').allTextContents()).not.toContain(
      'Draft, not yet filed with the carrier',
    );
    expect(app.consoleErrors).toEqual([]);
  });

  it('a draft saved with a filed date is filed', async () => {
    const app = await openOneDispute();
    const { page, today } = app;
    const details = disputePanel(page).getByRole('form', { name: 'Dispute details' });
    await details.getByLabel('Carrier ticket number').fill('TKT-78');
    // An expected credit in fractions of a cent is the field's problem, said beside it.
    const expected = details.getByLabel('Expected credit');
    await expected.fill('1.234');
    await details.getByRole('button', { name: 'Save dispute' }).click();
    await expect.poll(() => expected.getAttribute('aria-invalid')).toBe('true');
    const problem = page.locator(
      `[id="${(await expected.getAttribute('aria-describedby')) ?? ''}"]`,
    );
    expect(await problem.textContent()).toContain('Expected credit:');
    expect(await expected.evaluate((input) => input === document.activeElement)).toBe(true);
    await expected.fill('');
    await details.getByLabel('Filed on').fill(today);
    await details.getByRole('button', { name: 'Save dispute' }).click();
    await expect.poll(() => disputeRowText(page)).toContain(`TKT-78${today}Filed`);
    expect(await expected.getAttribute('aria-invalid')).toBe('false');
    expect(app.consoleErrors).toEqual([]);
  });

  it('a denied dispute gives its findings back: open again, off the In dispute tile, and disputable again', async () => {
    const app = await openOneDispute();
    const { page } = app;
    const disputed = tile(page, 'In dispute (as claimed)');
    const details = disputePanel(page).getByRole('form', { name: 'Dispute details' });
    await details.getByLabel('Dispute status').selectOption('denied');
    await details.getByRole('button', { name: 'Save dispute' }).click();
    await expect.poll(() => disputeRowText(page)).toContain('Denied');

    await page.getByRole('tab', { name: 'Findings', exact: true }).click();
    await expect.poll(() => disputed.textContent()).toBe('$0.00');
    // The denied finding, first of its rule as when it was disputed.
    await page
      .getByRole('group', { name: 'Filter findings' })
      .getByLabel('Rule')
      .selectOption('rate-mismatch');
    const grid = page.getByRole('region', { name: 'Findings', exact: true });
    const firstStatus = grid.locator('[role="gridcell"][col-id="status"]').first();
    await expect.poll(() => firstStatus.textContent()).toBe('Open');
    await app.screenshot('dispute-denied-findings-open');

    // The carrier's refusal is escalated in a new claim.
    await grid
      .getByRole('checkbox', { name: /^Select finding / })
      .first()
      .check();
    await page.getByRole('button', { name: 'Create dispute from 1 selected…' }).click();
    await page
      .getByRole('form', { name: /^New dispute/ })
      .getByRole('button', { name: 'Open dispute' })
      .click();
    await expect.poll(() => firstStatus.textContent()).toBe('Disputed');
    // A draft, not yet filed: nothing is claimed from the carrier, and the page says where it is.
    await expect
      .poll(() => page.getByText(/ at stake is in draft disputes, not yet filed /).textContent())
      .toMatch(
        /^\$[\d,]+\.\d\d at stake is in draft disputes, not yet filed with the carrier: it counts as claimed once filed\.$/,
      );
    expect(await disputed.textContent()).toBe('$0.00');
    expect(app.consoleErrors).toEqual([]);
  });

  it('refuses a credit in fractions of a cent, zero, or above the claim unless confirmed', async () => {
    const app = await openOneDispute();
    const dispute = disputePanel(app.page);
    const claimText =
      (await tileIn(dispute.getByLabel('Dispute amounts'), 'Claimed').textContent()) ?? '';
    const claim = centsFromText(claimText);
    if (!claim.ok || claim.value === null) throw new Error(`No claim in ${claimText}`);
    const credits = dispute.getByRole('form', { name: 'Record a credit' });
    const said = credits.getByRole('status');
    const recovered = tileIn(dispute, 'Recovered');
    const record = async (text: string) => {
      await credits.getByLabel('Credit amount').fill(text);
      await credits.getByRole('button', { name: 'Record credit' }).click();
    };

    await record('12.345');
    await expect.poll(() => said.textContent()).toContain('has fractions of a cent');
    // The problem is the amount's: marked invalid, described by it and focused for a new try.
    const amountField = credits.getByLabel('Credit amount');
    expect(await amountField.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await amountField.getAttribute('aria-describedby')) ?? '';
    expect(await said.getAttribute('id')).toBe(describedBy);
    expect(await amountField.evaluate((input) => input === document.activeElement)).toBe(true);
    // Seen too, on this page as on every other (the style is the app's, not one page's).
    expect(await amountField.evaluate((input) => getComputedStyle(input).outlineStyle)).toBe(
      'solid',
    );
    await app.screenshot('dispute-credit-invalid-amount');
    await record('0');
    await expect.poll(() => said.textContent()).toContain('A credit is a positive amount');
    await record('-5');
    await expect.poll(() => said.textContent()).toContain('A credit is a positive amount');

    // 4999 typed for a claim of tens of dollars: asked to confirm, with by how much it goes past.
    const typed = cents(4_999_00);
    await record('4999');
    await expect
      .poll(() => said.textContent())
      .toBe(
        `A credit of $4,999.00 is ${formatCents(cents(typed - claim.value))} more than the ` +
          `${claimText} still outstanding on this ${claimText} claim. If the bill really shows ` +
          'it, record it anyway.',
      );
    await app.screenshot('dispute-credit-above-claim');
    expect(await recovered.textContent()).toBe('$0.00');
    await credits.getByRole('button', { name: 'Record $4,999.00 anyway' }).click();
    await expect.poll(() => said.textContent()).toBe('Recorded a credit of $4,999.00.');
    expect(await amountField.getAttribute('aria-invalid')).toBe('false');
    await expect.poll(() => recovered.textContent()).toBe('$4,999.00');
    expect(app.consoleErrors).toEqual([]);
  });

  it('“Close details” hides the dispute’s panel and leaves its status as it was', async () => {
    const app = await openOneDispute();
    const { page } = app;
    const panel = disputePanel(page);
    // The button says what it does: nothing here closes the dispute with the carrier.
    expect(await panel.getByRole('button', { name: /close dispute/i }).count()).toBe(0);
    await panel.getByRole('button', { name: 'Close details' }).click();
    await expect.poll(() => panel.count()).toBe(0);
    expect(await disputeRowText(page)).toContain('Draft');
    await app.screenshot('dispute-details-closed');
    expect(app.consoleErrors).toEqual([]);
  });

  it('a new dispute’s expected credit in fractions of a cent or above the claim is refused, and no dispute opens', async () => {
    session = await openApp({ hash: '#/findings' });
    const { page } = session;
    const form = await startNewDispute(page, 'late-fee');
    await form.getByLabel('Expected credit (blank = the claim)').fill('12.345');
    await form.getByRole('button', { name: 'Open dispute' }).click();
    const alert = form.getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/^Expected credit: /);
    expect(await alert.textContent()).toContain('"12.345" has fractions of a cent');
    // The problem is the field's: marked invalid, described by the problem and focused.
    const field = form.getByLabel('Expected credit (blank = the claim)');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await alert.getAttribute('id')).toBe(await field.getAttribute('aria-describedby'));
    expect(await field.evaluate((input) => input === document.activeElement)).toBe(true);
    // Zero is no expected credit either.
    await field.fill('0');
    await form.getByRole('button', { name: 'Open dispute' }).click();
    await expect.poll(() => alert.textContent()).toContain('A credit is a positive amount');
    // More than the claim is a typo, refused naming the field and both amounts.
    await field.fill('99999.99');
    await form.getByRole('button', { name: 'Open dispute' }).click();
    await expect
      .poll(() => alert.textContent())
      .toMatch(
        /^Expected credit: \$99,999\.99 is more than the \$[\d,]+\.\d\d this dispute claims\. Enter at most \$[\d,]+\.\d\d, or leave it blank to expect the claim\.$/,
      );
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await session.screenshot('dispute-expected-credit-refused');
    // Refused: the form stays open, and no status says a dispute was opened.
    expect(await form.count()).toBe(1);
    expect(await page.getByRole('status').filter({ hasText: 'Disputed 1 finding' }).count()).toBe(
      0,
    );
  });
});
