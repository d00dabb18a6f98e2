'use strict';
// One official JavaScript client that only listens, for tests driving the REST API.
// Usage: node rest-listener.js <serviceBaseUrl> <hub> <token> <expectedMessages> <idFile>
// Writes its connection id to <idFile> once connected, waits for <expectedMessages> 'message' calls,
// then for the service to close it, and prints one JSON line with the messages and the close error.

const fs = require('fs');
const signalR = require('@microsoft/signalr');

const [baseUrl, hub, token, expected, idFile] = process.argv.slice(2);
if (!idFile) {
  console.error('usage: node rest-listener.js <serviceBaseUrl> <hub> <token> <expectedMessages> <idFile>');
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
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(`${baseUrl}/client/?hub=${hub}`, { accessTokenFactory: () => token })
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  const received = [];
  const waiters = [];
  connection.on('message', (...args) => {
    received.push(args);
    for (const waiter of waiters.splice(0)) waiter();
  });
  const closed = new Promise((resolve) => connection.onclose((error) => resolve(error ? error.message : null)));
  await withTimeout(connection.start(), 'start');
  fs.writeFileSync(idFile, connection.connectionId);
  await withTimeout(new Promise((resolve) => {
    const check = () => (received.length >= Number(expected) ? resolve() : waiters.push(check));
    check();
  }), `${expected} messages (got ${JSON.stringify(received)})`);
  const closeError = await withTimeout(closed, 'the service to close the connection');
  console.log(JSON.stringify({ connectionId: connection.connectionId, messages: received, closeError }));
}

main().catch((e) => {
  console.log(JSON.stringify({ error: String(e && e.stack || e) }));
  process.exit(0);
});
