// Cost of formatting a catalog message against a hand-written template
// literal, and of building an error and its wire body. Prints ops/s and the
// ratio. Run: pnpm --filter errcat-bench run bench:codes-format

import { formatMlStudioMessage, MlStudioError, MlStudioErrorCode } from '@azure-errors/codes';

const DURATION_MS = 1_000;
const ROUNDS = 5;
let sink = 0;

/** Best ops/s over a few rounds of ~1 s each, after a warm-up. */
function measure(run: (index: number) => string): number {
  for (let index = 0; index < 50_000; index++) sink += run(index).length;
  let best = 0;
  for (let round = 0; round < ROUNDS; round++) {
    let operations = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < DURATION_MS) {
      for (let index = 0; index < 10_000; index++) sink += run(operations + index).length;
      operations += 10_000;
      elapsed = performance.now() - start;
    }
    best = Math.max(best, (operations / elapsed) * 1000);
  }
  return best;
}

const blobs = Array.from({ length: 64 }, (_, index) => `container/input-${index}.csv`);

const handWritten = measure(
  (index) => `Impossible d’accéder au stockage Blob Azure fourni\u00a0: ${blobs[index & 63]}.  Message d’erreur Azure\u00a0: ${'The specified blob does not exist.'}.`,
);
const catalog = measure((index) =>
  formatMlStudioMessage({ code: MlStudioErrorCode.BlobNotFound, params: { blob: blobs[index & 63]!, azureMessage: 'The specified blob does not exist.' } }, 'fr'),
);
const errorAndBody = measure((index) =>
  JSON.stringify(new MlStudioError({ code: MlStudioErrorCode.BlobNotFound, params: { blob: blobs[index & 63]!, azureMessage: 'The specified blob does not exist.' } }).toBody('fr')),
);

const format = (value: number) => `${Math.round(value).toLocaleString('en-US')} ops/s`;
console.log('formatting MlStudio BlobNotFound (fr, two params)');
console.table([
  { case: 'hand-written template literal', speed: format(handWritten), 'relative to hand-written': '1.00×' },
  { case: 'formatMlStudioMessage', speed: format(catalog), 'relative to hand-written': `${(catalog / handWritten).toPrecision(2)}×` },
  { case: 'new MlStudioError + toBody + JSON.stringify', speed: format(errorAndBody), 'relative to hand-written': `${(errorAndBody / handWritten).toPrecision(2)}×` },
]);
console.log(`hand-written / formatMlStudioMessage: ${(handWritten / catalog).toFixed(1)}× (node ${process.version})`);
if (sink === 0) console.log('');
