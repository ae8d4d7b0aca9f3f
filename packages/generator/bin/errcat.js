#!/usr/bin/env node
import module from 'node:module';

// On Node 22.1 and later, the compiled code of errcat and its dependencies
// is kept between runs, which takes much of the start-up off every run
// after the first; older Node starts without. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
module.enableCompileCache?.();
// The CLI as one bundle with a chunk per command (scripts/bundle-cli.mjs).
const { run } = await import('../dist/bin/main.js');

process.exitCode = await run(process.argv);
