// The least any `errcat validate` does, whatever errcat's own code: load the
// two libraries it cannot start without (commander for the command line,
// js-yaml for the spec), from the same entry points errcat loads them, and
// parse every spec file with them. generate.ts runs it as a cold child process
// in the same rounds as validate, so the validate goal can be read against what
// Node and those libraries alone take on this machine; validate minus this
// floor is errcat's own share. Plain JavaScript, run by node alone as errcat is.
//
// node validate-floor.mjs <commander entry> <js-yaml entry> <spec folder>

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [commanderEntry, jsYamlEntry, specDir] = process.argv.slice(2);
const { Command } = await import(pathToFileURL(commanderEntry).href);
const jsYaml = (await import(pathToFileURL(jsYamlEntry).href)).default;
const program = new Command('errcat');
program.command('validate').option('--root <dir>').action(() => {});
program.parse(['node', 'errcat', 'validate'], { from: 'node' });
for (const name of readdirSync(specDir).filter((file) => /\.ya?ml$/.test(file)).sort()) {
  jsYaml.load(readFileSync(path.join(specDir, name), 'utf8'), { schema: jsYaml.CORE_SCHEMA });
}
