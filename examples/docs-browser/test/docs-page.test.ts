import { createRequire } from 'node:module';
import { BatchError, BatchErrorCode, MlStudioCategory, MlStudioError, MlStudioErrorCode } from '@azure-errors/codes';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot, type Browser } from './chromium.js';

// The generated page, found by its package name as a reader's project would,
// opened from disk (file://) in headless Chromium.
const page = createRequire(import.meta.url).resolve('@azure-errors/docs/index.html');

// The page shows a code as sent without params: each placeholder by its name.
const BLOB_NOT_FOUND = { category: MlStudioCategory.BadArgument, code: MlStudioErrorCode.BlobNotFound, params: { blob: '{blob}', azureMessage: '{azureMessage}' } } as const;

const visibleCodes = (tab: Page) => tab.locator('tr[data-i]:visible th a').allTextContents();
const rowOf = (tab: Page, id: string) => tab.locator(`tr[id="${id}"]`);

describe('index.html with JavaScript', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });
  afterAll(async () => {
    expect(browser.errors).toEqual([]);
    await browser.close();
  });

  it('finds a code typed into the search box, and only the codes that match', async () => {
    const tab = await browser.open(page);
    await expect(tab.locator('#count').textContent()).resolves.toMatch(/^233 of 233 codes$/);
    await tab.getByLabel('Search', { exact: true }).fill('BlobNotFound');
    await tab.waitForFunction(() => document.querySelector('#count')?.textContent?.startsWith('2 of'));
    // ML Studio's BlobNotFound, and the Batch scheduling error of that name.
    expect(await visibleCodes(tab)).toEqual(['BlobNotFound', 'BlobNotFound']);
    await expect(rowOf(tab, 'ml-studio/BadArgument/BlobNotFound').locator('td').nth(2).textContent()).resolves.toBe('Unable to access the provided Azure blob - {blob}.  Azure error message: {azureMessage}.');
    await screenshot(tab, 'search-BlobNotFound');
    await tab.close();
  });

  it('filters by status, by category and by service', async () => {
    const tab = await browser.open(page);
    await tab.getByLabel('Status', { exact: true }).selectOption('412');
    expect(await visibleCodes(tab)).toEqual(['ConditionNotMet']);
    await expect(tab.locator('tr[data-i]:visible td').first().textContent()).resolves.toBe('412 Precondition Failed');
    await tab.getByLabel('Status', { exact: true }).selectOption('401');
    const unauthorized = await visibleCodes(tab);
    expect(unauthorized.length).toBeGreaterThan(1);
    for (const status of await tab.locator('tr[data-i]:visible td:first-of-type').allTextContents()) expect(status).toBe('401 Unauthorized');
    await screenshot(tab, 'status-401');
    await tab.getByLabel('Status', { exact: true }).selectOption('');
    await tab.getByLabel('Category', { exact: true }).selectOption('usererror');
    await tab.getByLabel('Service', { exact: true }).selectOption({ label: 'Job and task scheduling errors' });
    const userErrors = await tab.locator('tr[data-i]:visible td:nth-of-type(2)').allTextContents();
    expect(new Set(userErrors)).toEqual(new Set(['UserError']));
    await tab.close();
  });

  it('switches to Korean: the messages and the page’s own words', async () => {
    const tab = await browser.open(page);
    await tab.getByLabel('Language', { exact: true }).selectOption('ko');
    await expect(tab.locator('html').getAttribute('lang')).resolves.toBe('ko');
    await expect(tab.locator('label[for="q"]').textContent()).resolves.toBe('검색');
    await tab.getByLabel('검색', { exact: true }).fill('BlobNotFound');
    await tab.waitForFunction(() => document.querySelector('#count')?.textContent === '233개 중 2개 코드');
    await expect(rowOf(tab, 'ml-studio/BadArgument/BlobNotFound').locator('td').nth(2).textContent()).resolves.toBe(new MlStudioError(BLOB_NOT_FOUND).toBody('ko').error.details![0]!.message);
    await screenshot(tab, 'korean');
    await tab.close();
  });

  it('follows a deep link to a code, even past the filters, and opens its example', async () => {
    const tab = await browser.open(page, '#ml-studio/BadArgument/BlobNotFound');
    await expect(tab.locator('#details-title').textContent()).resolves.toMatch(/^BlobNotFound · 400/);
    await expect(rowOf(tab, 'ml-studio/BadArgument/BlobNotFound').getAttribute('class')).resolves.toBe('selected');
    // A link from inside the page, while a filter hides the target.
    await tab.getByLabel('Service', { exact: true }).selectOption({ label: 'Azure Batch service' });
    await tab.evaluate(() => (location.hash = '#ml-studio/Unauthorized/ScoreRequestUnauthorized'));
    await tab.waitForFunction(() => document.querySelector('#details-title')?.textContent?.startsWith('ScoreRequestUnauthorized'));
    await expect(rowOf(tab, 'ml-studio/Unauthorized/ScoreRequestUnauthorized').isVisible()).resolves.toBe(true);
    await expect.poll(() => tab.evaluate(() => { const box = document.getElementById('ml-studio/Unauthorized/ScoreRequestUnauthorized')!.getBoundingClientRect(); return box.top >= 0 && box.bottom <= innerHeight; })).toBe(true);
    await screenshot(tab, 'deep-link');
    await tab.close();
  });

  it('copies the exact wire body in the chosen language, native and problem details, as @azure-errors/codes builds it', async () => {
    const tab = await browser.open(page);
    await tab.getByLabel('Language', { exact: true }).selectOption('ko');
    await tab.locator('a[href="#ml-studio/BadArgument/BlobNotFound"]').click();
    const error = new MlStudioError(BLOB_NOT_FOUND);
    await tab.locator('#copy-native').click();
    await tab.waitForFunction(() => document.querySelector('#copy-status')?.textContent !== '');
    const native = await tab.evaluate(() => navigator.clipboard.readText());
    expect(native).toBe(JSON.stringify(error.toBody('ko'), null, 2));
    await tab.locator('#copy-problem').click();
    const problem = await tab.evaluate(() => navigator.clipboard.readText());
    expect(problem).toBe(JSON.stringify(error.toProblem('ko'), null, 2));
    await screenshot(tab, 'example-ko');

    // Batch: `message.lang` is the tag the service sends; a variant answers with its own status.
    await tab.locator('#f-lang').selectOption('en');
    await tab.evaluate(() => (location.hash = '#batch/ConditionNotMet.write'));
    await tab.waitForFunction(() => document.querySelector('#details-title')?.textContent?.startsWith('ConditionNotMet · 412'));
    await tab.locator('#copy-native').click();
    await expect.poll(() => tab.evaluate(() => navigator.clipboard.readText())).toBe(JSON.stringify(new BatchError({ code: BatchErrorCode.ConditionNotMet, variant: 'write' }).toBody('en'), null, 2));
    await tab.locator('#copy-problem').click();
    await expect.poll(() => tab.evaluate(() => navigator.clipboard.readText())).toBe(JSON.stringify(new BatchError({ code: BatchErrorCode.ConditionNotMet, variant: 'write' }).toProblem('en'), null, 2));
    await tab.close();
  });

  it('is usable from the keyboard: labelled controls, / to search, links to codes, Escape closes the example', async () => {
    const tab = await browser.open(page);
    for (const id of ['q', 'f-status', 'f-category', 'f-service', 'f-lang']) {
      await expect(tab.locator(`label[for="${id}"]`).count(), id).resolves.toBe(1);
    }
    await tab.locator('body').press('/');
    await expect(tab.evaluate(() => document.activeElement?.id)).resolves.toBe('q');
    await tab.keyboard.type('ScoreRequestUnauthorized');
    await tab.waitForFunction(() => document.querySelector('#count')?.textContent?.startsWith('1 of'));
    // Tab from the search box reaches the code's link past the other controls and page links; Enter opens it.
    for (let step = 0; step < 40; step++) {
      await tab.keyboard.press('Tab');
      if (await tab.evaluate(() => document.activeElement?.closest('tr[data-i]') !== null)) break;
    }
    await expect(tab.evaluate(() => document.activeElement?.textContent)).resolves.toBe('ScoreRequestUnauthorized');
    // The link opens the example on the hash change that follows, a task after the key press.
    await tab.keyboard.press('Enter');
    await tab.locator('#details').waitFor({ state: 'visible', timeout: 5_000 });
    await expect(tab.locator('#details').isVisible()).resolves.toBe(true);
    await tab.keyboard.press('Escape');
    await tab.locator('#details').waitFor({ state: 'hidden', timeout: 5_000 });
    await expect(tab.locator('#details').isVisible()).resolves.toBe(false);
    await tab.close();
  });

  it('has text contrast of at least 4.5:1', async () => {
    const tab = await browser.open(page, '#ml-studio/BadArgument/BlobNotFound');
    const ratios = await tab.evaluate(() => {
      const rgb = (color: string) => color.match(/[\d.]+/g)!.slice(0, 3).map(Number);
      const luminance = ([r, g, b]: number[]) => {
        const [R, G, B] = [r!, g!, b!].map((value) => { const c = value / 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; });
        return 0.2126 * R! + 0.7152 * G! + 0.0722 * B!;
      };
      const background = (element: Element | null): string => {
        for (let node = element; node; node = node.parentElement) {
          const color = getComputedStyle(node).backgroundColor;
          if (color !== 'rgba(0, 0, 0, 0)' && color !== 'transparent') return color;
        }
        return 'rgb(255, 255, 255)';
      };
      const selectors = ['h1', 'header > p', 'label', '.hint', '#count', '.pages a', '.group h3 a', '.category-message', 'thead th', 'tbody th a', 'tbody td', '.when', 'tr.selected td', '#details-title', '#details pre', '#details button', 'select', 'input'];
      return selectors.flatMap((selector) => [...document.querySelectorAll(selector)].slice(0, 3).map((element) => {
        const a = luminance(rgb(getComputedStyle(element).color));
        const b = luminance(rgb(background(element)));
        return [selector, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)] as const;
      }));
    });
    expect(ratios.length).toBeGreaterThan(20);
    for (const [selector, ratio] of ratios) expect(ratio, selector).toBeGreaterThanOrEqual(4.5);
    await tab.close();
  });

  it('loads nothing from the network', () => {
    expect(browser.errors.filter((error) => error.startsWith('network'))).toEqual([]);
  });
});

describe('index.html with JavaScript off', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium({ javaScriptEnabled: false });
  });
  afterAll(async () => {
    await browser.close();
  });

  it('still shows every code in a table, with working links', async () => {
    const tab = await browser.open(page, '#batch/PoolNotFound');
    await expect(tab.locator('tr[data-i]').count()).resolves.toBe(233);
    await expect(tab.locator('table').first().isVisible()).resolves.toBe(true);
    await expect(rowOf(tab, 'ml-studio/BadArgument/BlobNotFound').locator('td').nth(2).textContent()).resolves.toBe('Unable to access the provided Azure blob - {blob}.  Azure error message: {azureMessage}.');
    // The filters need the script, so they are not offered.
    await expect(tab.locator('#filters').isVisible()).resolves.toBe(false);
    await expect(tab.evaluate(() => document.querySelector(':target')?.id)).resolves.toBe('batch/PoolNotFound');
    await screenshot(tab, 'javascript-off');
    await tab.close();
  });
});
