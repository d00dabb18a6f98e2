'use strict';
// One official JavaScript client connected to the hub service in serverless mode.
// Usage: node serverless-client.js <serviceBaseUrl> <hub> <token> <transport> <protocol> <expectedMessages>
//   transport: WebSockets | ServerSentEvents | LongPolling; protocol: json | messagepack
// Invokes 'echo' (answered by the upstream), 'fail' (the upstream answers 500) and sends 'notify',
// then waits for <expectedMessages> 'message' calls (sent through the REST API by the test) and
// prints one JSON line with everything it observed.

const signalR = require('@microsoft/signalr');

const [baseUrl, hub, token, transportName, protocolName, expected] = process.argv.slice(2);
if (!baseUrl || !hub || !token || !transportName || !protocolName || !expected) {
  console.error('usage: node serverless-client.js <serviceBaseUrl> <hub> <token> <transport> <protocol> <expectedMessages>');
  process.exit(2);
}
const WAIT_MS = 30000;

function withTimeout(promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${WAIT_MS} ms waiting for ${what}`)), WAIT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function main() {
  const builder = new signalR.HubConnectionBuilder()
    .withUrl(`${baseUrl}/client/?hub=${hub}`, {
      transport: signalR.HttpTransportType[transportName],
      accessTokenFactory: () => token,
    })
    .configureLogging(signalR.LogLevel.Warning);
  if (protocolName === 'messagepack') {
    const msgpack = require('@microsoft/signalr-protocol-msgpack');
    builder.withHubProtocol(new msgpack.MessagePackHubProtocol());
  }
  const connection = builder.build();

  const received = [];
  const waiters = [];
  connection.on('message', (...args) => {
    received.push(args);
    for (const waiter of waiters.splice(0)) waiter();
  });
  const allMessages = (count) => withTimeout(new Promise((resolve) => {
    const check = () => (received.length >= count ? resolve() : waiters.push(check));
    check();
  }), `${count} messages (got ${received.length})`);

  const result = { transport: transportName, protocol: protocolName };
  await withTimeout(connection.start(), 'start');
  result.connectionId = connection.connectionId;
  result.echo = await withTimeout(connection.invoke('echo', 'hi', 42), 'echo');
  try {
    await withTimeout(connection.invoke('fail'), 'fail');
    result.failError = 'no error';
  } catch (e) {
    result.failError = e.message;
  }
  await withTimeout(connection.send('notify', { text: 'fire and forget' }), 'notify');
  await allMessages(Number(expected));
  result.messages = received;
  await connection.stop();
  result.state = connection.state;
  console.log(JSON.stringify(result));
}

main().catch((e) => {
  console.log(JSON.stringify({ error: String(e && e.stack || e) }));
  process.exit(0);
});
