// Preloaded with `node --require` by no-typescript-at-run-time.test.ts: at
// exit, writes every CommonJS module the process loaded (ts-morph and
// TypeScript are CommonJS, so an `import` of them lands here too) to the
// file named by ERRCAT_LOADED_MODULES.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  writeFileSync(process.env.ERRCAT_LOADED_MODULES, JSON.stringify(Object.keys(require.cache)));
});
