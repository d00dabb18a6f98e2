'use strict';
// Traffic for the metrics test: four official clients (WebSockets with JSON and MessagePack, long
// polling with JSON) invoke, fail, stream and use a group; the script reads the server's gauges while
// they are connected, then stops every client.
// Usage: node metrics.js <serverBaseUrl>
// Prints one JSON line with what it saw; exits 1 with the error on failure.

const signalR = require('@microsoft/signalr');
const { MessagePackHubProtocol } = require('@microsoft/signalr-protocol-msgpack');
const { Inbox, errorOf, collectStream, withTimeout } = require('./support');

const [baseUrl] = process.argv.slice(2);
if (!baseUrl) {
  console.error('usage: node metrics.js <serverBaseUrl>');
  process.exit(2);
}
const problems = [];

function connect(user, transport, protocol) {
  const builder = new signalR.HubConnectionBuilder()
    .withUrl(`${baseUrl}/hubs/metered?user=${user}`, { transport: signalR.HttpTransportType[transport] })
    .configureLogging({
      log(level, message) {
        if (level >= signalR.LogLevel.Warning) problems.push(message);
      },
    });
  if (protocol === 'messagepack') builder.withHubProtocol(new MessagePackHubProtocol());
  const connection = builder.build();
  const inbox = new Inbox(connection, ['told']);
  const closed = new Promise((resolve) => connection.onclose((error) => resolve(error ? String(error) : null)));
  return { connection, inbox, closed };
}

async function main() {
  const ann = connect('ann', 'WebSockets', 'json');
  const bob = connect('bob', 'WebSockets', 'json');
  const annPacked = connect('ann', 'WebSockets', 'messagepack');
  const cy = connect('cy', 'LongPolling', 'json');
  const all = [ann, bob, annPacked, cy];
  await Promise.all(all.map((c) => c.connection.start()));

  const r = {};
  r.echoes = [];
  for (const c of all) r.echoes.push(await c.connection.invoke('echo', 'hello'));
  r.failure = await errorOf(ann.connection.invoke('fail'));
  r.streamed = await collectStream(ann.connection.stream('countTo', 3));
  await ann.connection.invoke('join', 'room');
  await annPacked.connection.invoke('join', 'room');
  await bob.connection.invoke('tellGroup', 'room', 'hi');
  r.told = [(await ann.inbox.next('told'))[0], (await annPacked.inbox.next('told'))[0]];

  const response = await withTimeout(fetch(`${baseUrl}/test/gauges`), 'the gauges');
  r.gauges = await response.json();

  for (const c of all) {
    await c.connection.stop();
    await withTimeout(c.closed, 'onclose');
  }
  r.problems = problems;
  console.log(JSON.stringify(r));
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : String(error));
  process.exit(1);
});
