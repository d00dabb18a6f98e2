'use strict';
// Official JS clients of two app servers that share one hub-service (the service backplane).
// Usage: node endtoend-scale-out.js <appServer1BaseUrl> <appServer2BaseUrl>
// Clients negotiate with either app server and the service routes them to one of the two; every
// routing call is made by a client on behalf of the hub and must reach exactly the right clients,
// wherever they are, exactly once. Client results are asked across app servers and within one.
// Prints one JSON line (what each client received before the final marker, where each client runs,
// the client-result outcomes); exits 1 with the error on failure.

const signalR = require('@microsoft/signalr');
const { MessagePackHubProtocol } = require('@microsoft/signalr-protocol-msgpack');

const servers = process.argv.slice(2);
if (servers.length !== 2) {
  console.error('usage: node endtoend-scale-out.js <appServer1BaseUrl> <appServer2BaseUrl>');
  process.exit(2);
}
const WAIT_MS = 20000;
const clientLog = [];

function withTimeout(promise, what, ms = WAIT_MS) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function errorOf(promise) {
  try {
    await withTimeout(promise, 'a call that should fail');
    return null;
  } catch (error) {
    return error.message;
  }
}

// Records the calls of client methods in arrival order.
class Inbox {
  constructor(connection, methods) {
    this.entries = [];
    for (const method of methods) {
      connection.on(method, (...args) => { this.entries.push({ name: method, args }); });
    }
  }

  async first(name) {
    await withTimeout(new Promise((resolve) => {
      const poll = () => (this.entries.some((e) => e.name === name) ? resolve() : setTimeout(poll, 10));
      poll();
    }), `client method '${name}'`);
    return this.entries.find((e) => e.name === name).args;
  }

  // The texts of every `m` received before m(label).
  async until(label) {
    await withTimeout(new Promise((resolve) => {
      const poll = () => (this.entries.some((e) => e.name === 'm' && e.args[0] === label)
        ? resolve() : setTimeout(poll, 10));
      poll();
    }), `m('${label}')`);
    const index = this.entries.findIndex((e) => e.name === 'm' && e.args[0] === label);
    return this.entries.slice(0, index).filter((e) => e.name === 'm').map((e) => e.args[0]);
  }
}

const TRANSPORTS = [signalR.HttpTransportType.WebSockets, signalR.HttpTransportType.ServerSentEvents,
  signalR.HttpTransportType.LongPolling];
let count = 0;

// A client negotiating with app server `server` (0-1) speaking `protocol`, as `user` (or anonymous).
async function connect(server, protocol, user) {
  const query = user ? `?user=${encodeURIComponent(user)}` : '';
  const transport = protocol === 'messagepack' ? signalR.HttpTransportType.WebSockets : TRANSPORTS[count++ % 3];
  const builder = new signalR.HubConnectionBuilder()
    .withUrl(`${servers[server]}/hubs/scale${query}`, { transport })
    .configureLogging({
      log(level, message) {
        if (level >= signalR.LogLevel.Warning) clientLog.push(message);
      },
    });
  if (protocol === 'messagepack') builder.withHubProtocol(new MessagePackHubProtocol());
  const connection = builder.build();
  const inbox = new Inbox(connection, ['welcome', 'm']);
  await withTimeout(connection.start(), `client negotiating with app server ${server + 1} to connect`);
  const [id] = await inbox.first('welcome');
  if (id !== connection.connectionId) throw new Error(`welcome for ${id}, not ${connection.connectionId}`);
  const runsOn = await connection.invoke('server');
  const userSeen = await connection.invoke('user');
  return { connection, inbox, id, runsOn, userSeen };
}

async function main() {
  const a = await connect(0, 'json', 'ann');
  const b = await connect(1, 'messagepack', 'ann');
  const c = await connect(0, 'json', 'bob');
  const d = await connect(1, 'messagepack', 'carl');
  const e = await connect(0, 'json', null);
  const f = await connect(1, 'messagepack', 'ann');
  const clients = { a, b, c, d, e, f };
  for (const [name, client] of Object.entries(clients)) {
    if (name !== 'e') client.connection.on('compute', (value) => value * 2 + 2);
  }

  // groups: "room" = a, b, f; "lobby" = d — added by other clients, wherever they run
  await a.connection.invoke('addToGroup', a.id, 'room');
  await c.connection.invoke('addToGroup', b.id, 'room');
  await e.connection.invoke('addToGroup', f.id, 'room');
  await d.connection.invoke('addToGroup', d.id, 'lobby');
  await d.connection.invoke('addToGroup', 'no-such-connection', 'lobby');

  await b.connection.invoke('sendAll', 'all');
  await c.connection.invoke('sendAllExcept', 'all but a and e', [a.id, e.id]);
  await d.connection.invoke('sendClient', c.id, 'to c');
  await e.connection.invoke('sendClients', [a.id, f.id, e.id], 'to a, f and e');
  await f.connection.invoke('sendGroup', 'room', 'room');
  await a.connection.invoke('sendGroups', ['room', 'lobby'], 'room and lobby');
  await b.connection.invoke('sendGroupExcept', 'room', 'room but b', [b.id]);
  await c.connection.invoke('sendUser', 'ann', 'ann');
  await d.connection.invoke('sendUsers', ['bob', 'carl', 'nobody'], 'bob and carl');
  await a.connection.invoke('sendOthers', 'others of a');
  await f.connection.invoke('sendOthersInGroup', 'room', 'room but f');
  await e.connection.invoke('removeFromGroup', a.id, 'room');
  await c.connection.invoke('sendGroup', 'room', 'room after a left');

  // client results: across app servers and within one
  const r = { received: {}, servers: {}, users: {} };
  const answering = ['a', 'b', 'c', 'd', 'f'];
  const cross = answering.flatMap((x) => answering.map((y) => [x, y]))
    .find(([x, y]) => x !== y && clients[x].runsOn !== clients[y].runsOn);
  const same = answering.flatMap((x) => answering.map((y) => [x, y]))
    .find(([x, y]) => x !== y && clients[x].runsOn === clients[y].runsOn);
  if (cross) {
    r.crossPair = cross.map((n) => clients[n].runsOn);
    r.crossResult = await withTimeout(clients[cross[0]].connection.invoke('ask', clients[cross[1]].id, 20), 'ask');
  }
  if (same) {
    r.samePair = same.map((n) => clients[n].runsOn);
    r.sameResult = await withTimeout(clients[same[0]].connection.invoke('ask', clients[same[1]].id, 5), 'ask');
  }
  const askerOfE = answering.find((n) => clients[n].runsOn !== e.runsOn) || 'a';
  r.withoutHandlerPair = [clients[askerOfE].runsOn, e.runsOn];
  r.resultWithoutHandler = await errorOf(clients[askerOfE].connection.invoke('ask', e.id, 1));
  r.resultOfUnknownConnection = await errorOf(f.connection.invoke('ask', 'no-such-connection', 1));

  // the marker: sent after every message above by the same client, so it reaches each client after them
  await b.connection.invoke('sendAll', 'end');
  for (const [name, client] of Object.entries(clients)) {
    r.received[name] = (await client.inbox.until('end')).sort();
    r.servers[name] = client.runsOn;
    r.users[name] = client.userSeen;
  }
  for (const client of Object.values(clients)) await client.connection.stop();
  r.clientLog = clientLog;
  return r;
}

main().then(
  (result) => { console.log(JSON.stringify(result)); process.exit(0); },
  (error) => { console.error(error && error.stack ? error.stack : String(error)); console.error(JSON.stringify(clientLog)); process.exit(1); },
);
