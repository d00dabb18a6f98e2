'use strict';
// A client whose app server goes away: connects, writes its connection id to <signalFile>, then
// waits for the service to close it and reports the close error.
// Usage: node server-loss.js <serviceBaseUrl> <hub> <token> <transport> <signalFile>
// The test drops the app server once <signalFile> exists (the script creates it once connected).

const fs = require('fs');
const signalR = require('@microsoft/signalr');

const [baseUrl, hub, token, transportName, signalFile] = process.argv.slice(2);
const WAIT_MS = 30000;

async function main() {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(`${baseUrl}/client/?hub=${hub}`, {
      transport: signalR.HttpTransportType[transportName],
      accessTokenFactory: () => token,
    })
    .configureLogging(signalR.LogLevel.None)
    .build();
  const closed = new Promise((resolve) => connection.onclose((error) => resolve(error ? error.message : null)));
  await connection.start();
  const connectionId = connection.connectionId;
  fs.writeFileSync(signalFile, connectionId);
  let timer;
  const closeError = await Promise.race([
    closed,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('the service did not close the client')), WAIT_MS); }),
  ]).finally(() => clearTimeout(timer));
  return { connectionId, closeError, state: connection.state };
}

main().then(
  (result) => { console.log(JSON.stringify(result)); process.exit(0); },
  (error) => { console.log(JSON.stringify({ error: String(error && error.message || error) })); process.exit(0); },
);
