// Headless Chromium for the page tests: Debian's `chromium` (CI installs it),
// driven by playwright-core, each run in a fresh profile so nothing (a saved
// language, a cache) carries over from another run.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.ERRCAT_CHROMIUM ?? '/usr/bin/chromium';

/** Screenshots of what the tests saw, kept for a look after the run (gitignored). */
export const ARTIFACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../test-artifacts');

export interface Browser {
  readonly context: BrowserContext;
  /** Every page error and console error, to assert that none happened. */
  readonly errors: string[];
  open(file: string, hash?: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchChromium(options: { javaScriptEnabled?: boolean } = {}): Promise<Browser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'errcat-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const errors: string[] = [];
  // The page must work offline: any request that is not for a file on disk fails the test that made it.
  await context.route(/^(?!file:)/, (route) => {
    errors.push(`network request: ${route.request().url()}`);
    return route.abort();
  });
  return {
    context,
    errors,
    async open(file, hash = '') {
      const page = await context.newPage();
      // Each page starts as a first visit: no language saved by an earlier test.
      await page.addInitScript(() => localStorage.clear());
      page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
      });
      await page.goto(`file://${file}${hash}`);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}
