// Fastify: the generated plugin (schema serialization) against the floors a
// hand-written app would have. Run: pnpm --filter errcat-bench run bench:fastify

import { handlerCost } from './error-handlers/handler-cost.js';
import { runLoad } from './error-handlers/load.js';

await runLoad({
  title: 'Fastify 5: answering an error (ML Studio 401, and a plain Error → 500)',
  variants: [
    { name: 'direct reply.code().send()', args: ['fastify', 'direct', 'catalog'] },
    { name: 'throw → hand-written handler', args: ['fastify', 'floor', 'catalog'] },
    { name: 'throw → hand-written + schema', args: ['fastify', 'floor-schema', 'catalog'] },
    { name: 'throw → mlStudioErrors', args: ['fastify', 'errcat', 'catalog'] },
    { name: 'Error → hand-written handler', args: ['fastify', 'floor', 'internal'] },
    { name: 'Error → mlStudioErrors', args: ['fastify', 'errcat', 'internal'] },
  ],
  comparisons: [
    { label: 'throw floor / direct (reference)', subject: 'throw → hand-written handler', floor: 'direct reply.code().send()' },
    { label: 'mlStudioErrors / throw floor, catalog error', subject: 'throw → mlStudioErrors', floor: 'throw → hand-written handler', goal: 1.1 },
    { label: 'hand-written with a response schema / throw floor (what schema serialization alone gives)', subject: 'throw → hand-written + schema', floor: 'throw → hand-written handler' },
    { label: 'mlStudioErrors / throw floor, plain Error', subject: 'Error → mlStudioErrors', floor: 'Error → hand-written handler', goal: 1.1 },
  ],
});

handlerCost();
