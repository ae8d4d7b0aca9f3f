/// <reference lib="dom" />
// The docs target's index.html in headless Chromium (Debian's, as the browser
// test uses): bytes of the page for the seed catalog and for a synthetic one
// of 10,000 codes × 4 locales, time to first render (first contentful paint,
// the script done), and time for a filter or a language switch to show its
// result (the handler and the next two frames). Median of several runs, each
// page load in a fresh tab. Figures only; nothing asserts a time.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { syntheticSpec } from './synthetic-spec.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const errcat = path.resolve(here, '../packages/generator/bin/errcat.js');
const LOADS = 5;
const FILTERS = 7;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** A project holding only the synthetic catalog, generated with the docs target alone. */
function syntheticPage(work: string, codes: number): string {
  const root = path.join(work, `synthetic-${codes}`);
  mkdirSync(path.join(root, 'spec'), { recursive: true });
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'bench-docs', private: true }));
  for (const [file, text] of Object.entries(syntheticSpec(codes))) {
    writeFileSync(path.join(root, 'spec', file), file === 'errcat.yaml' ? text.replace(/targets: \[[^\]]*\]/, 'targets: [docs]') : text);
  }
  execFileSync(process.execPath, [errcat, 'generate', '--root', root], { stdio: 'pipe' });
  return path.join(root, 'packages/docs/index.html');
}

/** Runs `act` in the page and waits for two frames: the handler's work and the paint that shows it. */
async function timed(page: Page, act: string): Promise<number> {
  return page.evaluate(async (source) => {
    const start = performance.now();
    new Function(source)();
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return performance.now() - start;
  }, act);
}

const setInput = (value: string) => `const q = document.getElementById('q'); q.value = ${JSON.stringify(value)}; q.dispatchEvent(new Event('input'));`;
const setSelect = (id: string, value: string) => `const s = document.getElementById(${JSON.stringify(id)}); s.value = ${JSON.stringify(value)}; s.dispatchEvent(new Event('change'));`;

async function measure(file: string, sample: { code: string; status: string; locale: string }) {
  const profile = mkdtempSync(path.join(tmpdir(), 'errcat-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.ERRCAT_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const paints: number[] = [];
    const ready: number[] = [];
    const filters = { text: [] as number[], status: [] as number[], clear: [] as number[], language: [] as number[] };
    for (let run = 0; run < LOADS; run++) {
      const page = await context.newPage();
      await page.goto(`file://${file}`, { waitUntil: 'load' });
      await page.waitForFunction(() => document.getElementById('count')?.textContent !== '');
      const times = await page.evaluate(async () => {
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
        const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return { paint, ready: navigation.loadEventEnd };
      });
      paints.push(times.paint);
      ready.push(times.ready);
      if (run === 0) {
        for (let round = 0; round < FILTERS; round++) {
          filters.text.push(await timed(page, setInput(sample.code)));
          filters.clear.push(await timed(page, setInput('')));
          filters.status.push(await timed(page, setSelect('f-status', sample.status)));
          await timed(page, setSelect('f-status', ''));
          filters.language.push(await timed(page, setSelect('f-lang', round % 2 === 0 ? sample.locale : 'en')));
        }
      }
      await page.close();
    }
    return { paint: median(paints), ready: median(ready), text: median(filters.text), clear: median(filters.clear), status: median(filters.status), language: median(filters.language) };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const work = mkdtempSync(path.join(tmpdir(), 'errcat-bench-docs-'));
try {
  const seed = path.resolve(here, '../packages/docs/index.html');
  const cases = [
    { name: 'seed catalog', file: seed, sample: { code: 'BlobNotFound', status: '404', locale: 'ko' } },
    { name: 'synthetic 10,000 codes × 4 locales', file: syntheticPage(work, 10_000), sample: { code: 'Code4321', status: '500', locale: 'ko' } },
  ];
  console.log(`docs index.html in headless Chromium (median of ${LOADS} loads; filters median of ${FILTERS}, handler + two frames)`);
  console.log('case'.padEnd(36), 'rows'.padStart(6), 'bytes'.padStart(10), 'gzip'.padStart(9), 'FCP ms'.padStart(8), 'load ms'.padStart(8), 'text ms'.padStart(8), 'clear ms'.padStart(9), 'status ms'.padStart(10), 'lang ms'.padStart(8));
  const results = [];
  for (const entry of cases) {
    const html = readFileSync(entry.file);
    const rows = (html.toString('utf8').match(/<tr id=/g) ?? []).length;
    const result = await measure(entry.file, entry.sample);
    results.push(result);
    console.log(
      entry.name.padEnd(36),
      String(rows).padStart(6),
      String(statSync(entry.file).size).padStart(10),
      String(gzipSync(html).length).padStart(9),
      result.paint.toFixed(0).padStart(8),
      result.ready.toFixed(0).padStart(8),
      result.text.toFixed(1).padStart(8),
      result.clear.toFixed(1).padStart(9),
      result.status.toFixed(1).padStart(10),
      result.language.toFixed(1).padStart(8),
    );
  }
  const [small, large] = results;
  if (small && large) console.log(`10k/seed ratios: first paint ${(large.paint / small.paint).toFixed(1)}, load ${(large.ready / small.ready).toFixed(1)}, text filter ${(large.text / small.text).toFixed(1)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
