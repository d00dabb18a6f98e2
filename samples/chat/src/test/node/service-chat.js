// The chat through a hub-service with two chat servers, as the official SignalR client sees it.
// Four people on four transport/protocol pairs negotiate through a front (what a load balancer does);
// room messages and announcements from either chat server reach all of them. Then the test stops the
// first chat server: its clients reconnect by themselves, through the service, to the second one.
//
// usage: node service-chat.js <frontUrl> <firstServerUrl> <secondServerUrl> <signalDir>
// The script and the test take turns through files in <signalDir>: the script writes phase-one-done,
// the test writes placement ("<clients on first>,<clients on second>") and first-server-stopped.
// Prints ONE line of JSON with what it observed and exits 0; on failure prints the error and exits 1.
'use strict';

const fs = require('fs');
const path = require('path');
const signalR = require('@microsoft/signalr');
const { MessagePackHubProtocol } = require('@microsoft/signalr-protocol-msgpack');

const [frontUrl, firstUrl, secondUrl, signalDir] = process.argv.slice(2);
if (!signalDir) {
  console.error('usage: node service-chat.js <frontUrl> <firstServerUrl> <secondServerUrl> <signalDir>');
  process.exit(2);
}

const WAIT_MS = 60000;
const T = signalR.HttpTransportType;

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function until(test, what, ms = WAIT_MS) {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for ' + what);
    await sleep(20);
  }
}

function person(name, transport, protocol) {
  const builder = new signalR.HubConnectionBuilder()
    .withUrl(frontUrl + '/hubs/chat?user=' + encodeURIComponent(name), { transport })
    .withAutomaticReconnect([0, 500, 1000, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000])
    .configureLogging(signalR.LogLevel.None);
  if (protocol === 'messagepack') builder.withHubProtocol(new MessagePackHubProtocol());
  const connection = builder.build();
  const p = { name, connection, phase: 'before', seen: { before: [], after: [] }, reconnected: 0 };
  connection.on('receiveMessage', (message) => p.seen[p.phase].push('message:' + message.text));
  connection.on('announcement', (announcement) => p.seen[p.phase].push('announcement:' + announcement.text));
  connection.onreconnected(() => { p.reconnected++; });
  return p;
}

function transportName(p) {
  const transport = p.connection.connection && p.connection.connection.transport;
  const name = transport ? transport.constructor.name : '';
  if (name.includes('WebSocket')) return 'WebSockets';
  if (name.includes('ServerSentEvents')) return 'ServerSentEvents';
  if (name.includes('LongPolling')) return 'LongPolling';
  return name;
}

async function announce(serverUrl, text) {
  const response = await fetch(serverUrl + '/api/announcements', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  if (response.status !== 202) throw new Error('announcement refused by ' + serverUrl + ': ' + response.status);
}

async function main() {
  const people = [
    person('alice', T.WebSockets, 'json'),
    person('bob', T.ServerSentEvents, 'json'),
    person('carol', T.LongPolling, 'json'),
    person('dave', T.WebSockets, 'messagepack'),
  ];
  const [alice, bob, , dave] = people;
  for (const p of people) {
    await p.connection.start();
    await p.connection.invoke('joinRoom', 'general');
  }
  const transports = people.map(transportName);

  await alice.connection.invoke('sendMessage', 'general', 'hello from alice');
  await dave.connection.invoke('sendMessage', 'general', 'hello from dave');
  await announce(firstUrl, 'from the first server');
  await announce(secondUrl, 'from the second server');
  await until(() => people.every((p) => p.seen.before.length >= 4), 'the first four messages everywhere');
  await sleep(200); // anything extra that was on its way shows up in the result
  for (const p of people) p.phase = 'after';

  fs.writeFileSync(path.join(signalDir, 'phase-one-done'), 'yes');
  await until(() => fs.existsSync(path.join(signalDir, 'first-server-stopped')), 'the first server to stop', 90000);
  const onFirst = Number(fs.readFileSync(path.join(signalDir, 'placement'), 'utf8').split(',')[0]);

  await until(() => people.reduce((n, p) => n + p.reconnected, 0) >= onFirst
      && people.every((p) => p.connection.state === signalR.HubConnectionState.Connected),
    'the clients of the stopped server to reconnect');
  for (const p of people) {
    await p.connection.invoke('joinRoom', 'general');
  }
  await bob.connection.invoke('sendMessage', 'general', 'still here, says bob');
  await announce(secondUrl, 'from the second server again');
  await until(() => people.every((p) => p.seen.after.length >= 2), 'the messages after the loss everywhere');
  await sleep(200);

  const result = { transports, reconnected: people.reduce((n, p) => n + p.reconnected, 0) };
  for (const p of people) {
    result[p.name] = { before: p.seen.before, after: p.seen.after, state: p.connection.state };
  }
  for (const p of people) await p.connection.stop();
  console.log(JSON.stringify(result));
}

main().then(() => process.exit(0), (error) => {
  console.error(error && error.stack ? error.stack : String(error));
  process.exit(1);
});
