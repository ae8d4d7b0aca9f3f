// Part of the build: the spec schema's validator compiled once, so that no
// run of errcat compiles it (see src/load/spec-validator.ts).
import { writeFileSync } from 'node:fs';
import { PRECOMPILED_FILE, specValidatorSource } from '../dist/load/spec-validator.js';

writeFileSync(new URL(`../dist/load/${PRECOMPILED_FILE}`, import.meta.url), await specValidatorSource());
