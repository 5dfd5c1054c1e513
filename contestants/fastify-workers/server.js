'use strict';

// Stackbench contestant "fastify-workers": the fastify contestant, except that GET /cpu counts
// the primes on a piscina pool of worker threads (primes.js) instead of on the event loop.
// The Stackbench API (docs/api.md, spec v2) on Fastify 5 with @fastify/postgres (a
// node-postgres Pool); GET /ws (realtime) is a route of @fastify/websocket, Fastify's
// WebSocket plugin (built on ws).
//
// Environment (docs/contestants.md): PORT (required), WORKERS (default 1),
// CPUS (the CPU budget, default: the CPUs this process may run on),
// DB_URL (required), DB_POOL (pool size per process, default 10).
// With WORKERS > 1 the primary forks that many node:cluster workers, which share
// the listening socket; the primary itself serves nothing but relays every /ws
// message a worker received to the other workers (IPC), so a broadcast reaches
// the subscribers of every worker.

const cluster = require('node:cluster');
const os = require('node:os');
const path = require('node:path');
const { setTimeout: sleep } = require('node:timers/promises');
const Fastify = require('fastify');
const { WebSocket } = require('ws');
const { Piscina } = require('piscina');

const SERVER_NAME = 'fastify';
const HOST = '127.0.0.1';
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const USER_SQL = 'SELECT id, name, email FROM users WHERE id = $1';

function fail(message) {
  console.error(`fastify: ${message}`);
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
  const workers = positiveInt(env, 'WORKERS', 1);
  const cpus = positiveInt(env, 'CPUS', os.availableParallelism());
  return {
    port: positiveInt(env, 'PORT'),
    workers,
    // The CPU budget is shared out among the cluster's processes: C threads in all for the
    // prime counts (one per process with the usual WORKERS = C), never fewer than one.
    cpuThreads: Math.max(1, Math.floor(cpus / workers)),
    poolSize: positiveInt(env, 'DB_POOL', 10),
    dbUrl: env.DB_URL,
  };
}

// Fastify validates params and query strings against these schemas (a failure is its own
// 400 JSON error) and serializes replies with the response schemas.
const errorReply = {
  type: 'object',
  properties: { error: { type: 'string' } },
  required: ['error'],
};

// Ajv's type coercion alone would also turn ' ', '1e3' or '0x10' into an integer: the
// pattern first holds the raw string to plain decimal digits, then the value is coerced.
function decimalInteger(pattern, bounds) {
  return { allOf: [{ type: 'string', pattern }, { type: 'integer', ...bounds }] };
}

function integerQuery(name, minimum, maximum) {
  return {
    type: 'object',
    properties: { [name]: decimalInteger('^[0-9]+$', { minimum, maximum }) },
    required: [name],
  };
}

const routes = {
  json: {
    response: {
      200: {
        type: 'object',
        properties: { message: { type: 'string' } },
        required: ['message'],
      },
    },
  },
  user: {
    params: {
      type: 'object',
      properties: { id: decimalInteger('^-?[0-9]+$', {}) },
      required: ['id'],
    },
    response: {
      200: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          name: { type: 'string' },
          email: { type: 'string' },
        },
        required: ['id', 'name', 'email'],
      },
      404: errorReply,
    },
  },
  io: {
    querystring: integerQuery('ms', 0, 10000),
    response: {
      200: {
        type: 'object',
        properties: { waitedMs: { type: 'integer' } },
        required: ['waitedMs'],
      },
    },
  },
  cpu: {
    querystring: integerQuery('n', 1, 1000000),
    response: {
      200: {
        type: 'object',
        properties: { n: { type: 'integer' }, primes: { type: 'integer' } },
        required: ['n', 'primes'],
      },
    },
  },
};

function buildApp(config) {
  const app = Fastify({
    // The logger is off unless asked for: no request logging is wanted here.
    // Fastify answers a malformed URL before any hook runs; this still names the server.
    frameworkErrors(error, request, reply) {
      reply.header('server', SERVER_NAME).code(error.statusCode).send(error);
    },
  });

  app.register(require('@fastify/postgres'), {
    connectionString: config.dbUrl,
    max: config.poolSize,
  });

  // One pool per process. minThreads = maxThreads: every thread starts at once and stays
  // (piscina stops idle threads only above minThreads); requests beyond it wait in its queue.
  const pool = new Piscina({
    filename: path.join(__dirname, 'primes.js'),
    minThreads: config.cpuThreads,
    maxThreads: config.cpuThreads,
  });
  app.decorate('piscina', pool);
  app.addHook('onClose', () => pool.destroy());

  app.addHook('onRequest', (request, reply, done) => {
    reply.header('server', SERVER_NAME);
    done();
  });

  // With the logger off Fastify would answer a failure with a 500 and say nothing.
  app.addHook('onError', (request, reply, error, done) => {
    if (!(error.statusCode < 500)) {
      console.error(`fastify: ${request.method} ${request.url}: ${error.message}`);
    }
    done();
  });

  app.register(require('@fastify/websocket'));
  // The plugin's docs declare websocket routes in a plugin registered after it.
  app.register(async function realtime(app) {
    const relayed = cluster.isWorker;
    const broadcastLocally = (text) => {
      for (const client of app.websocketServer.clients) {
        if (client.readyState === WebSocket.OPEN) client.send(text);
      }
    };
    // GET /ws: every text message goes to every /ws connection of every worker, the sender included.
    app.get('/ws', { websocket: true }, (socket) => {
      socket.on('error', (err) => console.error(`fastify: /ws: ${err.message}`));
      socket.on('message', (data, isBinary) => {
        if (isBinary) return; // spec v2 forwards text messages only
        const text = data.toString();
        broadcastLocally(text);
        if (relayed) process.send({ ws: text });
      });
    });
    if (relayed) {
      process.on('message', (msg) => {
        if (msg && typeof msg.ws === 'string') broadcastLocally(msg.ws);
      });
    }
  });

  app.get('/json', { schema: routes.json }, async () => {
    return { message: 'Hello, World!' };
  });

  app.get('/api/users/:id', { schema: routes.user }, async function (request, reply) {
    const { id } = request.params;
    // users.id is a PostgreSQL integer: a larger id cannot exist, and sending it would
    // make the query fail ("out of range for type integer") instead of finding nothing.
    if (id < INT32_MIN || id > INT32_MAX) {
      return reply.code(404).send({ error: 'User not found' });
    }
    const { rows } = await this.pg.query(USER_SQL, [id]);
    if (rows.length === 0) {
      return reply.code(404).send({ error: 'User not found' });
    }
    return rows[0];
  });

  app.get('/io', { schema: routes.io }, async (request) => {
    const { ms } = request.query;
    await sleep(ms);
    return { waitedMs: ms };
  });

  app.get('/cpu', { schema: routes.cpu }, async function (request) {
    const { n } = request.query;
    return { n, primes: await this.piscina.run(n) };
  });

  return app;
}

async function startServer(config) {
  const app = buildApp(config);
  try {
    await app.listen({ port: config.port, host: HOST });
  } catch (err) {
    fail(`cannot listen on ${HOST}:${config.port}: ${err.message}`);
  }
  console.log(`fastify: pid ${process.pid} listening on http://${HOST}:${config.port}`);
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
      console.error(`fastify: worker ${worker.process.pid} exited (${how}) before listening; stopping`);
      stop(1);
      return;
    }
    console.error(`fastify: worker ${worker.process.pid} died (${how}); starting a new one`);
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

  console.log(`fastify: primary ${process.pid} starting ${config.workers} workers`);
  for (let i = 0; i < config.workers; i++) cluster.fork();
}

const config = readConfig(process.env);
if (config.workers > 1 && cluster.isPrimary) startPrimary(config);
else startServer(config);
