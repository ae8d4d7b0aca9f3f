// Part of the build: what no run of errcat should compile, compiled once and
// written beside the module that loads it: the spec schema's validator (see
// src/load/spec-validator.ts) and errcat's own templates (see
// src/targets/shared/shipped-templates.ts).
import { writeFileSync } from 'node:fs';
import * as validator from '../dist/load/spec-validator.js';
import * as templates from '../dist/targets/shared/shipped-templates.js';

writeFileSync(new URL(`../dist/load/${validator.PRECOMPILED_FILE}`, import.meta.url), await validator.specValidatorSource());
writeFileSync(new URL(`../dist/targets/shared/${templates.PRECOMPILED_FILE}`, import.meta.url), await templates.shippedTemplatesSource());
