import { defineConfig } from 'vitest/config';

// One Chromium at a time: the machine is shared, and each test drives a real browser.
export default defineConfig({ test: { testTimeout: 30_000, hookTimeout: 60_000, fileParallelism: false } });
