'use strict';

// Stackbench contestant "hapi": the Stackbench API (docs/api.md, spec v2) on hapi 21 with
// joi validation and node-postgres; GET /ws (realtime) is the `ws` package on hapi's
// node:http server (realtime.js; hapi has no WebSocket support in its core, and its nes
// plugin speaks its own protocol, see contestant.yaml).
// Environment: see config.js; WORKERS > 1 runs a node:cluster.

const { setTimeout: sleep } = require('node:timers/promises');
const Hapi = require('@hapi/hapi');
const Joi = require('joi');
const { Pool } = require('pg');
const readConfig = require('./config');
const runClustered = require('./cluster');
const attachRealtime = require('./realtime');

const SERVER_NAME = 'hapi';
const HOST = '127.0.0.1';
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const USER_SQL = 'SELECT id, name, email FROM users WHERE id = $1';

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

async function createServer(config, pool) {
  const server = Hapi.server({ port: config.port, host: HOST });

  // Every response names the server, hapi's own (Boom) errors included.
  server.ext('onPreResponse', (request, h) => {
    const { response } = request;
    if (response.isBoom) response.output.headers.server = SERVER_NAME;
    else response.header('server', SERVER_NAME);
    return h.continue;
  });

  server.route({
    method: 'GET',
    path: '/json',
    handler: () => ({ message: 'Hello, World!' }),
  });

  server.route({
    method: 'GET',
    path: '/api/users/{id}',
    options: {
      // A failed validation is hapi's own 400 JSON error ({statusCode, error, message}).
      validate: { params: Joi.object({ id: Joi.number().integer().required() }) },
    },
    handler: async (request, h) => {
      const { id } = request.params;
      // users.id is a PostgreSQL integer: a larger id cannot exist, and sending it would
      // make the query fail ("out of range for type integer") instead of finding nothing.
      if (id >= INT32_MIN && id <= INT32_MAX) {
        const { rows } = await pool.query(USER_SQL, [id]);
        if (rows.length > 0) return rows[0];
      }
      return h.response({ error: 'User not found' }).code(404);
    },
  });

  server.route({
    method: 'GET',
    path: '/io',
    options: {
      validate: { query: Joi.object({ ms: Joi.number().integer().min(0).max(10000).required() }) },
    },
    handler: async (request) => {
      const { ms } = request.query;
      await sleep(ms);
      return { waitedMs: ms };
    },
  });

  server.route({
    method: 'GET',
    path: '/cpu',
    options: {
      validate: { query: Joi.object({ n: Joi.number().integer().min(1).max(1000000).required() }) },
    },
    handler: (request) => {
      const { n } = request.query;
      return { n, primes: countPrimes(n) };
    },
  });

  return server;
}

const config = readConfig(SERVER_NAME, process.env);
runClustered(SERVER_NAME, config.workers, async () => {
  const pool = new Pool({ connectionString: config.dbUrl, max: config.poolSize });
  // An idle client can lose its connection; without a listener that 'error' would crash the process.
  pool.on('error', (err) => console.error(`${SERVER_NAME}: idle PostgreSQL client: ${err.message}`));
  const server = await createServer(config, pool);
  // hapi routes no 'upgrade'; ws takes it on hapi's node:http server, server.listener.
  attachRealtime(SERVER_NAME, server.listener);
  try {
    await server.start();
  } catch (err) {
    config.fail(`cannot listen on ${HOST}:${config.port}: ${err.message}`);
  }
  console.log(`${SERVER_NAME}: pid ${process.pid} listening on ${server.info.uri}`);
  // hapi's own graceful stop: it stops accepting and lets running requests finish.
  const stop = async () => {
    await server.stop({ timeout: 5000 });
    await pool.end();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
});
