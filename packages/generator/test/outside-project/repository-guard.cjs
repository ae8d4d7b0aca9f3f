'use strict';
// Preloaded (NODE_OPTIONS=--require) into every Node.js process that the
// outside-project test starts in its temp folders: npm, pnpm, errcat, tsc,
// the servers. Every file-system access to a path inside the errcat
// repository (other than a node_modules folder) is appended to the log the
// test reads after each step, so "errcat works outside its repository" cannot
// pass by reading the repository's templates/, spec/ or dist/.
// The test copies this file into the temp folder, so loading it reads nothing
// from the repository either.
// With ERRCAT_E2E_OFFLINE set (for Redocly), every attempt to reach the
// network is refused and written to stderr as well.

const fs = require('node:fs');
const path = require('node:path');
const { fileURLToPath } = require('node:url');
const { syncBuiltinESMExports } = require('node:module');

const repository = process.env.ERRCAT_E2E_REPOSITORY;
const log = process.env.ERRCAT_E2E_READS;

if (repository && log) {
  const append = fs.appendFileSync;

  const pathOf = (target) => {
    if (typeof target === 'string') return target;
    if (Buffer.isBuffer(target)) return target.toString();
    if (target instanceof URL) return target.protocol === 'file:' ? fileURLToPath(target) : undefined;
    return undefined; // a file descriptor or a file handle
  };

  const note = (name, target) => {
    const file = pathOf(target);
    if (file === undefined) return;
    const relative = path.relative(repository, path.resolve(file));
    if (relative.startsWith('..') || path.isAbsolute(relative)) return;
    if (relative.split(path.sep).includes('node_modules')) return;
    append(log, `${process.pid} ${name} ${path.resolve(file)}\n`);
  };

  const watch = (object, names) => {
    for (const name of names) {
      const original = object[name];
      if (typeof original !== 'function') continue;
      const wrapped = function (target, ...rest) {
        note(name, target);
        return original.call(this, target, ...rest);
      };
      Object.assign(wrapped, original); // realpathSync.native and friends
      object[name] = wrapped;
    }
  };

  const names = ['access', 'copyFile', 'cp', 'lstat', 'open', 'opendir', 'readFile', 'readdir', 'readlink', 'realpath', 'stat'];
  watch(fs, [...names, ...names.map((name) => `${name}Sync`), 'createReadStream', 'existsSync']);
  watch(fs.promises, names);
  syncBuiltinESMExports();
}

if (process.env.ERRCAT_E2E_OFFLINE) {
  const net = require('node:net');
  const dns = require('node:dns');
  const refuse = (what) => {
    process.stderr.write(`ERRCAT-E2E NETWORK ACCESS: ${what}\n`);
    return new Error(`network access refused: ${what}`);
  };
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (...args) {
    const [options] = args;
    if (options && typeof options === 'object' && typeof options.path === 'string') return connect.apply(this, args);
    throw refuse(`connect ${options && typeof options === 'object' ? `${options.host ?? 'localhost'}:${options.port}` : String(options)}`);
  };
  dns.lookup = (hostname) => {
    throw refuse(`dns ${hostname}`);
  };
  globalThis.fetch = async (input) => {
    throw refuse(`fetch ${typeof input === 'string' ? input : (input?.url ?? String(input))}`);
  };
}
