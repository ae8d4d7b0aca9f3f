// Part of the build: errcat's own templates precompiled once, so that no run
// of errcat compiles them (see src/targets/shared/shipped-templates.ts).
import { writeFileSync } from 'node:fs';
import { PRECOMPILED_FILE, shippedTemplatesSource } from '../dist/targets/shared/shipped-templates.js';

writeFileSync(new URL(`../dist/targets/shared/${PRECOMPILED_FILE}`, import.meta.url), await shippedTemplatesSource());
