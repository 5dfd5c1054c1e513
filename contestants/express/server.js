'use strict';

// Stackbench contestant "express": the Stackbench API (docs/api.md, spec v2) on Express 5
// with node-postgres; GET /ws (realtime) is the `ws` package's WebSocketServer on the
// http server app.listen returns (Express has no WebSocket support of its own).
//
// Environment (docs/contestants.md): PORT (required), WORKERS (default 1),
// DB_URL (required), DB_POOL (pool size per process, default 10).
// With WORKERS > 1 the primary forks that many node:cluster workers, which share
// the listening socket; the primary itself serves nothing but relays every /ws
// message a worker received to the other workers (IPC), so a broadcast reaches
// the subscribers of every worker.

const cluster = require('node:cluster');
const { setTimeout: sleep } = require('node:timers/promises');
const express = require('express');
const { Pool } = require('pg');
const { WebSocketServer, WebSocket } = require('ws');

const SERVER_NAME = 'express';
const HOST = '127.0.0.1';
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const USER_SQL = 'SELECT id, name, email FROM users WHERE id = $1';
const INTEGER = /^-?[0-9]+$/;

function fail(message) {
  console.error(`express: ${message}`);
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

/**
 * The integer in query value `value` (a string, an array for a repeated parameter,
 * or undefined) if it lies within [min, max], else undefined.
 */
function intQuery(value, min, max) {
  if (typeof value !== 'string' || !INTEGER.test(value)) return undefined;
  const n = Number(value);
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

function createApp(pool) {
  const app = express();
  app.disable('x-powered-by');

  app.use((req, res, next) => {
    res.set('Server', SERVER_NAME);
    next();
  });

  app.get('/json', (req, res) => {
    res.json({ message: 'Hello, World!' });
  });

  app.get('/api/users/:id', async (req, res) => {
    if (!INTEGER.test(req.params.id)) {
      return res.status(400).json({ error: 'id must be an integer' });
    }
    const id = Number(req.params.id);
    // users.id is a PostgreSQL integer: a larger id cannot exist, and sending it would
    // make the query fail ("out of range for type integer") instead of finding nothing.
    if (id < INT32_MIN || id > INT32_MAX) {
      return res.status(404).json({ error: 'User not found' });
    }
    const { rows } = await pool.query(USER_SQL, [id]);
    if (rows.length === 0) {
      return res.status(404).json({ error: 'User not found' });
    }
    res.json(rows[0]);
  });

  app.get('/io', async (req, res) => {
    const ms = intQuery(req.query.ms, 0, 10000);
    if (ms === undefined) {
      return res.status(400).json({ error: 'query parameter ms must be an integer from 0 to 10000' });
    }
    await sleep(ms);
    res.json({ waitedMs: ms });
  });

  app.get('/cpu', (req, res) => {
    const n = intQuery(req.query.n, 1, 1000000);
    if (n === undefined) {
      return res.status(400).json({ error: 'query parameter n must be an integer from 1 to 1000000' });
    }
    res.json({ n, primes: countPrimes(n) });
  });

  // Express answers unknown routes and errors with HTML; the API speaks JSON only.
  app.use((req, res) => {
    res.status(404).json({ error: 'Not found' });
  });

  app.use((err, req, res, next) => {
    const status = err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) console.error(`express: ${req.method} ${req.originalUrl}: ${err.message}`);
    if (res.headersSent) return next(err);
    res.status(status).json({ error: status === 500 ? 'Internal server error' : err.message });
  });

  return app;
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
    socket.on('error', (err) => console.error(`express: /ws: ${err.message}`));
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
  pool.on('error', (err) => console.error(`express: idle PostgreSQL client: ${err.message}`));

  // Express 5 hands a listen error to this callback.
  const server = createApp(pool).listen(config.port, HOST, (err) => {
    if (err) fail(`cannot listen on ${HOST}:${config.port}: ${err.message}`);
    console.log(`express: pid ${process.pid} listening on http://${HOST}:${config.port}`);
  });
  attachRealtime(server);
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
      console.error(`express: worker ${worker.process.pid} exited (${how}) before listening; stopping`);
      stop(1);
      return;
    }
    console.error(`express: worker ${worker.process.pid} died (${how}); starting a new one`);
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

  console.log(`express: primary ${process.pid} starting ${config.workers} workers`);
  for (let i = 0; i < config.workers; i++) cluster.fork();
}

const config = readConfig(process.env);
if (config.workers > 1 && cluster.isPrimary) startPrimary(config);
else startServer(config);
