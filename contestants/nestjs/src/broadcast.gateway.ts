import cluster from 'node:cluster';
import { MessageBody, OnGatewayInit, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { WebSocket, WebSocketServer as WsServer } from 'ws';

/** The event name main.ts's message parser gives every text message received on /ws. */
export const BROADCAST_EVENT = 'broadcast';

/**
 * GET /ws (docs/api.md, workload realtime) on the WsAdapter: every text message goes, unchanged,
 * to every open /ws connection of this process, the sender included; in a node:cluster worker it
 * also goes to the primary over IPC, which forwards it to every other worker (cluster.ts).
 * The handler returns nothing, so Nest sends no reply of its own; ws answers pings itself.
 */
@WebSocketGateway({ path: '/ws' })
export class BroadcastGateway implements OnGatewayInit {
  @WebSocketServer()
  server!: WsServer;

  afterInit(): void {
    if (cluster.isWorker) {
      process.on('message', (msg: { ws?: unknown }) => {
        if (msg && typeof msg.ws === 'string') this.broadcastLocally(msg.ws);
      });
    }
  }

  @SubscribeMessage(BROADCAST_EVENT)
  broadcast(@MessageBody() text: string): void {
    this.broadcastLocally(text);
    if (cluster.isWorker) process.send?.({ ws: text });
  }

  private broadcastLocally(text: string): void {
    for (const client of this.server.clients) {
      if (client.readyState === WebSocket.OPEN) client.send(text);
    }
  }
}
