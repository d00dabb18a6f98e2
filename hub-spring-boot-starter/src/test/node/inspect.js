'use strict';
// Connects two official clients to the inspected hub, puts them in groups, and reads the Actuator
// hubs endpoint and health while they are connected.
// Usage: node inspect.js <serverBaseUrl>
// Prints one JSON line with the endpoint's answers; exits 1 with the error on failure.

const signalR = require('@microsoft/signalr');
const { withTimeout } = require('./support');

const [baseUrl] = process.argv.slice(2);
if (!baseUrl) {
  console.error('usage: node inspect.js <serverBaseUrl>');
  process.exit(2);
}

function connect(user) {
  return new signalR.HubConnectionBuilder()
    .withUrl(`${baseUrl}/hubs/inspected?user=${user}`, { transport: signalR.HttpTransportType.WebSockets })
    .configureLogging(signalR.LogLevel.None)
    .build();
}

async function get(path) {
  const response = await withTimeout(fetch(baseUrl + path), path);
  return { status: response.status, body: await response.json() };
}

async function main() {
  const ann = connect('ann');
  const bob = connect('bob');
  await Promise.all([ann.start(), bob.start()]);
  await ann.invoke('join', 'blue');
  await bob.invoke('join', 'blue');
  await bob.invoke('join', 'green');

  const r = {};
  r.hubs = await get('/actuator/hubs');
  r.inspected = await get('/actuator/hubs/InspectedHub');
  r.health = await get('/actuator/health');

  await Promise.all([ann.stop(), bob.stop()]);
  console.log(JSON.stringify(r));
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : String(error));
  process.exit(1);
});
