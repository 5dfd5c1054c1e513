// Stackbench contestant "nestjs": the Stackbench API (docs/api.md, spec v2) on NestJS with its
// default platform (Express) and TypeORM over node-postgres; GET /ws (realtime) is a gateway on
// Nest's ws adapter (@nestjs/platform-ws). WORKERS > 1 runs a node:cluster.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { WsAdapter } from '@nestjs/platform-ws';
import { AppModule } from './app.module.js';
import { BROADCAST_EVENT } from './broadcast.gateway.js';
import { runClustered } from './cluster.js';
import { readConfig } from './config.js';

const SERVER_NAME = 'nestjs';
const HOST = '127.0.0.1';

const config = readConfig(SERVER_NAME, process.env);
runClustered(SERVER_NAME, config.workers, async () => {
  const app = await NestFactory.create<NestExpressApplication>(AppModule);
  app.disable('x-powered-by');
  app.use((req: unknown, res: { setHeader(name: string, value: string): void }, next: () => void) => {
    res.setHeader('Server', SERVER_NAME);
    next();
  });
  // The spec's /ws messages are raw text, not the adapter's default {event, data} JSON: every
  // text message is the gateway's broadcast event; binary ones (Buffers) are dropped.
  app.useWebSocketAdapter(
    new WsAdapter(app, {
      messageParser: (data) => (typeof data === 'string' ? { event: BROADCAST_EVENT, data } : undefined),
    }),
  );
  // SIGTERM closes the HTTP server and TypeORM's pool through Nest's shutdown hooks.
  app.enableShutdownHooks();
  await app.listen(config.port, HOST);
  console.log(`${SERVER_NAME}: pid ${process.pid} listening on http://${HOST}:${config.port}`);
});
