/** The environment of docs/contestants.md: PORT (required), WORKERS (default 1), DB_URL (required), DB_POOL. */
export interface Config {
  port: number;
  workers: number;
}

export function readConfig(name: string, env: NodeJS.ProcessEnv): Config {
  const fail = (message: string): never => {
    console.error(`${name}: ${message}`);
    process.exit(2);
  };
  const positiveInt = (key: string, fallback?: number): number => {
    const value = env[key];
    if (value === undefined || value === '') return fallback ?? fail(`${key} is not set`);
    if (!/^[1-9][0-9]*$/.test(value)) fail(`${key} (${value}) must be a positive integer`);
    return Number(value);
  };
  if (!env.DB_URL) fail('DB_URL is not set (postgresql://USER:PASSWORD@HOST:PORT/NAME)');
  positiveInt('DB_POOL', 10);
  return { port: positiveInt('PORT'), workers: positiveInt('WORKERS', 1) };
}
