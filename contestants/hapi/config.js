'use strict';

// The environment of docs/contestants.md: PORT (required), WORKERS (default 1),
// DB_URL (required), DB_POOL (pool size per process, default 10).

module.exports = function readConfig(name, env) {
  const fail = (message) => {
    console.error(`${name}: ${message}`);
    process.exit(2);
  };
  const positiveInt = (key, fallback) => {
    const value = env[key];
    if (value === undefined || value === '') {
      if (fallback === undefined) fail(`${key} is not set`);
      return fallback;
    }
    if (!/^[1-9][0-9]*$/.test(value)) fail(`${key} (${value}) must be a positive integer`);
    return Number(value);
  };
  if (!env.DB_URL) fail('DB_URL is not set (postgresql://USER:PASSWORD@HOST:PORT/NAME)');
  return {
    port: positiveInt('PORT'),
    workers: positiveInt('WORKERS', 1),
    poolSize: positiveInt('DB_POOL', 10),
    dbUrl: env.DB_URL,
    fail,
  };
};
