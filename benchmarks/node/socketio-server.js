// The socket.io peer: the same operations as HubKit's benchmark hub, on socket.io's defaults except
// that only the WebSocket transport is offered (the load client does not poll) and per-message
// compression is off (as for every server in the run).
//   usage: node --expose-gc socketio-server.js <port>
// Events: echo(payload, ack) answers through the ack; broadcast(payload) emits broadcast(payload) to
// everyone; join(group, ack) joins a room and acknowledges; group(group, payload) emits group(payload) to the room.
// GET /bench/stats reports connections and memory after a full GC.
'use strict';

const http = require('http');
const { Server } = require('socket.io');

const port = Number(process.argv[2] || 8080);

function stats() {
  if (global.gc) {
    global.gc();
    global.gc();
  }
  const memory = process.memoryUsage();
  return {
    connections: io.engine.clientsCount,
    heapUsedBytes: memory.heapUsed,
    directUsedBytes: memory.external,
    rssBytes: memory.rss,
  };
}

const server = http.createServer((request, response) => {
  if (request.method === 'GET' && request.url === '/bench/stats') {
    response.setHeader('Content-Type', 'application/json');
    response.end(JSON.stringify(stats()));
    return;
  }
  if (!request.url.startsWith('/socket.io')) {
    response.statusCode = 404;
    response.end();
  }
});

const io = new Server(server, {
  transports: ['websocket'],
  perMessageDeflate: false,
  serveClient: false,
});

io.on('connection', (socket) => {
  socket.on('echo', (payload, ack) => {
    if (typeof ack === 'function') {
      ack(payload);
    }
  });
  socket.on('broadcast', (payload) => io.emit('broadcast', payload));
  socket.on('join', (group, ack) => {
    socket.join(String(group));
    if (typeof ack === 'function') {
      ack();
    }
  });
  socket.on('group', (group, payload) => io.to(String(group)).emit('group', payload));
});

server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`socket.io peer listening on ${port}\n`);
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => process.exit(0));
}
