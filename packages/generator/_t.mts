import { readFileSync } from 'node:fs';
import { fastYamlText } from './src/targets/shared/yaml-text.ts';
const doc = JSON.parse(readFileSync('/tmp/speed2-bench/s10000/errcat/packages/openapi/components.json', 'utf8'));
for (let i = 0; i < 4; i++) { const t = performance.now(); fastYamlText(doc); console.log((performance.now() - t).toFixed(0)); }
