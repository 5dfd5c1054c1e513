'use strict';

// Stackbench contestant "restify": the Stackbench API (docs/api.md, spec v2) on restify 11
// with node-postgres; GET /ws (realtime) is the `ws` package on restify's node:http server
// (realtime.js; restify has no WebSocket support of its own).
// Environment: see config.js; WORKERS > 1 runs a node:cluster.

const { setTimeout: sleep } = require('node:timers/promises');
const restify = require('restify');
const { Pool } = require('pg');
const readConfig = require('./config');
const runClustered = require('./cluster');
const attachRealtime = require('./realtime');

const SERVER_NAME = 'restify';
const HOST = '127.0.0.1';
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const USER_SQL = 'SELECT id, name, email FROM users WHERE id = $1';
const INTEGER = /^-?[0-9]+$/;

/** The integer in query value `value` if it lies within [min, max], else undefined. */
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

function createServer(pool) {
  const server = restify.createServer({ name: SERVER_NAME });

  // Runs before routing, so restify's own errors (404, 405) carry it too.
  server.pre((req, res, next) => {
    res.header('Server', SERVER_NAME);
    return next();
  });
  server.use(restify.plugins.queryParser());

  server.get('/json', (req, res, next) => {
    res.send({ message: 'Hello, World!' });
    return next();
  });

  // Async handlers (restify 9+): restify waits for the promise and calls next itself.
  server.get('/api/users/:id', async (req, res) => {
    if (!INTEGER.test(req.params.id)) {
      res.send(400, { error: 'id must be an integer' });
      return;
    }
    const id = Number(req.params.id);
    // users.id is a PostgreSQL integer: a larger id cannot exist, and sending it would
    // make the query fail ("out of range for type integer") instead of finding nothing.
    const { rows } = id < INT32_MIN || id > INT32_MAX ? { rows: [] } : await pool.query(USER_SQL, [id]);
    if (rows.length === 0) res.send(404, { error: 'User not found' });
    else res.send(rows[0]);
  });

  server.get('/io', async (req, res) => {
    const ms = intQuery(req.query.ms, 0, 10000);
    if (ms === undefined) {
      res.send(400, { error: 'query parameter ms must be an integer from 0 to 10000' });
      return;
    }
    await sleep(ms);
    res.send({ waitedMs: ms });
  });

  server.get('/cpu', (req, res, next) => {
    const n = intQuery(req.query.n, 1, 1000000);
    if (n === undefined) res.send(400, { error: 'query parameter n must be an integer from 1 to 1000000' });
    else res.send({ n, primes: countPrimes(n) });
    return next();
  });

  // restify's error bodies are {code, message}; the API's errors have an `error` member.
  server.on('restifyError', (req, res, err, callback) => {
    err.toJSON = () => ({ error: err.message || err.name });
    if ((err.statusCode || 500) >= 500) console.error(`${SERVER_NAME}: ${req.method} ${req.url}: ${err.message}`);
    return callback();
  });

  return server;
}

const config = readConfig(SERVER_NAME, process.env);
runClustered(SERVER_NAME, config.workers, () => {
  const pool = new Pool({ connectionString: config.dbUrl, max: config.poolSize });
  // An idle client can lose its connection; without a listener that 'error' would crash the process.
  pool.on('error', (err) => console.error(`${SERVER_NAME}: idle PostgreSQL client: ${err.message}`));
  const server = createServer(pool);
  // restify leaves 'upgrade' to the node:http server beneath it (handleUpgrades is off).
  attachRealtime(SERVER_NAME, server.server);
  server.on('error', (err) => config.fail(`cannot listen on ${HOST}:${config.port}: ${err.message}`));
  server.listen(config.port, HOST, () => {
    console.log(`${SERVER_NAME}: pid ${process.pid} listening on ${server.url}`);
  });
});
