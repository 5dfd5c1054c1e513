'use strict';

// Stackbench contestant "koa": the Stackbench API (docs/api.md, spec v2) on Koa 3 with
// @koa/router and node-postgres; GET /ws (realtime) is the `ws` package on the same
// node:http server (realtime.js; Koa has no WebSocket support of its own).
// Environment: see config.js; WORKERS > 1 runs a node:cluster.

const http = require('node:http');
const { setTimeout: sleep } = require('node:timers/promises');
const Koa = require('koa');
const Router = require('@koa/router');
const { Pool } = require('pg');
const readConfig = require('./config');
const runClustered = require('./cluster');
const attachRealtime = require('./realtime');

const SERVER_NAME = 'koa';
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

function createApp(pool) {
  const app = new Koa();
  const router = new Router();

  // Koa's own error responses are plain text; the API answers JSON, also for errors.
  app.use(async (ctx, next) => {
    ctx.set('Server', SERVER_NAME);
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) {
        ctx.status = 404;
        ctx.body = { error: 'Not found' };
      }
    } catch (err) {
      const status = err.status >= 400 && err.status < 500 ? err.status : 500;
      ctx.status = status;
      ctx.body = { error: err.expose ? err.message : 'Internal server error' };
      if (status === 500) ctx.app.emit('error', err, ctx);
    }
  });

  router.get('/json', (ctx) => {
    ctx.body = { message: 'Hello, World!' };
  });

  router.get('/api/users/:id', async (ctx) => {
    ctx.assert(INTEGER.test(ctx.params.id), 400, 'id must be an integer');
    const id = Number(ctx.params.id);
    // users.id is a PostgreSQL integer: a larger id cannot exist, and sending it would
    // make the query fail ("out of range for type integer") instead of finding nothing.
    const { rows } = id < INT32_MIN || id > INT32_MAX ? { rows: [] } : await pool.query(USER_SQL, [id]);
    ctx.assert(rows.length > 0, 404, 'User not found');
    ctx.body = rows[0];
  });

  router.get('/io', async (ctx) => {
    const ms = intQuery(ctx.query.ms, 0, 10000);
    ctx.assert(ms !== undefined, 400, 'query parameter ms must be an integer from 0 to 10000');
    await sleep(ms);
    ctx.body = { waitedMs: ms };
  });

  router.get('/cpu', (ctx) => {
    const n = intQuery(ctx.query.n, 1, 1000000);
    ctx.assert(n !== undefined, 400, 'query parameter n must be an integer from 1 to 1000000');
    ctx.body = { n, primes: countPrimes(n) };
  });

  app.use(router.routes()).use(router.allowedMethods());
  // Koa logs 5xx errors to stderr by default (app.silent is false).
  return app;
}

const config = readConfig(SERVER_NAME, process.env);
runClustered(SERVER_NAME, config.workers, () => {
  const pool = new Pool({ connectionString: config.dbUrl, max: config.poolSize });
  // An idle client can lose its connection; without a listener that 'error' would crash the process.
  pool.on('error', (err) => console.error(`${SERVER_NAME}: idle PostgreSQL client: ${err.message}`));
  const server = http.createServer(createApp(pool).callback());
  attachRealtime(SERVER_NAME, server);
  server.on('error', (err) => config.fail(`cannot listen on ${HOST}:${config.port}: ${err.message}`));
  server.listen(config.port, HOST, () => {
    console.log(`${SERVER_NAME}: pid ${process.pid} listening on http://${HOST}:${config.port}`);
  });
});
