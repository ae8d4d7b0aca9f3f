import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot, type Browser } from './chromium.js';
import { HOSTILE, HOSTILE_KO, HOSTILE_SPEC, MULTILINE } from './hostile-catalog.js';

// A project whose catalog is hostile, generated with the errcat CLI as a
// user would; its page opened in Chromium must show the text as text: no
// element injected, no script run, the data block whole.

const errcat = path.join(path.dirname(createRequire(import.meta.url).resolve('errcat/package.json')), 'bin/errcat.js');

let project: string;
let browser: Browser;
beforeAll(async () => {
  project = mkdtempSync(path.join(tmpdir(), 'errcat-hostile-docs-'));
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'hostile', private: true }));
  mkdirSync(path.join(project, 'spec'));
  for (const [file, text] of Object.entries(HOSTILE_SPEC)) writeFileSync(path.join(project, 'spec', file), text);
  execFileSync(process.execPath, [errcat, 'generate', '--root', project], { stdio: 'pipe' });
  browser = await launchChromium();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
});
afterAll(async () => {
  await browser?.close();
  rmSync(project, { recursive: true, force: true });
});

// As the runtime sends it: `{{` in a message template is a literal `{`.
const SENT = HOSTILE.replace('{{title}}', '{title}');

const injected = () => ({
  pwned: (window as unknown as { __pwned?: number }).__pwned,
  images: document.images.length,
  svgs: document.querySelectorAll('svg').length,
  scripts: document.scripts.length,
  bold: document.querySelectorAll('b').length,
  title: document.title,
});

describe('a hostile catalog', () => {
  it('shows every message as text, in both languages, and runs nothing of it', async () => {
    const tab = await browser.open(path.join(project, 'packages/docs/index.html'));
    const clean = { pwned: undefined, images: 0, svgs: 0, scripts: 2, bold: 0 };
    expect(await tab.evaluate(injected)).toMatchObject(clean);
    expect(await tab.evaluate(() => document.title)).toContain('Shop <b>API</b> & "friends"');
    const message = (id: string) => tab.locator(`tr[id="${id}"] td`).nth(2).textContent();
    await expect(message('shop/Hostile')).resolves.toBe(SENT);
    await expect(message('shop/Multiline')).resolves.toBe(MULTILINE);
    await expect(tab.locator('.category-message[data-category="Broken"]').textContent()).resolves.toBe(SENT);
    await tab.locator('#f-lang').selectOption('ko');
    await expect(message('shop/Hostile')).resolves.toBe(HOSTILE_KO);
    expect(await tab.evaluate(injected)).toMatchObject(clean);
    await tab.locator('#q').fill('</script>');
    // Found by its text, which holds `</script>` in Korean too.
    await expect.poll(() => tab.locator('tr[data-i]:visible').count()).toBe(1);
    await screenshot(tab, 'hostile-ko');
    await tab.close();
  });

  it('copies the hostile message inside the JSON, intact', async () => {
    const tab = await browser.open(path.join(project, 'packages/docs/index.html'), '#shop/Hostile');
    await tab.locator('#copy-native').click();
    await expect.poll(() => tab.evaluate(() => navigator.clipboard.readText())).toContain('"detail"');
    const body = JSON.parse(await tab.evaluate(() => navigator.clipboard.readText())) as { detail: string; code: string };
    expect(body).toMatchObject({ code: 'Hostile', detail: SENT });
    expect(await tab.evaluate(injected)).toMatchObject({ pwned: undefined, images: 0, svgs: 0 });
    await tab.close();
  });

  it('keeps the Markdown tables whole: one row per code, pipes and line breaks inside their cell', () => {
    const page = readFileSync(path.join(project, 'packages/docs/markdown/shop.en.md'), 'utf8');
    const rows = page.split('\n').filter((line) => /^\| (Hostile|Multiline|InternalError) \|/.test(line));
    expect(rows).toHaveLength(3);
    // Every row has its three cells: pipes inside a message are escaped.
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length - 2).toBe(3);
    expect(page).not.toContain('<img');
    expect(page).not.toContain('<script');
  });
});
