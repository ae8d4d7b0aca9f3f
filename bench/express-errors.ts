// Express: the generated error middleware against the floors a hand-written
// app would have. Run: pnpm --filter errcat-bench run bench:express

import { runLoad } from './error-handlers/load.js';

await runLoad({
  title: 'Express 5: answering an error (ML Studio 401, and a plain Error → 500)',
  variants: [
    { name: 'direct res.status().json()', args: ['express', 'direct', 'catalog'] },
    { name: 'throw → hand-written handler', args: ['express', 'floor', 'catalog'] },
    { name: 'throw → mlStudioErrorHandler', args: ['express', 'errcat', 'catalog'] },
    { name: 'Error → hand-written handler', args: ['express', 'floor', 'internal'] },
    { name: 'Error → mlStudioErrorHandler', args: ['express', 'errcat', 'internal'] },
  ],
  comparisons: [
    { label: 'throw floor / direct (reference)', subject: 'throw → hand-written handler', floor: 'direct res.status().json()' },
    { label: 'mlStudioErrorHandler / throw floor, catalog error', subject: 'throw → mlStudioErrorHandler', floor: 'throw → hand-written handler', goal: 0.95 },
    { label: 'mlStudioErrorHandler / throw floor, plain Error', subject: 'Error → mlStudioErrorHandler', floor: 'Error → hand-written handler', goal: 0.95 },
  ],
});
