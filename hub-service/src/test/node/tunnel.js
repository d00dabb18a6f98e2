'use strict';
// One official JavaScript client tunnelled through the hub service to a test app server.
// Usage: node tunnel.js <serviceBaseUrl> <hub> <token> <transport> <protocol>
//   transport: WebSockets | ServerSentEvents | LongPolling; protocol: json | messagepack
// Prints one JSON line with what each step returned and the messages the client received.

const signalR = require('@microsoft/signalr');
const { MessagePackHubProtocol } = require('@microsoft/signalr-protocol-msgpack');

const [baseUrl, hub, token, transportName, protocol] = process.argv.slice(2);
if (!baseUrl || !hub || !token || !transportName || !protocol) {
  console.error('usage: node tunnel.js <serviceBaseUrl> <hub> <token> <transport> <protocol>');
  process.exit(2);
}
const WAIT_MS = 20000;

function withTimeout(promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${WAIT_MS} ms waiting for ${what}`)), WAIT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function main() {
  let builder = new signalR.HubConnectionBuilder()
    .withUrl(`${baseUrl}/client/?hub=${hub}`, {
      transport: signalR.HttpTransportType[transportName],
      accessTokenFactory: () => token,
    })
    .configureLogging(signalR.LogLevel.Warning);
  if (protocol === 'messagepack') builder = builder.withHubProtocol(new MessagePackHubProtocol());
  const connection = builder.build();

  const received = [];
  const waiters = [];
  connection.on('message', (text) => {
    received.push(text);
    for (const waiter of waiters.splice(0)) waiter();
  });
  connection.on('getValue', (x) => x * 2);
  const nextMessage = (count) => withTimeout(new Promise((resolve) => {
    const check = () => (received.length >= count ? resolve(received[count - 1]) : waiters.push(check));
    check();
  }), `message #${count}`);

  const result = { transport: transportName, protocol };
  await withTimeout(connection.start(), 'start');
  result.connectionId = connection.connectionId;
  result.echo = await withTimeout(connection.invoke('echo', 'hi'), 'echo');
  result.join = await withTimeout(connection.invoke('join', 'room'), 'join');
  await withTimeout(connection.invoke('sendGroup', 'room', 'to the group'), 'sendGroup');
  result.groupMessage = await nextMessage(1);
  await withTimeout(connection.invoke('sendUser', 'to the user'), 'sendUser');
  result.userMessage = await nextMessage(2);
  await withTimeout(connection.invoke('broadcast', 'to everyone'), 'broadcast');
  result.broadcastMessage = await nextMessage(3);
  result.clientResult = await withTimeout(connection.invoke('askClient', 21), 'askClient');
  await withTimeout(connection.invoke('big', 100000), 'big');
  result.bigMessageLength = (await nextMessage(4)).length;
  await connection.stop();
  result.state = connection.state;
  return result;
}

main().then(
  (result) => { console.log(JSON.stringify(result)); process.exit(0); },
  (error) => { console.log(JSON.stringify({ error: String(error && error.message || error) })); process.exit(0); },
);
