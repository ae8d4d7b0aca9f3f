// Preloaded (NODE_OPTIONS=--require) into the Redocly processes the tests
// run: every attempt to reach the network is written to stderr, where the
// tests look for it, and refused. Local pipes are not the network.
const net = require('node:net');
const dns = require('node:dns');

const MARKER = 'ERRCAT-TEST NETWORK ACCESS:';
const refuse = (what) => {
  process.stderr.write(`${MARKER} ${what}\n`);
  return new Error(`network access refused in tests: ${what}`);
};

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const [options] = args;
  if (options && typeof options === 'object' && typeof options.path === 'string') return connect.apply(this, args);
  const target = options && typeof options === 'object' ? `${options.host ?? 'localhost'}:${options.port}` : String(options);
  throw refuse(`connect ${target}`);
};
dns.lookup = (hostname) => {
  throw refuse(`dns ${hostname}`);
};
globalThis.fetch = async (input) => {
  throw refuse(`fetch ${typeof input === 'string' ? input : (input?.url ?? String(input))}`);
};
