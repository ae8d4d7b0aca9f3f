import { readFileSync } from 'node:fs';

interface OwnManifest {
  version: string;
  bugs?: { url?: string } | string;
  repository?: { url?: string } | string;
}

/** errcat's own package.json, read once: its version for `--version`, its issue tracker for the crash hint. */
export const ownManifest: OwnManifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as OwnManifest;

/** Where a crash should be reported: the package's `bugs`, else its repository; errcat's maintainers when it names neither. */
export function issueTracker(manifest: OwnManifest = ownManifest): string {
  const bugs = typeof manifest.bugs === 'string' ? manifest.bugs : manifest.bugs?.url;
  if (bugs) return bugs;
  const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  return repository ? repository.replace(/^git\+/, '').replace(/\.git$/, '') : "errcat's maintainers";
}
