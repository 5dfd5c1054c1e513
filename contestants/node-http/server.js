'use strict';

// Stackbench contestant "node-http": the Stackbench API (docs/api.md, spec v2) on
// Node's own http module, no framework: the baseline the frameworks are compared to.
// GET /ws (realtime) is the `ws` package's WebSocketServer on the same http server.
//
// Environment (docs/contestants.md): PORT (required), WORKERS (default 1),
// DB_URL (required), DB_POOL (pool size per process, default 10).
// With WORKERS > 1 the primary forks that many node:cluster workers, which share
// the listening socket; the primary itself serves nothing but relays every /ws
// message a worker received to the other workers (IPC), so a broadcast reaches
// the subscribers of every worker.

const cluster = require('node:cluster');
const http = require('node:http');
const { setTimeout: sleep } = require('node:timers/promises');
const { Pool } = require('pg');
const { WebSocketServer, WebSocket } = require('ws');

const SERVER_NAME = 'node';
const HOST = '127.0.0.1';
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const USER_SQL = 'SELECT id, name, email FROM users WHERE id = $1';
const INTEGER = /^-?[0-9]+$/;
const USER_PATH = /^\/api\/users\/([^/]+)$/;

function fail(message) {
  console.error(`node-http: ${message}`);
  process.exit(2);
}

function positiveInt(env, name, fallback) {
  const value = env[name];
  if (value === undefined || value === '') {
    if (fallback === undefined) fail(`${name} is not set`);
    return fallback;
  }
  if (!/^[1-9][0-9]*$/.test(value)) fail(`${name} (${value}) must be a positive integer`);
  return Number(value);
}

function readConfig(env) {
  if (!env.DB_URL) fail('DB_URL is not set (postgresql://USER:PASSWORD@HOST:PORT/NAME)');
  return {
    port: positiveInt(env, 'PORT'),
    workers: positiveInt(env, 'WORKERS', 1),
    poolSize: positiveInt(env, 'DB_POOL', 10),
    dbUrl: env.DB_URL,
  };
}

function sendJson(res, status, body) {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'Server': SERVER_NAME,
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(payload),
  });
  res.end(payload);
}

/** The single integer value of query parameter `name` within [min, max], else undefined. */
function intParam(search, name, min, max) {
  const values = new URLSearchParams(search).getAll(name);
  if (values.length !== 1 || !INTEGER.test(values[0])) return undefined;
  const n = Number(values[0]);
  return n >= min && n <= max ? n : undefined;
}

function countPrimes(n) {
  let count = 0;
  for (let k = 2; k <= n; k++) {
    let prime = true;
    for (let d = 2; d * d <= k; d++) {
      if (k % d === 0) {
        prime = false;
        break;
      }
    }
    if (prime) count++;
  }
  return count;
}

async function getUser(res, pool, rawId) {
  if (!INTEGER.test(rawId)) return sendJson(res, 400, { error: 'id must be an integer' });
  const id = Number(rawId);
  // users.id is a PostgreSQL integer: a larger id cannot exist, and sending it would
  // make the query fail ("out of range for type integer") instead of finding nothing.
  if (id < INT32_MIN || id > INT32_MAX) return sendJson(res, 404, { error: 'User not found' });
  const { rows } = await pool.query(USER_SQL, [id]);
  if (rows.length === 0) return sendJson(res, 404, { error: 'User not found' });
  sendJson(res, 200, rows[0]);
}

async function handle(req, res, pool) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return sendJson(res, 405, { error: 'Method not allowed' });
  }
  const q = req.url.indexOf('?');
  const path = q === -1 ? req.url : req.url.slice(0, q);
  const search = q === -1 ? '' : req.url.slice(q + 1);

  if (path === '/json') {
    return sendJson(res, 200, { message: 'Hello, World!' });
  }
  if (path === '/io') {
    const ms = intParam(search, 'ms', 0, 10000);
    if (ms === undefined) {
      return sendJson(res, 400, { error: 'query parameter ms must be an integer from 0 to 10000' });
    }
    await sleep(ms);
    return sendJson(res, 200, { waitedMs: ms });
  }
  if (path === '/cpu') {
    const n = intParam(search, 'n', 1, 1000000);
    if (n === undefined) {
      return sendJson(res, 400, { error: 'query parameter n must be an integer from 1 to 1000000' });
    }
    return sendJson(res, 200, { n, primes: countPrimes(n) });
  }
  const user = USER_PATH.exec(path);
  if (user !== null) return getUser(res, pool, user[1]);
  sendJson(res, 404, { error: 'Not found' });
}

/** Sends `text` to every open /ws connection of this process. */
function broadcastLocally(wss, text) {
  for (const client of wss.clients) {
    if (client.readyState === WebSocket.OPEN) client.send(text);
  }
}

/** GET /ws: every text message goes to every /ws connection of every worker, the sender included. */
function attachRealtime(server) {
  const wss = new WebSocketServer({ server, path: '/ws' });
  const relayed = cluster.isWorker;
  wss.on('connection', (socket) => {
    socket.on('error', (err) => console.error(`node-http: /ws: ${err.message}`));
    socket.on('message', (data, isBinary) => {
      if (isBinary) return; // spec v2 forwards text messages only
      const text = data.toString();
      broadcastLocally(wss, text);
      if (relayed) process.send({ ws: text });
    });
  });
  if (relayed) {
    process.on('message', (msg) => {
      if (msg && typeof msg.ws === 'string') broadcastLocally(wss, msg.ws);
    });
  }
}

function startServer(config) {
  const pool = new Pool({ connectionString: config.dbUrl, max: config.poolSize });
  // An idle client can lose its connection (e.g. the database restarts); without a
  // listener that 'error' event would crash the process.
  pool.on('error', (err) => console.error(`node-http: idle PostgreSQL client: ${err.message}`));

  const server = http.createServer((req, res) => {
    handle(req, res, pool).catch((err) => {
      console.error(`node-http: ${req.method} ${req.url}: ${err.message}`);
      if (res.headersSent) res.destroy();
      else sendJson(res, 500, { error: 'Internal server error' });
    });
  });
  attachRealtime(server);
  server.on('error', (err) => fail(`cannot listen on ${HOST}:${config.port}: ${err.message}`));
  server.listen(config.port, HOST, () => {
    console.log(`node-http: pid ${process.pid} listening on http://${HOST}:${config.port}`);
  });
}

function startPrimary(config) {
  const listening = new Set();
  let stopping = false;

  const stop = (exitCode) => {
    if (stopping) return;
    stopping = true;
    process.exitCode = exitCode;
    const workers = Object.values(cluster.workers);
    if (workers.length === 0) process.exit();
    for (const worker of workers) worker.process.kill('SIGTERM');
    setTimeout(() => {
      for (const worker of Object.values(cluster.workers)) worker.process.kill('SIGKILL');
      process.exit();
    }, 5000).unref();
  };

  cluster.on('listening', (worker) => listening.add(worker.id));
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers).length === 0) process.exit();
      return;
    }
    const how = signal ? `signal ${signal}` : `code ${code}`;
    if (!listening.has(worker.id)) {
      // A worker that cannot even start would only fail again: give up at once.
      console.error(`node-http: worker ${worker.process.pid} exited (${how}) before listening; stopping`);
      stop(1);
      return;
    }
    console.error(`node-http: worker ${worker.process.pid} died (${how}); starting a new one`);
    cluster.fork();
  });
  process.on('SIGTERM', () => stop(0));
  process.on('SIGINT', () => stop(0));

  // A /ws message one worker received goes to every other worker, which broadcasts it.
  cluster.on('message', (from, msg) => {
    if (!msg || typeof msg.ws !== 'string') return;
    for (const worker of Object.values(cluster.workers)) {
      if (worker !== from && worker.isConnected()) worker.send(msg);
    }
  });

  console.log(`node-http: primary ${process.pid} starting ${config.workers} workers`);
  for (let i = 0; i < config.workers; i++) cluster.fork();
}

const config = readConfig(process.env);
if (config.workers > 1 && cluster.isPrimary) startPrimary(config);
else startServer(config);
