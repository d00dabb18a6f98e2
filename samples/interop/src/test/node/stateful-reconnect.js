'use strict';
// Stateful reconnect with the official JS client: a paced server stream and paced client sends run
// while the test cuts the socket (through its proxy); the client must resume on the same connection.
// Usage: node stateful-reconnect.js <proxiedBaseUrl> <items> <periodMillis> <sends>
// Prints one JSON line: { items, recorded, connectionIdBefore, connectionIdAfter, reconnecting, closeError, log }.

const signalR = require('@microsoft/signalr');

const [baseUrl, itemCount, periodMillis, sendCount] = process.argv.slice(2);
const log = [];
const logger = { log(level, message) { if (level >= signalR.LogLevel.Information) log.push(`${signalR.LogLevel[level]}: ${message}`); } };

function withTimeout(promise, what, ms = 60000) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms); })])
    .finally(() => clearTimeout(timer));
}

async function main() {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(`${baseUrl}/stateful`, { transport: signalR.HttpTransportType.WebSockets, logger })
    .withStatefulReconnect()
    .configureLogging(logger)
    .build();
  let reconnecting = 0;
  connection.onreconnecting(() => { reconnecting += 1; });
  let closeError;
  connection.onclose((error) => { closeError = error ? String(error) : null; });
  await connection.start();
  const connectionIdBefore = await connection.invoke('ConnectionId');

  const items = [];
  const streamed = new Promise((resolve, reject) => {
    connection.stream('Counter', Number(itemCount), Number(periodMillis))
      .subscribe({ next: (item) => items.push(item), error: reject, complete: resolve });
  });
  const sent = (async () => {
    for (let i = 0; i < Number(sendCount); i += 1) {
      await connection.send('Record', i);
      await new Promise((resolve) => setTimeout(resolve, Number(periodMillis)));
    }
  })();
  await withTimeout(Promise.all([streamed, sent]), 'the stream and the sends');
  const recorded = await withTimeout(connection.invoke('Recorded'), 'Recorded');
  const connectionIdAfter = await connection.invoke('ConnectionId');
  await connection.stop();
  return { items, recorded, connectionIdBefore, connectionIdAfter, reconnecting, closeError, log };
}

main().then(
  (result) => { console.log(JSON.stringify(result)); process.exit(0); },
  (error) => { console.error(error && error.stack ? error.stack : String(error)); console.error(JSON.stringify(log)); process.exit(1); },
);
