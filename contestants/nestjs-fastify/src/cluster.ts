import cluster from 'node:cluster';

/**
 * Runs start() in `workers` node:cluster workers sharing the listening socket (the primary
 * serves nothing, re-forks a worker that dies and relays every /ws message a worker received
 * to the other workers, see broadcast.gateway.ts), or in this process when workers is 1.
 */
export function runClustered(name: string, workers: number, start: () => Promise<void>): void {
  if (workers <= 1 || !cluster.isPrimary) {
    start().catch((err: Error) => {
      console.error(`${name}: ${err.message}`);
      process.exit(1);
    });
    return;
  }
  const listening = new Set<number>();
  let stopping = false;

  const stop = (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    process.exitCode = exitCode;
    const running = Object.values(cluster.workers ?? {});
    if (running.length === 0) process.exit();
    for (const worker of running) worker?.process.kill('SIGTERM');
    setTimeout(() => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
      process.exit();
    }, 5000).unref();
  };

  cluster.on('listening', (worker) => listening.add(worker.id));
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
      return;
    }
    const how = signal ? `signal ${signal}` : `code ${code}`;
    if (!listening.has(worker.id)) {
      // A worker that cannot even start would only fail again: give up at once.
      console.error(`${name}: worker ${worker.process.pid} exited (${how}) before listening; stopping`);
      stop(1);
      return;
    }
    console.error(`${name}: worker ${worker.process.pid} died (${how}); starting a new one`);
    cluster.fork();
  });
  process.on('SIGTERM', () => stop(0));
  process.on('SIGINT', () => stop(0));

  // A /ws message one worker received goes to every other worker, which broadcasts it.
  cluster.on('message', (from, msg: { ws?: unknown }) => {
    if (!msg || typeof msg.ws !== 'string') return;
    for (const worker of Object.values(cluster.workers ?? {})) {
      if (worker && worker !== from && worker.isConnected()) worker.send(msg);
    }
  });

  console.log(`${name}: primary ${process.pid} starting ${workers} workers`);
  for (let i = 0; i < workers; i++) cluster.fork();
}
