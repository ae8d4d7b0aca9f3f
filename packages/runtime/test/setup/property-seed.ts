import fc from 'fast-check';

// CI draws every property test's cases from one seed, so a run that lands is
// a run anyone can repeat; elsewhere each run draws its own, and a failure
// prints the seed that repeats it (ERRCAT_PROPERTY_SEED=<seed> pnpm test).
const seed = process.env.ERRCAT_PROPERTY_SEED ?? (process.env.CI ? '20261201' : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
