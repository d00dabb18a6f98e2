'use strict';
// One end-to-end scenario with the official SignalR JS client over one transport.
// Usage: node e2e.js <serverBaseUrl> <json|messagepack> [WebSockets|ServerSentEvents|LongPolling]
// Prints one JSON line with everything observed; exits 1 with the error on failure.

const signalR = require('@microsoft/signalr');
const { HttpConnection } = require('@microsoft/signalr/dist/cjs/HttpConnection');
const { MessagePackHubProtocol } = require('@microsoft/signalr-protocol-msgpack');
const { Inbox, errorOf, collectStream, withTimeout } = require('./support');

const [baseUrl, protocol, transportName = 'WebSockets'] = process.argv.slice(2);
const transport = signalR.HttpTransportType[transportName];
if (!baseUrl || !['json', 'messagepack'].includes(protocol) || transport === undefined) {
  console.error('usage: node e2e.js <serverBaseUrl> <json|messagepack> [WebSockets|ServerSentEvents|LongPolling]');
  process.exit(2);
}
const hubUrl = `${baseUrl}/hubs/test`;
const clientLog = [];

const CLIENT_METHODS = ['welcome', 'notified', 'streamCanceled', 'groupMessage', 'userMessage', 'barrier', 'broadcast'];

function connect(query, options = {}) {
  const builder = new signalR.HubConnectionBuilder()
    .withUrl(hubUrl + query, { transport, ...options })
    .configureLogging({
      log(level, message) {
        if (level >= signalR.LogLevel.Warning) clientLog.push(message);
      },
    });
  if (protocol === 'messagepack') builder.withHubProtocol(new MessagePackHubProtocol());
  const connection = builder.build();
  const inbox = new Inbox(connection, CLIENT_METHODS);
  connection.on('getNumber', () => 42);
  const closed = new Promise((resolve) => connection.onclose((error) => resolve(error ? String(error) : null)));
  return { connection, inbox, closed };
}

async function main() {
  const r = { protocol };
  const a = connect('?user=alice');
  await a.connection.start();
  r.welcome = (await a.inbox.next('welcome'))[0];
  r.connectionId = a.connection.connectionId;
  r.transport = await a.connection.invoke('transportName');
  r.protocolName = await a.connection.invoke('protocolName');
  r.wasConnected = await a.connection.invoke('wasConnected');
  r.userAgentSeen = (await a.connection.invoke('header', 'User-Agent')) || null;

  // invoke and return
  r.echo = await a.connection.invoke('echo', 'hello');
  r.add = await a.connection.invoke('add', 2, 3);
  r.person = await a.connection.invoke('echoPerson',
    { name: 'Ada', age: 36, tags: ['math', 'engines'], address: { city: 'London', latitude: 51.5 } });
  const nothing = await a.connection.invoke('doNothing');
  r.voidResult = nothing === null ? 'null' : typeof nothing;

  // send: no answer, but the hub runs
  await a.connection.send('notifyMe', 'ping');
  r.notified = (await a.inbox.next('notified'))[0];

  // server-to-client stream, client-to-server stream, cancel
  r.countDown = await collectStream(a.connection.stream('countDown', 3));
  const subject = new signalR.Subject();
  const concatenated = a.connection.invoke('concat', subject);
  for (const part of ['up', 'load', 'ed']) subject.next(part);
  subject.complete();
  r.concat = await concatenated;
  r.cancel = await cancelEndlessStream(a);

  // groups: a and b join; others-in-group skips the caller; b leaves
  const b = connect('?user=bob');
  const c = connect('?user=alice');
  await Promise.all([b.connection.start(), c.connection.start()]);
  await a.connection.invoke('join', 'room');
  await b.connection.invoke('join', 'room');
  await a.connection.invoke('sendToGroup', 'room', 'm1');
  await a.connection.invoke('sendToOthersInGroup', 'room', 'm2');
  await b.connection.invoke('leave', 'room');
  await a.connection.invoke('sendToGroup', 'room', 'm3');
  await a.connection.invoke('barrier', 'groups');
  r.groups = {};
  for (const [name, peer] of [['a', a], ['b', b], ['c', c]]) {
    r.groups[name] = (await peer.inbox.until('barrier', 'groups', 'groupMessage')).map((args) => args[1]);
  }

  // users: a and c are alice, b is bob
  r.whoAmI = [await a.connection.invoke('whoAmI'), await b.connection.invoke('whoAmI'), await c.connection.invoke('whoAmI')];
  await a.connection.invoke('sendToUser', 'alice', 'u1');
  await a.connection.invoke('sendToUser', 'nobody', 'u2');
  await a.connection.invoke('barrier', 'users');
  r.users = {};
  for (const [name, peer] of [['a', a], ['b', b], ['c', c]]) {
    r.users[name] = (await peer.inbox.until('barrier', 'users', 'userMessage')).map((args) => args[0]);
  }

  // client results, asked by the hub on behalf of b, and from a controller through HubContext<TestHub>
  r.clientResult = await b.connection.invoke('askClient', a.connection.connectionId, 'getNumber');
  r.clientResultWithoutHandler = await b.connection.invoke('askClient', a.connection.connectionId, 'noHandlerForThis');
  r.clientResultFromController = await (await fetch(`${baseUrl}/api/clientresult/${a.connection.connectionId}`)).text();

  // HubContext<TestHub> from a controller reaches every client of the hub
  const sent = await fetch(`${baseUrl}/api/broadcast?text=${encodeURIComponent('to everyone')}`, { method: 'POST' });
  r.broadcastStatus = sent.status;
  r.broadcast = [];
  for (const peer of [a, b, c]) r.broadcast.push((await peer.inbox.next('broadcast'))[0]);

  // error texts; the connection stays usable afterwards
  r.errors = {
    unknownMethod: await errorOf(a.connection.invoke('noSuchMethod', 1)),
    plainException: await errorOf(a.connection.invoke('throwPlain', 'secret detail')),
    hubException: await errorOf(a.connection.invoke('throwHub', 'told you so')),
    wrongArgumentCount: await errorOf(a.connection.invoke('add', 1)),
  };
  r.afterErrors = await a.connection.invoke('echo', 'still here');
  r.filtered = await a.connection.invoke('filtered');

  const peers = [a, b, c];
  if (transport === signalR.HttpTransportType.WebSockets) {
    // a client that skips negotiation gets a connection made on the spot
    const d = connect('', { skipNegotiation: true });
    await d.connection.start();
    r.skipNegotiation = {
      welcome: (await d.inbox.next('welcome'))[0],
      echo: await d.connection.invoke('echo', 'skipped'),
    };
    peers.push(d);
  }

  r.rawEcho = await rawEcho();

  // stop everyone; the hub's OnDisconnected is checked by the Java side with these ids
  for (const peer of peers) await peer.connection.stop();
  r.closeErrors = await Promise.all(peers.map((peer) => peer.closed));
  r.connectionIds = [r.welcome, (await b.inbox.first('welcome'))[0], (await c.inbox.first('welcome'))[0]];
  if (r.skipNegotiation) r.connectionIds.push(r.skipNegotiation.welcome);
  r.clientLog = clientLog;
  return r;
}

// The raw connection endpoint (no hub protocol) over the same transport: greeting, echo, clean stop.
async function rawEcho() {
  const connection = new HttpConnection(`${baseUrl}/raw/echo`, { transport, logger: signalR.NullLogger.instance });
  const received = [];
  let arrived;
  const waitFor = (count) => withTimeout(new Promise((resolve) => {
    arrived = () => { if (received.length >= count) resolve(); };
    arrived();
  }), `${count} raw message(s)`);
  connection.onreceive = (data) => { received.push(typeof data === 'string' ? data : Buffer.from(data).toString()); if (arrived) arrived(); };
  const closed = new Promise((resolve) => { connection.onclose = (error) => resolve(error ? String(error) : null); });
  await connection.start(signalR.TransferFormat.Text);
  await waitFor(1);
  await connection.send('ping 1');
  await waitFor(2);
  await connection.send('ping 2');
  await waitFor(3);
  await connection.stop();
  return { received, closeError: await closed };
}

async function cancelEndlessStream(peer) {
  let items = 0;
  let subscription;
  await withTimeout(new Promise((resolve, reject) => {
    subscription = peer.connection.stream('endless').subscribe({
      next: () => { items += 1; if (items === 2) resolve(); },
      error: reject,
      complete: () => reject(new Error('endless stream completed')),
    });
  }), 'two items of the endless stream');
  subscription.dispose();
  await peer.inbox.next('streamCanceled');
  return { itemsBeforeCancel: items, hubSawCancel: true };
}

main().then(
  (result) => { console.log(JSON.stringify(result)); process.exit(0); },
  (error) => { console.error(error && error.stack ? error.stack : String(error)); console.error(JSON.stringify(clientLog)); process.exit(1); },
);
