import { Command, CommanderError, Option } from 'commander';
import type { DiffOptions } from './commands/diff.js';
import type { InitOptions } from './commands/init.js';
import { EXIT, processIo, type CliIo } from './io.js';
import { issueTracker, ownManifest } from './own-package.js';
import { UserError } from './user-error.js';

// Each command is imported when it runs, so that start-up pays only for the
// command asked for: `validate` never loads the targets or the importer.
function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('errcat')
    .description('Generate TypeScript enums, OpenAPI components, JSON Schema and Express/Fastify middleware from one YAML error catalog.')
    .version(ownManifest.version, '-v, --version', 'print the version of errcat')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError('(run errcat --help for usage)');
  const root = () => new Option('--root <dir>', 'the project root: package folders, templates/ and package.json are found from here').default('.');
  const spec = () => new Option('--spec <dir>', 'the catalog folder, relative to the root').default('spec');

  program
    .command('init')
    .description('start a catalog: settings and one service that validate and generate as they are; never overwrites')
    .addOption(root())
    .addOption(spec())
    .option('--scope <scope>', 'npm scope of the generated packages (@payments); default from package.json')
    .option('--service <id>', 'service id, lower-case (payments); default from package.json')
    .option('--name <Name>', 'PascalCase prefix of generated TypeScript names; default from the id')
    .option('--title <text>', 'the service as people call it')
    .option('--locales <list>', 'comma-separated locales, the default first (en,de)')
    .option('--wire-format <format>', 'problem-details (RFC 9457), batch or rest-guidelines (Azure shapes)')
    .option('--targets <list>', 'comma-separated targets to generate; all by default')
    .action(async (options: Omit<InitOptions, 'interactive'>) => setExit(await (await import('./commands/init.js')).initCommand(io, { ...options, interactive: io.interactive === true })));

  program
    .command('generate')
    .description('write every enabled target from the catalog')
    .option('--check', 'write nothing; exit 1 listing every file that differs, is missing or is orphaned', false)
    .option('--force', 'take over package folders errcat did not write (their other files are deleted)', false)
    .addOption(new Option('--watch', 'generate again whenever the catalog or templates change; Ctrl-C stops').default(false).conflicts('check'))
    .option('--timings', 'print the time of each phase (load, validate, normalize, each target, plan, write) to stderr', false)
    .addOption(root())
    .addOption(spec())
    .action(async (options: { root: string; spec: string; check: boolean; force: boolean; watch: boolean; timings: boolean }) => {
      setExit(options.watch ? await (await import('./commands/watch.js')).watchCommand(io, options) : await (await import('./commands/generate.js')).generateCommand(io, options));
    });

  program
    .command('diff')
    .description('what the catalog changes since --base mean for each generated package: major, minor or patch')
    .option('--base <ref-or-dir>', 'a git ref (its committed spec, read without touching the work tree) or a spec folder', 'HEAD')
    .option('--json', 'print the changes and bumps as JSON', false)
    .option('--changeset', 'write .changeset/errcat-<hash>.md bumping exactly the packages that change', false)
    .option('--check-level <level>', 'exit 1 when the change is above this level: none, patch, minor or major')
    .addOption(root())
    .addOption(spec())
    .action(async (options: DiffOptions) => setExit(await (await import('./commands/diff.js')).diffCommand(io, options)));

  program
    .command('validate')
    .description('report every problem in the catalog with file:line:col')
    .addOption(root())
    .addOption(spec())
    .action(async (options: { root: string; spec: string }) => setExit(await (await import('./commands/validate.js')).validateCommand(io, options)));

  program
    .command('inspect')
    .description('print the normalized catalog')
    .option('--json', 'print the Catalog model as JSON', false)
    .addOption(root())
    .addOption(spec())
    .action(async (options: { root: string; spec: string; json: boolean }) => setExit(await (await import('./commands/inspect.js')).inspectCommand(io, options)));

  program
    .command('import')
    .description('turn Microsoft-docs style error-code pages into spec YAML')
    .argument('<pages...>', 'Markdown pages: one page per service and its translations')
    .option('--out <dir>', 'folder to write <service>.yaml into', 'spec')
    .option('--locale <file=tag>', "a page's locale when its front matter has no ms.contentlocale (repeatable)", collect, [] as string[])
    .option('--pair <translation=default>', 'pair a translation with its default-locale page; wins over ms.assetid and anchors (repeatable)', collect, [] as string[])
    .option('--default-locale <tag>', 'the locale translations are matched against', 'en')
    .option('--schema <file>', 'spec schema the modeline points editors at', 'node_modules/errcat/schema/spec.schema.json')
    .option('--force', 'overwrite existing spec files', false)
    .action(async (pages: string[], options: { out: string; locale: string[]; pair: string[]; defaultLocale: string; schema: string; force: boolean }) =>
      setExit(await (await import('./commands/import.js')).importCommand(io, pages, options)),
    );
  return program;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Runs the CLI; returns the exit code instead of exiting, so tests can call it. */
export async function run(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  if (argv.length <= 2) {
    io.err(program.helpInformation());
    return EXIT.usage;
  }
  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UserError) {
      io.err(`errcat: ${error.message}\n`);
      return EXIT.userError;
    }
    io.err(`errcat crashed: this is a bug in errcat, not in your spec. Please report it at ${issueTracker()} with this output:\n`);
    io.err(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.crash;
  }
}
