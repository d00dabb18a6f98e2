'use strict';
// Two official JavaScript clients, each connected to another instance of a scaled-out hub service
// in serverless mode. Usage:
//   node scaleout-clients.js <urlA> <urlB> <hub> <tokenA> <tokenB> <expectedA> <expectedB> <idsFile>
// Writes {"a": <connectionId>, "b": <connectionId>} to <idsFile> once both are connected, waits for
// the expected number of 'message' calls on each, then for A to be closed by the service, stops B and
// prints one JSON line with what both observed.

const fs = require('fs');
const signalR = require('@microsoft/signalr');

const [urlA, urlB, hub, tokenA, tokenB, expectedA, expectedB, idsFile] = process.argv.slice(2);
if (!idsFile) {
  console.error('usage: node scaleout-clients.js <urlA> <urlB> <hub> <tokenA> <tokenB> <expectedA> <expectedB> <idsFile>');
  process.exit(2);
}
const WAIT_MS = 40000;

function withTimeout(promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${WAIT_MS} ms waiting for ${what}`)), WAIT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function client(url, token) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(`${url}/client/?hub=${hub}`, { accessTokenFactory: () => token })
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  const state = { connection, received: [], waiters: [] };
  connection.on('message', (text) => {
    state.received.push(text);
    for (const waiter of state.waiters.splice(0)) waiter();
  });
  state.closed = new Promise((resolve) => connection.onclose((error) => resolve(error ? error.message : null)));
  state.messages = (count) => withTimeout(new Promise((resolve) => {
    const check = () => (state.received.length >= count ? resolve() : state.waiters.push(check));
    check();
  }), `${count} messages at ${url} (got ${JSON.stringify(state.received)})`);
  return state;
}

async function main() {
  const a = client(urlA, tokenA);
  const b = client(urlB, tokenB);
  await withTimeout(a.connection.start(), 'start A');
  await withTimeout(b.connection.start(), 'start B');
  fs.writeFileSync(idsFile, JSON.stringify({ a: a.connection.connectionId, b: b.connection.connectionId }));
  await a.messages(Number(expectedA));
  await b.messages(Number(expectedB));
  const closeError = await withTimeout(a.closed, 'A to be closed by the service');
  await b.connection.stop();
  console.log(JSON.stringify({ a: a.received, b: b.received, aCloseError: closeError }));
}

main().catch((e) => {
  console.log(JSON.stringify({ error: String(e && e.stack || e) }));
  process.exit(0);
});
