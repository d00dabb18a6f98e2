'use strict';
// A slow consumer: a raw WebSocket peer joins a group and stops reading (its socket is paused)
// while an official client, in the same group, has thousands of messages broadcast to it. The
// server must close the slow peer by its outbound-queue policy; the official client must receive
// every message and stay connected.
// Usage: node slow-consumer.js <serverBaseUrl> <messageCount>
// Prints one JSON line with what it saw; exits 1 with the error on failure.

const WebSocket = require('ws');
const signalR = require('@microsoft/signalr');
const { withTimeout } = require('./support');

const [baseUrl, countText] = process.argv.slice(2);
if (!baseUrl || !countText) {
  console.error('usage: node slow-consumer.js <serverBaseUrl> <messageCount>');
  process.exit(2);
}
const count = Number(countText);
const hubPath = '/hubs/limited';
const RS = '\u001e';

// Opens a raw WebSocket, handshakes, joins `group` and resolves once the join is answered.
function slowPeer(group) {
  return withTimeout(new Promise((resolve, reject) => {
    const socket = new WebSocket(baseUrl.replace(/^http/, 'ws') + hubPath);
    const peer = { socket, records: 0, closed: null };
    peer.ended = new Promise((done) => socket.on('close', (code) => { peer.closed = { code }; done(); }));
    socket.on('error', () => {});
    socket.on('message', (data) => {
      peer.records += String(data).split(RS).length - 1; // the server may put several records in a frame
      if (String(data).includes('"invocationId":"join"')) resolve(peer);
    });
    socket.on('open', () => {
      socket.send(`{"protocol":"json","version":1}${RS}`);
      socket.send(`{"type":1,"invocationId":"join","target":"join","arguments":["${group}"]}${RS}`);
    });
    socket.on('close', () => reject(new Error('the slow peer was closed before it joined')));
  }), 'the slow peer to join');
}

async function main() {
  const official = new signalR.HubConnectionBuilder()
    .withUrl(`${baseUrl}${hubPath}`, { transport: signalR.HttpTransportType.WebSockets })
    .configureLogging(signalR.LogLevel.None)
    .build();
  let officialClosed = null;
  official.onclose((error) => { officialClosed = error ? String(error) : 'closed'; });
  let received = 0;
  let outOfOrder = 0;
  let roundDone = () => {};
  official.on('news', (i) => {
    if (i !== received % 100) outOfOrder++;
    received++;
    roundDone();
  });
  await official.start();
  await official.invoke('join', 'news');

  const slow = await slowPeer('news');
  slow.socket._socket.pause(); // stop reading: what the server sends piles up in its queue
  const text = 'x'.repeat(8000);

  // broadcast in rounds of 100; the next round starts once the official client has read the last,
  // so only the peer that stopped reading falls behind
  const r = { flooded: 0 };
  for (let round = 0; round * 100 < count; round++) {
    const target = Math.min(count, (round + 1) * 100);
    const roundRead = new Promise((resolve) => { roundDone = () => { if (received >= target) resolve(); }; });
    r.flooded += await withTimeout(official.invoke('flood', 'news', target - round * 100, text), 'a round to be sent');
    roundDone();
    await withTimeout(roundRead, 'the official client to read a round');
  }
  r.received = received;
  r.outOfOrder = outOfOrder;

  // read again: what was in flight arrives, then the close the server made long ago
  slow.socket._socket.resume();
  await withTimeout(slow.ended, 'the slow peer to be closed by the server', 30000);
  r.slowRecords = slow.records;
  r.slowClosed = slow.closed;
  r.afterFlood = await official.invoke('echo', 'still here');
  r.officialClosed = officialClosed;
  r.officialState = official.state;
  await official.stop();
  console.log(JSON.stringify(r));
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : String(error));
  process.exit(1);
});
