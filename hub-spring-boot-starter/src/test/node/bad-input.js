'use strict';
// Bad input from raw WebSocket peers, while an official-client connection keeps working.
// Usage: node bad-input.js <serverBaseUrl> <maximumMessageSizeBytes>
// Prints one JSON line: per case, what the server sent back (decoded) and how it closed, and
// what the official client's invocations after each case returned.

const WebSocket = require('ws');
const msgpack = require('@msgpack/msgpack');
const signalR = require('@microsoft/signalr');
const { withTimeout } = require('./support');

const [baseUrl, maxSizeArg] = process.argv.slice(2);
if (!baseUrl || !maxSizeArg) {
  console.error('usage: node bad-input.js <serverBaseUrl> <maximumMessageSizeBytes>');
  process.exit(2);
}
const maxSize = Number(maxSizeArg);
const hubPath = '/hubs/test';
const wsUrl = baseUrl.replace(/^http/, 'ws') + hubPath;
const RS = '\u001e';

const JSON_HANDSHAKE = `{"protocol":"json","version":1}${RS}`;
const MSGPACK_HANDSHAKE = `{"protocol":"messagepack","version":1}${RS}`;

// Decodes what the server sent: the handshake answer (JSON text, in a text or binary frame), then
// JSON records or VarInt-framed MessagePack records.
function decodeFrames(frames, binaryProtocol) {
  const messages = [];
  let handshakeSeen = false;
  for (const frame of frames) {
    let bytes = frame;
    if (!handshakeSeen) {
      const text = Buffer.from(bytes).toString('utf8');
      const end = text.indexOf(RS);
      messages.push({ handshake: JSON.parse(text.slice(0, end)) });
      handshakeSeen = true;
      bytes = Buffer.from(bytes).subarray(Buffer.byteLength(text.slice(0, end + 1), 'utf8'));
      if (bytes.length === 0) continue;
    }
    if (binaryProtocol) {
      let offset = 0;
      while (offset < bytes.length) {
        let length = 0;
        let shift = 0;
        let byte;
        do {
          byte = bytes[offset++];
          length |= (byte & 0x7f) << shift;
          shift += 7;
        } while (byte & 0x80);
        messages.push(msgpack.decode(bytes.subarray(offset, offset + length)));
        offset += length;
      }
    } else {
      for (const record of Buffer.from(bytes).toString('utf8').split(RS)) {
        if (record.length > 0) messages.push(JSON.parse(record));
      }
    }
  }
  return messages;
}

// Opens a raw WebSocket, sends each payload in turn (strings as text frames, Buffers as binary),
// and collects what comes back until the server closes or `done(messages)` says enough.
function rawSession(name, payloads, { binaryProtocol = false, done = null } = {}) {
  return withTimeout(new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl);
    const frames = [];
    let finished = false;
    const finish = (close) => {
      if (finished) return;
      finished = true;
      try {
        resolve({ messages: decodeFrames(frames, binaryProtocol), close });
      } catch (error) {
        reject(new Error(`${name}: cannot decode ${JSON.stringify(frames.map((f) => Buffer.from(f).toString('hex')))}: ${error}`));
      }
    };
    socket.binaryType = 'nodebuffer';
    socket.on('open', () => {
      for (const payload of payloads) socket.send(payload);
    });
    socket.on('message', (data) => {
      frames.push(Buffer.from(data));
      if (done) {
        let messages;
        try { messages = decodeFrames(frames, binaryProtocol); } catch (error) { return; }
        if (done(messages)) {
          socket.close(1000);
          finish({ code: 'closed by peer after answer' });
        }
      }
    });
    socket.on('close', (code, reason) => finish({ code, reason: reason.toString() }));
    socket.on('error', (error) => reject(new Error(`${name}: ${error.message}`)));
  }), `case ${name}`);
}

function varint(length) {
  const bytes = [];
  do {
    let byte = length & 0x7f;
    length >>>= 7;
    if (length > 0) byte |= 0x80;
    bytes.push(byte);
  } while (length > 0);
  return Buffer.from(bytes);
}

async function main() {
  const healthy = new signalR.HubConnectionBuilder()
    .withUrl(`${baseUrl}${hubPath}`, { transport: signalR.HttpTransportType.WebSockets })
    .configureLogging(signalR.LogLevel.None)
    .build();
  await healthy.start();
  const r = { cases: {}, healthyAfter: {} };

  const cases = {
    garbageHandshake: () => rawSession('garbageHandshake', [`this is not a handshake${RS}`]),
    unknownProtocol: () => rawSession('unknownProtocol', [`{"protocol":"carrier-pigeon","version":1}${RS}`]),
    malformedJson: () => rawSession('malformedJson', [JSON_HANDSHAKE, `{"type":1,"target":${RS}`]),
    malformedMessagePack: () => rawSession('malformedMessagePack',
      [Buffer.from(MSGPACK_HANDSHAKE), Buffer.concat([varint(1), Buffer.from([0x05])])], { binaryProtocol: true }),
    unknownMessageType: () => rawSession('unknownMessageType',
      [JSON_HANDSHAKE, `{"type":99,"future":true}${RS}{"type":1,"invocationId":"1","target":"echo","arguments":["still here"]}${RS}`],
      { done: (messages) => messages.some((m) => m.type === 3) }),
    oversizedMessage: () => rawSession('oversizedMessage',
      [JSON_HANDSHAKE, `{"type":1,"target":"echo","arguments":["${'x'.repeat(maxSize + 1000)}"]}${RS}`]),
    oversizedWithoutSeparator: () => rawSession('oversizedWithoutSeparator',
      [JSON_HANDSHAKE, `{"type":1,"target":"echo","arguments":["${'y'.repeat(maxSize + 1000)}`]),
  };
  for (const [name, run] of Object.entries(cases)) {
    r.cases[name] = await run();
    r.healthyAfter[name] = await healthy.invoke('echo', `after ${name}`);
  }
  await healthy.stop();

  const fresh = new signalR.HubConnectionBuilder()
    .withUrl(`${baseUrl}${hubPath}`)
    .configureLogging(signalR.LogLevel.None)
    .build();
  await fresh.start();
  r.freshConnection = await fresh.invoke('echo', 'fresh');
  await fresh.stop();
  return r;
}

main().then(
  (result) => { console.log(JSON.stringify(result)); process.exit(0); },
  (error) => { console.error(error && error.stack ? error.stack : String(error)); process.exit(1); },
);
