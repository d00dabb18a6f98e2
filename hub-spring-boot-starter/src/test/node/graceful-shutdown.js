'use strict';
// A rolling deployment as the official JS client sees it. Each client reaches the servers through its
// own TCP proxy, which stands in for a load balancer with sticky sessions: it sends the client's
// connections to instance A until that client starts reconnecting, then to instance B. Each client
// asks where it is, starts a call that A only answers once the test lets it (after A began shutting
// down), then waits to be reconnected and asks again.
// Usage: node graceful-shutdown.js <portA> <portB>
// Prints one JSON line with what each client saw; exits 1 with the error on failure.

const http = require('http');
const net = require('net');
const signalR = require('@microsoft/signalr');
const { MessagePackHubProtocol } = require('@microsoft/signalr-protocol-msgpack');
const { withTimeout } = require('./support');

const [portA, portB] = process.argv.slice(2).map(Number);
if (!portA || !portB) {
  console.error('usage: node graceful-shutdown.js <portA> <portB>');
  process.exit(2);
}
const problems = [];

// One client's way in: each TCP connection goes to the instance that is current when it is accepted.
class StickyProxy {
  constructor(port) {
    this.target = port;
    this.server = net.createServer((downstream) => {
      const upstream = net.connect(this.target, '127.0.0.1');
      downstream.pipe(upstream);
      upstream.pipe(downstream);
      const end = () => {
        downstream.destroy();
        upstream.destroy();
      };
      downstream.on('error', end);
      upstream.on('error', end);
      downstream.on('close', end);
      upstream.on('close', end);
    });
  }

  async listen() {
    await new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${this.server.address().port}`;
  }

  close() {
    this.server.close();
  }
}

// HTTP requests on fresh TCP connections (no keep-alive pool), so that each one meets the proxy anew.
class FreshConnectionHttpClient extends signalR.HttpClient {
  send(request) {
    return new Promise((resolve, reject) => {
      if (request.abortSignal && request.abortSignal.aborted) {
        reject(new signalR.AbortError());
        return;
      }
      const url = new URL(request.url);
      const outgoing = http.request({
        hostname: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: request.method,
        headers: request.headers || {},
        agent: false,
      }, (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          const body = Buffer.concat(chunks);
          const content = request.responseType === 'arraybuffer'
            ? body.buffer.slice(body.byteOffset, body.byteOffset + body.length)
            : body.toString('utf8');
          if (response.statusCode >= 200 && response.statusCode < 300) {
            resolve(new signalR.HttpResponse(response.statusCode, response.statusMessage, content));
          } else {
            reject(new signalR.HttpError(response.statusMessage || 'HTTP error', response.statusCode));
          }
        });
        response.on('error', reject);
      });
      outgoing.on('error', reject);
      if (request.abortSignal) {
        request.abortSignal.onabort = () => {
          outgoing.destroy();
          reject(new signalR.AbortError());
        };
      }
      if (request.timeout) {
        outgoing.setTimeout(request.timeout, () => {
          outgoing.destroy();
          reject(new signalR.TimeoutError());
        });
      }
      if (request.content) {
        outgoing.write(typeof request.content === 'string' ? request.content : Buffer.from(request.content));
      }
      outgoing.end();
    });
  }
}

async function client(name, transport, protocol) {
  const proxy = new StickyProxy(portA);
  const baseUrl = await proxy.listen();
  const builder = new signalR.HubConnectionBuilder()
    .withUrl(`${baseUrl}/hubs/draining`, {
      transport: signalR.HttpTransportType[transport],
      httpClient: new FreshConnectionHttpClient(),
    })
    .withAutomaticReconnect([0, 250, 500, 1000, 2000, 5000])
    .configureLogging({
      log(level, message) {
        if (level >= signalR.LogLevel.Warning) problems.push(`${name}: ${message}`);
      },
    });
  if (protocol === 'messagepack') builder.withHubProtocol(new MessagePackHubProtocol());
  const connection = builder.build();
  const seen = { name, events: [] };
  const reconnected = new Promise((resolve) => connection.onreconnected(() => {
    seen.events.push('reconnected');
    resolve();
  }));
  connection.onreconnecting((error) => {
    proxy.target = portB; // the load balancer moves the client to the other instance
    seen.reconnectingError = error ? String(error) : null;
    seen.events.push('reconnecting');
  });
  return { connection, seen, reconnected, proxy };
}

async function run(c) {
  try {
    return await steps(c);
  } catch (error) {
    throw new Error(`${c.seen.name} failed after ${JSON.stringify(c.seen)}: ${error}`);
  }
}

async function steps(c) {
  await c.connection.start();
  c.seen.before = await c.connection.invoke('whereAmI');
  c.seen.result = await withTimeout(c.connection.invoke('work', c.seen.name), 'the running call', 60000);
  c.seen.events.push('result');
  await withTimeout(c.reconnected, 'the reconnection', 60000);
  c.seen.after = await c.connection.invoke('whereAmI');
  await c.connection.stop();
  c.proxy.close();
  return c.seen;
}

async function main() {
  const clients = await Promise.all([
    client('ws-json-1', 'WebSockets', 'json'),
    client('ws-json-2', 'WebSockets', 'json'),
    client('ws-msgpack', 'WebSockets', 'messagepack'),
    client('long-polling', 'LongPolling', 'json'),
  ]);
  const seen = await Promise.all(clients.map(run));
  console.log(JSON.stringify({ clients: seen, problems }));
  process.exit(0); // sockets the proxies still hold to the stopped instance must not keep the script alive
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : String(error));
  process.exit(1);
});
