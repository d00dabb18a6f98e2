// The chat hub's rules as the official SignalR client sees them, without a browser: alice speaks JSON,
// bob MessagePack. Checks what the page never sends (it validates first): refused names, bad rooms,
// messages outside a room, over-long texts, the rate limit, direct-message rules; and the events
// (joined, typing, left, offline, messages, direct messages, history stream) over both protocols.
//
// usage: node hub-rules.js <baseUrl>      (the server runs with chat.rate-limit.burst=4 and a near-zero refill)
// Prints ONE line of JSON with what it observed and exits 0; on failure prints the error and exits 1.
'use strict';

const signalR = require('@microsoft/signalr');
const { MessagePackHubProtocol } = require('@microsoft/signalr-protocol-msgpack');

const baseUrl = process.argv[2];
if (!baseUrl) {
  console.error('usage: node hub-rules.js <baseUrl>');
  process.exit(2);
}

const WAIT_MS = 10000;
const EVENTS = ['receiveMessage', 'directMessage', 'userJoined', 'userLeft', 'userOnline', 'userOffline', 'typing'];

function build(user, protocol) {
  const query = user === null ? '' : '?user=' + encodeURIComponent(user);
  const builder = new signalR.HubConnectionBuilder()
    .withUrl(baseUrl + '/hubs/chat' + query, { transport: signalR.HttpTransportType.WebSockets })
    .configureLogging(signalR.LogLevel.None);
  if (protocol === 'messagepack') builder.withHubProtocol(new MessagePackHubProtocol());
  const connection = builder.build();
  connection.events = [];
  for (const name of EVENTS) connection.on(name, (...args) => connection.events.push({ name, args }));
  return connection;
}

function timeout(promise, what) {
  let timer;
  const expiry = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out waiting for ' + what)), WAIT_MS);
  });
  return Promise.race([promise, expiry]).finally(() => clearTimeout(timer));
}

// Resolves with the args of the first recorded event `name` that matches `test`.
function event(connection, name, test = () => true) {
  return timeout(new Promise((resolve) => {
    const poll = () => {
      const found = connection.events.find((e) => e.name === name && test(...e.args));
      if (found) resolve(found.args);
      else setTimeout(poll, 10);
    };
    poll();
  }), `${name} on ${connection.baseUrl}`);
}

// The error text of a call that should be refused, or null when it succeeded.
async function refusal(call) {
  try {
    await timeout(call, 'a hub call');
    return null;
  } catch (error) {
    return error.message;
  }
}

function collect(stream) {
  return timeout(new Promise((resolve, reject) => {
    const items = [];
    stream.subscribe({ next: (item) => items.push(item), complete: () => resolve(items), error: reject });
  }), 'a stream');
}

// How the server ends a connection whose user name it refuses.
async function closeReason(user) {
  const connection = build(user, 'json');
  const closed = new Promise((resolve) => connection.onclose((error) => resolve(error ? error.message : null)));
  try {
    await timeout(connection.start(), 'start');
  } catch (error) {
    return error.message;
  }
  return timeout(closed, 'the close of a refused connection');
}

function plain(message) {
  return { room: message.room, from: message.from, to: message.to, text: message.text,
    sentAtIsTime: !Number.isNaN(new Date(message.sentAt).getTime()) };
}

async function main() {
  const seen = {};
  seen.refusedName = await closeReason('two words');
  seen.missingName = await closeReason(null);

  const alice = build('alice', 'json');
  const bob = build('bob', 'messagepack');
  await timeout(alice.start(), 'alice start');
  await timeout(bob.start(), 'bob start');
  try {
    await event(alice, 'userOnline', (user) => user === 'bob');
    seen.online = await alice.invoke('onlineUsers');
    seen.outsideRoom = await refusal(alice.invoke('sendMessage', 'general', 'hi'));
    seen.badRoom = await refusal(alice.invoke('joinRoom', 'two words'));
    seen.aliceJoined = await alice.invoke('joinRoom', '#General');
    seen.foreignHistory = await refusal(collect(alice.stream('history', 'random')));

    seen.bobJoined = await bob.invoke('joinRoom', 'general');
    seen.aliceSawJoin = await event(alice, 'userJoined');
    seen.rooms = await alice.invoke('rooms');

    seen.tooLong = await refusal(alice.invoke('sendMessage', 'general', 'x'.repeat(501)));
    seen.blank = await refusal(alice.invoke('sendMessage', 'general', '   '));
    await alice.invoke('sendMessage', 'general', '  hello bob  ');
    seen.bobReceived = plain((await event(bob, 'receiveMessage'))[0]);
    seen.bobHistory = (await collect(bob.stream('history', 'general'))).map(plain);

    seen.toSelf = await refusal(alice.invoke('sendDirectMessage', 'alice', 'hi me'));
    seen.toNobody = await refusal(alice.invoke('sendDirectMessage', 'nobody', 'anyone?'));
    await alice.invoke('sendDirectMessage', 'bob', 'psst');
    seen.bobDirect = plain((await event(bob, 'directMessage'))[0]);
    seen.aliceDirectEcho = plain((await event(alice, 'directMessage'))[0]);

    // burst 4: "hello bob" and "psst" used two tokens, so two more pass and the next is refused
    seen.burst = [];
    for (const text of ['one', 'two', 'three']) seen.burst.push(await refusal(alice.invoke('sendMessage', 'general', text)));

    await bob.send('typing', 'general', true);
    seen.aliceSawTyping = await event(alice, 'typing');
    seen.bobLeft = await bob.invoke('leaveRoom');
    seen.aliceSawLeave = await event(alice, 'userLeft');
    await bob.stop();
    seen.aliceSawOffline = await event(alice, 'userOffline');
    seen.bobGotOwnJoin = bob.events.some((e) => e.name === 'userJoined');
  } finally {
    await alice.stop();
    await bob.stop();
  }
  console.log(JSON.stringify(seen));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error && error.stack ? error.stack : String(error));
    process.exit(1);
  });
