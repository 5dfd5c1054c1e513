'use strict';

// GET /ws (docs/api.md, workload realtime): the `ws` package's WebSocketServer on the
// framework's node:http server, which has no WebSocket support of its own. Every text
// message goes, unchanged, to every open /ws connection of this process, the sender
// included; in a node:cluster worker it also goes to the primary over IPC, which
// forwards it to every other worker (cluster.js). Pings are answered by ws itself.

const cluster = require('node:cluster');
const { WebSocketServer, WebSocket } = require('ws');

/** Sends `text` to every open /ws connection of this process. */
function broadcastLocally(wss, text) {
  for (const client of wss.clients) {
    if (client.readyState === WebSocket.OPEN) client.send(text);
  }
}

/** Serves GET /ws on node:http server `server`; `name` prefixes its error lines. */
module.exports = function attachRealtime(name, server) {
  const wss = new WebSocketServer({ server, path: '/ws' });
  const relayed = cluster.isWorker;
  wss.on('connection', (socket) => {
    socket.on('error', (err) => console.error(`${name}: /ws: ${err.message}`));
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
  return wss;
};
