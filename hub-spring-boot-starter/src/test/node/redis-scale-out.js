'use strict';
// Official JS clients spread over three app servers that share one Redis backplane.
// Usage: node redis-scale-out.js <server1BaseUrl> <server2BaseUrl> <server3BaseUrl>
// Every routing call is made by a client of one server and must reach exactly the right clients,
// on all three servers, exactly once. Prints one JSON line: what each client received before the
// final marker, the connection ids, and the client-result outcomes; exits 1 with the error on failure.

const signalR = require('@microsoft/signalr');
const { MessagePackHubProtocol } = require('@microsoft/signalr-protocol-msgpack');
const { Inbox, errorOf, withTimeout } = require('./support');

const servers = process.argv.slice(2);
if (servers.length !== 3) {
  console.error('usage: node redis-scale-out.js <server1BaseUrl> <server2BaseUrl> <server3BaseUrl>');
  process.exit(2);
}
const clientLog = [];

// A client of server `server` (0-2) speaking `protocol`, as `user` (or anonymous).
async function connect(server, protocol, user) {
  const query = user ? `?user=${encodeURIComponent(user)}` : '';
  const builder = new signalR.HubConnectionBuilder()
    .withUrl(`${servers[server]}/hubs/scale${query}`, { transport: signalR.HttpTransportType.WebSockets })
    .configureLogging({
      log(level, message) {
        if (level >= signalR.LogLevel.Warning) clientLog.push(message);
      },
    });
  if (protocol === 'messagepack') builder.withHubProtocol(new MessagePackHubProtocol());
  const connection = builder.build();
  const inbox = new Inbox(connection, ['welcome', 'm']);
  await withTimeout(connection.start(), `client of server ${server + 1} to connect`);
  // the welcome comes from OnConnected, which runs once the backplane registered the connection
  const [id] = await inbox.next('welcome');
  if (id !== connection.connectionId) throw new Error(`welcome for ${id}, not ${connection.connectionId}`);
  return { connection, inbox, id, server: server + 1 };
}

async function main() {
  const a = await connect(0, 'json', 'ann');
  const b = await connect(1, 'messagepack', 'ann');
  const c = await connect(2, 'json', 'bob');
  const d = await connect(0, 'messagepack', 'carl');
  const e = await connect(1, 'json', null);
  const f = await connect(2, 'messagepack', 'ann');
  const clients = { a, b, c, d, e, f };
  c.connection.on('compute', (value) => value * 2 + 2);

  // groups: "room" = a, b, f (b and f added by clients of other servers); "lobby" = d
  await a.connection.invoke('addToGroup', a.id, 'room');
  await c.connection.invoke('addToGroup', b.id, 'room');
  await e.connection.invoke('addToGroup', f.id, 'room');
  await d.connection.invoke('addToGroup', d.id, 'lobby');

  // every routing call, each from a client of another server than the previous one
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

  // client results across servers: c (server 3) answers a (server 1); e (server 2) has no handler
  // and its client answers d (server 1) with an error
  const r = { ids: {}, received: {} };
  r.result = await a.connection.invoke('ask', c.id, 20);
  r.resultWithoutHandler = await errorOf(d.connection.invoke('ask', e.id, 1));
  r.resultOfUnknownConnection = await errorOf(f.connection.invoke('ask', 'no-such-connection', 1));

  // the marker: published after every message above, so it reaches each client after them
  await b.connection.invoke('sendAll', 'end');
  for (const [name, client] of Object.entries(clients)) {
    r.ids[name] = client.id;
    r.received[name] = (await client.inbox.until('m', 'end', 'm')).map((args) => args[0]).sort();
  }
  r.servers = Object.fromEntries(Object.entries(clients).map(([name, client]) => [name, client.server]));
  for (const client of Object.values(clients)) await client.connection.stop();
  r.clientLog = clientLog;
  return r;
}

main().then(
  (result) => { console.log(JSON.stringify(result)); process.exit(0); },
  (error) => { console.error(error && error.stack ? error.stack : String(error)); console.error(JSON.stringify(clientLog)); process.exit(1); },
);
