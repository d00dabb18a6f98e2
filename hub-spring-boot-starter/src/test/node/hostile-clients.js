'use strict';
// Hostile raw WebSocket peers flood one server — malformed JSON and MessagePack, huge length
// prefixes, deep nesting, bogus invocation/stream ids, ping floods, a handshake that never comes —
// and negotiate requests with garbage parameters come in, while an official client on the same server exchanges messages. The official client must see
// every answer right and never lose its connection; each hostile peer must be answered or closed.
// Usage: node hostile-clients.js <serverBaseUrl>
// Prints one JSON line with what it saw; exits 1 with the error on failure.

const WebSocket = require('ws');
const signalR = require('@microsoft/signalr');
const { withTimeout } = require('./support');

const [baseUrl] = process.argv.slice(2);
if (!baseUrl) {
  console.error('usage: node hostile-clients.js <serverBaseUrl>');
  process.exit(2);
}
const hubPath = '/hubs/limited';
const wsUrl = baseUrl.replace(/^http/, 'ws') + hubPath;
const RS = '\u001e';

// Opens a raw WebSocket (negotiation skipped), optionally handshakes, runs `attack`, and resolves
// with how the server ended it: { code, closedByServer, frames }.
function hostilePeer(protocol, attack) {
  return withTimeout(new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl);
    let frames = 0;
    let closedByUs = false;
    socket.on('message', () => { frames++; });
    socket.on('error', () => {});
    socket.on('close', (code) => resolve({ code, closedByServer: !closedByUs, frames }));
    socket.on('open', async () => {
      try {
        if (protocol) socket.send(`{"protocol":"${protocol}","version":1}${RS}`);
        const stop = await attack(socket);
        if (stop) {
          closedByUs = true;
          socket.close(1000);
        }
      } catch (error) {
        reject(error);
      }
    });
  }), `a hostile ${protocol || 'silent'} peer to end`, 30000);
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function varint(length) {
  const bytes = [];
  do {
    let b = length & 0x7f;
    length >>>= 7;
    if (length > 0) b |= 0x80;
    bytes.push(b);
  } while (length > 0);
  return Buffer.from(bytes);
}

const attacks = {
  // garbage JSON records: the server closes with a protocol error
  malformedJson: () => hostilePeer('json', async (s) => {
    for (let i = 0; i < 50; i++) s.send(`{"type":1,"target":${'['.repeat(i)}${RS}`);
    s.send(`not json at all${RS}`);
    return false;
  }),
  // truncated and mistyped MessagePack
  malformedMessagePack: () => hostilePeer('messagepack', async (s) => {
    s.send(Buffer.concat([varint(3), Buffer.from([0x95, 0xa1, 0x78])]));
    s.send(Buffer.concat([varint(2), Buffer.from([0x91, 0xc1])]));
    return false;
  }),
  // a length prefix announcing 1 GB, then data up to past the limit
  hugeLengthPrefix: () => hostilePeer('messagepack', async (s) => {
    s.send(Buffer.concat([Buffer.from([0x80, 0x80, 0x80, 0x80, 0x04]), Buffer.alloc(20000)]));
    await pause(50);
    s.send(Buffer.alloc(20000));
    return false;
  }),
  // arguments nested 30 000 deep in JSON: beyond Jackson's nesting limit
  deepNesting: () => hostilePeer('json', async (s) => {
    s.send(`{"type":1,"invocationId":"1","target":"echo","arguments":[${'['.repeat(15000)}${']'.repeat(15000)}]}${RS}`);
    return false;
  }),
  // unknown ids: completions, stream items and cancels for nothing, then a valid call still works
  bogusIds: () => hostilePeer('json', async (s) => {
    for (let i = 0; i < 200; i++) {
      s.send(`{"type":3,"invocationId":"nope-${i}","result":1}${RS}{"type":2,"invocationId":"x${i}","item":1}${RS}`
        + `{"type":5,"invocationId":"y${i}"}${RS}`);
    }
    s.send(`{"type":1,"invocationId":"real","target":"echo","arguments":["after bogus ids"]}${RS}`);
    await pause(500);
    return true;
  }),
  // a flood of pings
  pingFlood: () => hostilePeer('json', async (s) => {
    const pings = `{"type":6}${RS}`.repeat(1000);
    for (let i = 0; i < 20; i++) s.send(pings);
    await pause(200);
    return true;
  }),
  // connects and never sends its handshake: closed after the handshake timeout
  slowloris: () => hostilePeer(null, async () => false),
  // a handshake sent one byte at a time, never finished
  slowHandshake: () => hostilePeer(null, async (s) => {
    const text = '{"protocol":"json","vers';
    for (const ch of text) {
      s.send(ch);
      await pause(50);
    }
    return false;
  }),
};

// Negotiate requests with garbage parameters: each answer as { status, body } (body parsed when JSON).
const garbageNegotiates = {
  nonNumericVersion: 'negotiateVersion=abc',
  emptyVersion: 'negotiateVersion=',
  hugeVersion: 'negotiateVersion=99999999999999999999',
  largestIntVersion: 'negotiateVersion=2147483647',
  repeatedVersion: 'negotiateVersion=1&negotiateVersion=1',
  statefulYes: 'negotiateVersion=1&useStatefulReconnect=yes',
  statefulUpperCase: 'negotiateVersion=1&UseStatefulReconnect=TRUE',
  statefulRepeated: 'negotiateVersion=1&useStatefulReconnect=true&useStatefulReconnect=true',
  longQuery: `negotiateVersion=1&junk=${'x'.repeat(20000)}`,
};

async function negotiateWith(query) {
  const response = await withTimeout(fetch(`${baseUrl}${hubPath}/negotiate?${query}`, { method: 'POST' }),
    `negotiate ?${query.slice(0, 60)}`);
  const text = await response.text();
  let body = text;
  try { body = JSON.parse(text); } catch (e) { /* not JSON: kept as text */ }
  return { status: response.status, body };
}

async function main() {
  const official = new signalR.HubConnectionBuilder()
    .withUrl(`${baseUrl}${hubPath}`, { transport: signalR.HttpTransportType.WebSockets })
    .configureLogging(signalR.LogLevel.None)
    .build();
  let officialClosed = null;
  official.onclose((error) => { officialClosed = error ? String(error) : 'closed'; });
  await official.start();

  const echoes = (async () => {
    const wrong = [];
    let done = 0;
    for (let i = 0; i < 300; i++) {
      const answer = await official.invoke('echo', `message ${i}`);
      if (answer !== `message ${i}`) wrong.push(answer);
      done++;
      if (i % 20 === 0) await pause(10);
    }
    return { done, wrong };
  })();

  const names = Object.keys(attacks);
  const negotiateNames = Object.keys(garbageNegotiates);
  const [results, negotiates] = await Promise.all([
    Promise.all(names.map((name) => attacks[name]())),
    Promise.all(negotiateNames.map((name) => negotiateWith(garbageNegotiates[name]))),
  ]);
  const r = { attacks: {}, negotiate: {} };
  names.forEach((name, i) => { r.attacks[name] = results[i]; });
  negotiateNames.forEach((name, i) => { r.negotiate[name] = negotiates[i]; });
  r.echoes = await withTimeout(echoes, 'the official client\'s echoes', 30000);
  r.afterAttacks = await official.invoke('echo', 'still connected');
  r.officialClosed = officialClosed;
  r.officialState = official.state;
  await official.stop();
  console.log(JSON.stringify(r));
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : String(error));
  process.exit(1);
});
