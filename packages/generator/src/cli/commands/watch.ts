import path from 'node:path';
import { watch } from 'chokidar';
import { PROJECT_FILES } from '../../project/detect-project.js';
import type { CliIo } from '../io.js';
import { generateCommand, type GenerateOptions } from './generate.js';

/** Saves arrive in bursts (an editor writes, renames, touches): one generation per burst. */
const DEBOUNCE_MS = 150;
/** A file is read only once its size has held this long: an editor writing in place is never read half-saved. */
const SETTLE_MS = 200;

/**
 * `errcat generate --watch`: generates once, then again whenever the spec,
 * the project's templates or the root files errcat reads change. A broken
 * spec prints its diagnostics and the watch goes on; a run that changes
 * nothing prints nothing. Ctrl-C lets a running generation finish its
 * renames before exiting, so it never leaves a half-written file.
 */
export async function watchCommand(io: CliIo, options: GenerateOptions, signal?: AbortSignal): Promise<number> {
  const root = path.resolve(io.cwd, options.root);
  const specDir = path.resolve(root, options.spec ?? 'spec');
  const templatesDir = path.join(root, 'templates');
  const within = (dir: string, file: string) => file === dir || file.startsWith(dir + path.sep);
  let running: Promise<unknown> = run(io, options, false);
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  // The root itself is watched (not each root file by name) so that a file
  // that does not exist yet, such as a first LICENSE.md, is seen when it appears.
  const watcher = watch([specDir, templatesDir, root], {
    ignoreInitial: true,
    awaitWriteFinish: { stabilityThreshold: SETTLE_MS, pollInterval: 50 },
    ignored: (file) => {
      // Emacs lock links and editors' swap files are never spec.
      if (file === specDir || file === templatesDir) return false;
      if (within(specDir, file) || within(templatesDir, file)) return /(^|[/\\])\.[^/\\]*$|~$|\.swp$/.test(path.basename(file));
      return file !== root && !(path.dirname(file) === root && PROJECT_FILES.includes(path.basename(file)));
    },
  });
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      again = true;
      running = running.then(async () => {
        while (again) {
          again = false;
          await run(io, options, true);
        }
      });
    }, DEBOUNCE_MS);
  };
  watcher.on('all', schedule);
  await new Promise<void>((resolve) => watcher.once('ready', resolve));
  io.err(`watching ${path.relative(io.cwd, specDir) || '.'} and templates/; Ctrl-C to stop\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      // Removed only after the signal's other listeners ran: proper-lockfile's
      // signal-exit, loaded at the first write, re-raises a signal that no
      // listener besides its own is left to handle.
      setImmediate(() => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      });
      resolve();
    };
    if (signal) signal.addEventListener('abort', stop, { once: true });
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  clearTimeout(timer);
  await watcher.close();
  await running;
  return 0;
}

async function run(io: CliIo, options: GenerateOptions, quiet: boolean): Promise<void> {
  try {
    await generateCommand(io, { ...options, quiet });
  } catch (error) {
    // A crash in one generation is reported; the watch goes on for the next edit.
    io.err(`errcat crashed while generating: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
}
