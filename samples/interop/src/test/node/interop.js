'use strict';
// The official JS client's functional-test scenarios (HubConnectionTests, ConnectionTests,
// WebSocketTests of ASP.NET Core's FunctionalTests) against the interop server, in one Node run,
// plus the routing hub. Every transport x protocol pair the client supports in Node is covered
// (MessagePack is not offered over Server-Sent Events).
// Usage: node interop.js <serverBaseUrl> [only]   (only: run just the scenarios whose name contains it)
// Prints one JSON line: { total, passed, failed: [{ name, error }], names, counts }.

const assert = require('assert');
const signalR = require('@microsoft/signalr');
const { HttpConnection } = require('@microsoft/signalr/dist/cjs/HttpConnection');
const { getUserAgentHeader } = require('@microsoft/signalr/dist/cjs/Utils');
const { MessagePackHubProtocol } = require('@microsoft/signalr-protocol-msgpack');
const WebSocket = require('ws');

const [baseUrl, only] = process.argv.slice(2);
if (!baseUrl) {
  console.error('usage: node interop.js <serverBaseUrl>');
  process.exit(2);
}

const { HttpTransportType, TransferFormat } = signalR;
const TESTHUB = `${baseUrl}/testhub`;
const NOWEBSOCKETS = `${baseUrl}/testhub-nowebsockets`;
const REDIRECT = `${baseUrl}/redirect?numRedirects=0&baseUrl=${baseUrl}`;
const ECHO = `${baseUrl}/echo`;
const TEST_TIMEOUT_MS = 20000;
const MESSAGE = '你好，世界！';
const NAME_IDENTIFIER = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier';

const TRANSPORTS = ['WebSockets', 'ServerSentEvents', 'LongPolling'];
const PAIRS = [];
for (const transport of TRANSPORTS) {
  for (const protocol of ['json', 'messagepack']) {
    if (!(transport === 'ServerSentEvents' && protocol === 'messagepack')) PAIRS.push({ transport, protocol });
  }
}

// ---- a tiny test runner ------------------------------------------------------------------------

const results = [];
let open = [];
let clientLog = [];
const logger = {
  log(level, message) {
    if (level >= signalR.LogLevel.Warning) clientLog.push(`${signalR.LogLevel[level]}: ${message}`);
  },
};

function withTimeout(promise, what, ms = TEST_TIMEOUT_MS) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function test(name, body) {
  clientLog = [];
  try {
    await withTimeout(body(), name);
    results.push({ name, ok: true });
  } catch (error) {
    const ids = open.map((c) => c.connectionId).join(', ');
    results.push({ name, ok: false, error: `${error && error.stack ? error.stack : error}\nconnections: ${ids}\nclient log: ${clientLog.join(' | ')}` });
  } finally {
    const stopping = open;
    open = [];
    await Promise.all(stopping.map((c) => withTimeout(c.stop(), 'stop', 5000).catch(() => {})));
  }
}

function source() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

// ---- helpers -----------------------------------------------------------------------------------

function hub(url, transport, protocol, options = {}) {
  const httpOptions = { logMessageContent: true, logger, ...options };
  if (transport) httpOptions.transport = HttpTransportType[transport];
  const builder = new signalR.HubConnectionBuilder().withUrl(url, httpOptions).configureLogging(logger);
  if (protocol === 'messagepack') builder.withHubProtocol(new MessagePackHubProtocol());
  else builder.withHubProtocol(new signalR.JsonHubProtocol());
  return builder;
}

function track(connection) {
  open.push(connection);
  return connection;
}

function closedWith(connection) {
  return new Promise((resolve) => connection.onclose((error) => resolve(error)));
}

async function errorOf(promise) {
  try {
    const value = await promise;
    throw new Error(`expected an error, got ${JSON.stringify(value)}`);
  } catch (error) {
    if (String(error.message).startsWith('expected an error')) throw error;
    return error.message;
  }
}

function collect(stream) {
  return new Promise((resolve, reject) => {
    const items = [];
    stream.subscribe({ next: (item) => items.push(item), error: reject, complete: () => resolve(items) });
  });
}

async function jwt(user) {
  const response = await fetch(`${baseUrl}/generateJwtToken${user ? `?user=${encodeURIComponent(user)}` : ''}`);
  assert.strictEqual(response.status, 200);
  return response.text();
}

function normalize(value) {
  if (value instanceof Uint8Array) return Array.from(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(normalize);
  if (value && typeof value === 'object') {
    const out = {};
    for (const key of Object.keys(value).sort()) out[key] = normalize(value[key]);
    return out;
  }
  return value;
}

// ---- HubConnectionTests: every transport x protocol --------------------------------------------

function pairTests({ transport, protocol }) {
  const prefix = `${protocol} over ${transport}: `;
  const build = (url = TESTHUB, options) => track(hub(url, transport, protocol, options).build());
  const tests = [];
  const t = (name, body) => tests.push([prefix + name, body]);

  t('can invoke server method and receive result', async () => {
    const c = build();
    const closed = closedWith(c);
    await c.start();
    assert.strictEqual(await c.invoke('Echo', MESSAGE), MESSAGE);
    await c.stop();
    assert.strictEqual(await closed, undefined);
  });

  t('can invoke server method non-blocking and not receive result', async () => {
    const c = build();
    const closed = closedWith(c);
    await c.start();
    await c.send('Echo', MESSAGE);
    await c.stop();
    assert.strictEqual(await closed, undefined);
  });

  t('can invoke server method structural object and receive structural result', async () => {
    const c = build();
    const received = source();
    c.on('CustomObject', (customObject) => received.resolve(customObject));
    await c.start();
    await c.send('SendCustomObject', { Name: 'test', Value: 42 });
    const customObject = await received.promise;
    assert.strictEqual(customObject.Name, 'test');
    assert.strictEqual(customObject.Value, 42);
  });

  t('can stream server method and receive result', async () => {
    const c = build();
    await c.start();
    assert.deepStrictEqual(await collect(c.stream('Stream')), ['a', 'b', 'c']);
  });

  t('can stream server method and cancel stream', async () => {
    const c = build();
    const canceled = source();
    c.on('StreamCanceled', () => canceled.resolve());
    await c.start();
    const subscription = c.stream('InfiniteStream').subscribe({ next() {}, error: canceled.reject, complete() {} });
    subscription.dispose();
    await canceled.promise;
  });

  t('rethrows an exception from the server when invoking', async () => {
    const c = build();
    await c.start();
    assert.strictEqual(await errorOf(c.invoke('ThrowException', 'An error occurred.')),
      "An unexpected error occurred invoking 'ThrowException' on the server. InvalidOperationException: An error occurred.");
  });

  t('throws an exception when invoking streaming method with invoke', async () => {
    const c = build();
    await c.start();
    assert.strictEqual(await errorOf(c.invoke('EmptyStream')),
      "The client attempted to invoke the streaming 'EmptyStream' method with a non-streaming invocation.");
  });

  t('throws an exception when receiving a streaming result for method called with invoke', async () => {
    const c = build();
    await c.start();
    assert.strictEqual(await errorOf(c.invoke('Stream')),
      "The client attempted to invoke the streaming 'Stream' method with a non-streaming invocation.");
  });

  t('rethrows an exception from the server when streaming', async () => {
    const c = build();
    await c.start();
    assert.strictEqual(await errorOf(collect(c.stream('StreamThrowException', 'An error occurred.'))),
      "An unexpected error occurred invoking 'StreamThrowException' on the server. InvalidOperationException: An error occurred.");
  });

  t('throws an exception when invoking hub method with stream', async () => {
    const c = build();
    await c.start();
    assert.strictEqual(await errorOf(collect(c.stream('Echo', '42'))),
      "The client attempted to invoke the non-streaming 'Echo' method with a streaming invocation.");
  });

  t('can receive server calls (client method names ignore case)', async () => {
    const c = build();
    const received = source();
    c.on('mEssAge', (message) => received.resolve(message));
    await c.start();
    await c.invoke('InvokeWithString', '你好 SignalR！');
    assert.strictEqual(await received.promise, '你好 SignalR！');
  });

  t('can receive server calls without rebinding handler when restarted', async () => {
    const c = build();
    let calls = 0;
    c.on('message', () => { calls += 1; });
    for (let round = 0; round < 2; round += 1) {
      const closed = closedWith(c);
      await c.start();
      await c.invoke('InvokeWithString', 'hi');
      await c.stop();
      assert.strictEqual(await closed, undefined);
    }
    assert.strictEqual(calls, 2);
  });

  t('closed with error or start fails if hub cannot be created', async () => {
    const c = build(`${baseUrl}/uncreatable`);
    const expected = "Server returned an error on close: Connection closed with an error. InvalidOperationException: "
      + "Unable to resolve service for type 'System.Object' while attempting to activate 'FunctionalTests.UncreatableHub'.";
    const closed = closedWith(c);
    let message;
    try {
      await c.start();
      message = (await closed).message;
    } catch (error) {
      message = error.message;
      // The server ends the connection right after its Close message; a send the client made in
      // between (its first ping, over SSE and long polling a POST) may find the connection gone
      // and fail start() with that 404 instead — the official suite skips this test for such
      // races. The Close message must still have reached the client.
      if (message.includes("Status code '404'") && clientLog.some((line) => line.includes(expected))) {
        message = expected;
      }
    }
    assert.strictEqual(message, expected);
  });

  t('can handle different types', async () => {
    const c = build();
    await c.start();
    const complexObject = {
      ByteArray: protocol === 'json' ? 'aGVsbG8=' : new Uint8Array([0x68, 0x65, 0x6c, 0x6c, 0x6f]),
      DateTime: protocol === 'json' ? '2002-04-01T10:20:15Z' : new Date(Date.UTC(2002, 3, 1, 10, 20, 15)),
      Guid: '00010203-0405-0607-0706-050403020100',
      IntArray: [0x01, 0x02, 0x03, 0xff],
      String: 'Hello, World!',
    };
    const value = await c.invoke('EchoComplexObject', complexObject);
    if (protocol === 'messagepack') {
      assert.ok(value.ByteArray instanceof Uint8Array, 'ByteArray is binary');
      assert.ok(value.DateTime instanceof Date, 'DateTime is a timestamp');
    }
    assert.deepStrictEqual(normalize(value), normalize(complexObject));
  });

  t('can receive different types', async () => {
    const c = build();
    await c.start();
    const expected = {
      ByteArray: protocol === 'json' ? 'AQID' : new Uint8Array([0x1, 0x2, 0x3]),
      DateTime: protocol === 'json' ? '2000-01-01T00:00:00Z' : new Date(Date.UTC(2000, 0, 1)),
      Guid: '00010203-0405-0607-0706-050403020100',
      IntArray: [0x01, 0x02, 0x03],
      String: 'hello world',
    };
    const value = await c.invoke('SendComplexObject');
    if (protocol === 'messagepack') {
      assert.ok(value.ByteArray instanceof Uint8Array, 'ByteArray is binary');
      assert.ok(value.DateTime instanceof Date, 'DateTime is a timestamp');
    }
    assert.deepStrictEqual(normalize(value), normalize(expected));
  });

  t('can be restarted', async () => {
    const c = build();
    for (let round = 0; round < 2; round += 1) {
      const closed = closedWith(c);
      await c.start();
      assert.strictEqual(await c.invoke('Echo', MESSAGE), MESSAGE);
      await c.stop();
      assert.strictEqual(await closed, undefined);
    }
  });

  t('can stream from client to server', async () => {
    const c = build();
    await c.start();
    const subject = new signalR.Subject();
    const result = c.invoke('StreamingConcat', subject);
    subject.next('Hello ');
    subject.next('world');
    subject.next('!');
    subject.complete();
    assert.strictEqual(await result, 'Hello world!');
  });

  t('can stream from client to server and close with error', async () => {
    const c = build();
    await c.start();
    const subject = new signalR.Subject();
    const result = c.invoke('StreamingConcat', subject);
    subject.next('Hello ');
    subject.next('world');
    subject.next('!');
    subject.error(new Error('Something bad'));
    assert.strictEqual(await errorOf(result),
      "An unexpected error occurred invoking 'StreamingConcat' on the server. HubException: Something bad");
  });

  t('can return result to server', async () => {
    const c = build();
    c.on('Result', () => 10);
    await c.start();
    const response = await fetch(`${baseUrl}/clientresult/${c.connectionId}`);
    assert.strictEqual(await response.text(), '10');
  });

  t('can throw result to server', async () => {
    const c = build();
    c.on('Result', () => { throw new Error('from callback'); });
    await c.start();
    const response = await fetch(`${baseUrl}/clientresult/${c.connectionId}`);
    assert.strictEqual(await response.text(), 'Error: from callback');
  });

  t('returns result error to server when no result given', async () => {
    const c = build();
    await c.start();
    const response = await fetch(`${baseUrl}/clientresult/${c.connectionId}`);
    assert.strictEqual(await response.text(), "Client didn't provide a result.");
  });

  t('uses the requested transport', async () => {
    const c = build();
    await c.start();
    assert.strictEqual(await c.invoke('GetActiveTransportName'), transport);
  });

  return tests;
}

// ---- HubConnectionTests: every transport -------------------------------------------------------

function transportTests(transport) {
  const prefix = `over ${transport}: `;
  const tests = [];
  const t = (name, body) => tests.push([prefix + name, body]);
  const build = (url = TESTHUB, options, protocol = 'json') => track(hub(url, transport, protocol, options).build());

  t('can connect to hub with authorization', async () => {
    const token = await jwt();
    const c = build(`${baseUrl}/authorizedhub`, { accessTokenFactory: () => token });
    const closed = closedWith(c);
    await c.start();
    assert.strictEqual(await c.invoke('Echo', MESSAGE), MESSAGE);
    assert.strictEqual(await c.invoke('GetUserNameIdentifier'), 'testuser');
    assert.strictEqual(await c.invoke('GetUserClaim', NAME_IDENTIFIER), 'testuser');
    assert.strictEqual(await c.invoke('GetUserClaim', 'iss'), 'SignalRTestServer');
    await c.stop();
    assert.strictEqual(await closed, undefined);
  });

  t('can connect to hub with authorization using async token factory', async () => {
    const c = build(`${baseUrl}/authorizedhub`, { accessTokenFactory: () => jwt() });
    const closed = closedWith(c);
    await c.start();
    assert.strictEqual(await c.invoke('Echo', MESSAGE), MESSAGE);
    await c.stop();
    assert.strictEqual(await closed, undefined);
  });

  t('can get error from unauthorized hub connection', async () => {
    const c = build(`${baseUrl}/authorizedhub`);
    assert.strictEqual(await errorOf(c.start()),
      "Failed to complete negotiation with the server: Error: Unauthorized: Status code '401'");
  });

  if (transport !== 'LongPolling') {
    t('terminates if no messages received within timeout interval', async () => {
      const c = build();
      const closed = closedWith(c);
      await c.start();
      c.serverTimeoutInMilliseconds = 1;
      await c.invoke('Echo', '');
      const error = await closed;
      assert.strictEqual(error && error.message, 'Server timeout elapsed without receiving a message from the server.');
    });
  }

  t('preserves cookies between requests', async () => {
    const c = build();
    await c.start();
    assert.strictEqual(await c.invoke('GetCookie', 'testCookie'), 'testValue');
    assert.strictEqual(await c.invoke('GetCookie', 'testCookie2'), 'testValue2');
  });

  t('expired cookies are not preserved', async () => {
    const c = build();
    await c.start();
    assert.strictEqual(await c.invoke('GetCookie', 'expiredCookie'), null);
  });

  t('can reconnect', async () => {
    const c = track(hub(TESTHUB, transport, 'json').withAutomaticReconnect().build());
    const reconnecting = source();
    const reconnected = source();
    c.onreconnecting(() => reconnecting.resolve());
    c.onreconnected((id) => reconnected.resolve(id));
    await c.start();
    const initial = c.connectionId;
    c.serverTimeout();
    await reconnecting.promise;
    const id = await reconnected.promise;
    assert.notStrictEqual(id, initial);
    assert.strictEqual(await c.invoke('Echo', 'test'), 'test');
    assert.strictEqual(await c.invoke('GetCallerConnectionId'), id);
  });

  t('can change url in reconnecting state', async () => {
    const c = track(hub(TESTHUB, transport, 'json').withAutomaticReconnect().build());
    const reconnecting = source();
    c.onreconnecting(() => {
      c.baseUrl = 'http://example123.com';
      reconnecting.resolve();
    });
    await c.start();
    c.serverTimeout();
    await reconnecting.promise;
    assert.strictEqual(c.baseUrl, 'http://example123.com');
  });

  t('sets the user agent header', async () => {
    const c = build();
    await c.start();
    const [name, value] = getUserAgentHeader();
    assert.strictEqual(await c.invoke('GetHeader', name), value);
  });

  t('overwrites library headers with user headers', async () => {
    const c = build(TESTHUB, { headers: { 'User-Agent': 'Custom Agent', 'X-HEADER': 'VALUE' } });
    await c.start();
    assert.strictEqual(await c.invoke('GetHeader', 'User-Agent'), 'Custom Agent');
    assert.strictEqual(await c.invoke('GetHeader', 'X-HEADER'), 'VALUE');
  });

  return tests;
}

// ---- HubConnectionTests: standalone ------------------------------------------------------------

function standaloneTests() {
  const tests = [];
  const t = (name, body) => tests.push([name, body]);

  t('can reconnect after negotiate redirect', async () => {
    const c = track(hub(REDIRECT, undefined, 'json').withAutomaticReconnect().build());
    const reconnecting = source();
    const reconnected = source();
    c.onreconnecting(() => reconnecting.resolve());
    c.onreconnected((id) => reconnected.resolve(id));
    await c.start();
    const before = await c.invoke('GetNumRedirects');
    const initial = c.connectionId;
    c.serverTimeout();
    await reconnecting.promise;
    const id = await reconnected.promise;
    assert.notStrictEqual(id, initial);
    assert.strictEqual(await c.invoke('GetCallerConnectionId'), id);
    assert.ok((await c.invoke('GetNumRedirects')) > before, 'the reconnect was redirected again');
  });

  t('can reconnect after skipping negotiation', async () => {
    const c = track(hub(TESTHUB, 'WebSockets', 'json', { skipNegotiation: true }).withAutomaticReconnect().build());
    const reconnecting = source();
    const reconnected = source();
    c.onreconnecting(() => reconnecting.resolve());
    c.onreconnected((id) => reconnected.resolve(id));
    await c.start();
    c.serverTimeout();
    await reconnecting.promise;
    assert.strictEqual(await reconnected.promise, undefined);
    assert.strictEqual(await c.invoke('Echo', 'test'), 'test');
  });

  t('connection id matches server side connection id', async () => {
    const c = track(hub(REDIRECT, undefined, 'json').withAutomaticReconnect().build());
    const reconnected = source();
    c.onreconnected((id) => reconnected.resolve(id));
    assert.strictEqual(c.connectionId, null);
    await c.start();
    assert.strictEqual(await c.invoke('GetCallerConnectionId'), c.connectionId);
    const initial = c.connectionId;
    c.serverTimeout();
    const id = await reconnected.promise;
    assert.notStrictEqual(id, initial);
    assert.strictEqual(await c.invoke('GetCallerConnectionId'), id);
    await c.stop();
    assert.strictEqual(c.connectionId, null);
  });

  t('connection id is always null if negotiation is skipped', async () => {
    const c = track(hub(TESTHUB, 'WebSockets', 'json', { skipNegotiation: true }).build());
    assert.strictEqual(c.connectionId, null);
    await c.start();
    assert.strictEqual(c.connectionId, null);
    await c.stop();
    assert.strictEqual(c.connectionId, null);
  });

  t('allows Server-Sent Events when negotiating for JSON protocol', async () => {
    const c = track(hub(NOWEBSOCKETS, undefined, 'json').build());
    await c.start();
    assert.strictEqual(await c.invoke('GetActiveTransportName'), 'ServerSentEvents');
  });

  t('skips Server-Sent Events when negotiating for MessagePack protocol', async () => {
    const c = track(hub(NOWEBSOCKETS, undefined, 'messagepack').build());
    await c.start();
    assert.strictEqual(await c.invoke('GetActiveTransportName'), 'LongPolling');
  });

  t('picks WebSockets when negotiating without restrictions', async () => {
    const c = track(hub(TESTHUB, undefined, 'messagepack').build());
    await c.start();
    assert.strictEqual(await c.invoke('GetActiveTransportName'), 'WebSockets');
  });

  t('over LongPolling it sends DELETE request and waits for poll to terminate', async () => {
    const inner = new signalR.DefaultHttpClient(logger);
    let pollPromise = null;
    const methods = [];
    class TestClient extends signalR.HttpClient {
      send(request) {
        methods.push(request.method);
        if (request.method === 'GET') {
          pollPromise = inner.send(request);
          return pollPromise;
        }
        return inner.send(request);
      }
    }
    const c = track(hub(TESTHUB, 'LongPolling', 'json', { httpClient: new TestClient() }).build());
    await c.start();
    assert.notStrictEqual(pollPromise, null);
    const stopping = c.stop();
    try {
      await pollPromise;
    } catch (error) {
      if (!(error instanceof signalR.AbortError)) throw error;
    }
    await stopping;
    assert.ok(methods.includes('DELETE'), `a DELETE was sent: ${methods}`);
  });

  t('negotiate errors from the server reach the caller', async () => {
    const c = track(hub(`${baseUrl}/bad-negotiate`, undefined, 'json').build());
    assert.strictEqual(await errorOf(c.start()),
      "Failed to complete negotiation with the server: Error: Some response from server: Status code '400'");
  });

  t('a token carries any user id (generateJwtToken?user=)', async () => {
    const token = await jwt('ada');
    const c = track(hub(`${baseUrl}/authorizedhub`, 'WebSockets', 'json', { accessTokenFactory: () => token }).build());
    await c.start();
    assert.strictEqual(await c.invoke('GetUserNameIdentifier'), 'ada');
  });

  return tests;
}

// ---- ConnectionTests and WebSocketTests: the raw /echo endpoint --------------------------------

async function rawEcho(url, transport) {
  const options = { logger, logMessageContent: true };
  if (transport) options.transport = HttpTransportType[transport];
  const connection = new HttpConnection(url, options);
  const message = 'Hello World!';
  const echoed = source();
  connection.onreceive = (data) => {
    if (data === message) connection.stop();
  };
  connection.onclose = (error) => echoed.resolve(error);
  await connection.start(TransferFormat.Text);
  await connection.send(message);
  assert.strictEqual(await echoed.promise, undefined);
}

function echoTests() {
  const tests = [];
  tests.push(['connection: can connect to the server without specifying transport explicitly', () => rawEcho(ECHO)]);
  for (const transport of TRANSPORTS) {
    tests.push([`connection over ${transport}: can send and receive messages`, () => rawEcho(ECHO, transport)]);
  }
  tests.push(['connection over LongPolling: follows the 307 of /echoredirect', () => rawEcho(`${baseUrl}/echoredirect`, 'LongPolling')]);
  tests.push(['WebSockets: can be used to connect to SignalR', async () => {
    const socket = new WebSocket(ECHO.replace(/^http/, 'ws'), { headers: { Cookie: 'testCookie=testValue' } });
    const closed = source();
    socket.onopen = () => socket.send('message');
    socket.onmessage = (event) => {
      closed.message = event.data;
      socket.close();
    };
    socket.onclose = (event) => closed.resolve(event);
    socket.onerror = (event) => closed.reject(event.error || new Error('WebSocket error'));
    const event = await closed.promise;
    assert.strictEqual(closed.message, 'message');
    assert.strictEqual(event.code, 1000);
    assert.strictEqual(event.wasClean, true);
  }]);
  return tests;
}

// ---- the routing hub ---------------------------------------------------------------------------

function routingTests() {
  const tests = [];
  for (const { transport, protocol } of PAIRS) {
    tests.push([`routinghub with ${protocol} over ${transport}: every kind of address`, async () => {
      const peers = [];
      for (const user of ['alice', 'bob', 'alice']) {
        const token = await jwt(user);
        const c = track(hub(`${baseUrl}/routinghub`, transport, protocol, { accessTokenFactory: () => token }).build());
        const inbox = [];
        c.on('Receive', (message) => inbox.push(message));
        c.on('Answer', () => 42);
        await c.start();
        peers.push({ c, inbox, user });
      }
      const anonymous = track(hub(`${baseUrl}/routinghub`, transport, protocol).build());
      await anonymous.start();
      assert.strictEqual(await anonymous.invoke('GetUserId'), null);
      const [a, b, c] = peers;
      const ids = [];
      for (const peer of peers) {
        peer.id = await peer.c.invoke('GetConnectionId');
        ids.push(peer.id);
        assert.strictEqual(await peer.c.invoke('GetUserId'), peer.user);
      }
      await a.c.invoke('JoinGroup', 'g');
      await b.c.invoke('JoinGroup', 'g');
      await a.c.invoke('SendToAll', 'all');
      await a.c.invoke('SendToOthers', 'others');
      await a.c.invoke('SendToGroup', 'g', 'group');
      await a.c.invoke('SendToOthersInGroup', 'g', 'others-in-group');
      await b.c.invoke('LeaveGroup', 'g');
      await a.c.invoke('SendToGroup', 'g', 'group-after-leave');
      await b.c.invoke('SendToUser', 'alice', 'to-alice');
      await a.c.invoke('SendToConnection', b.id, 'to-b');
      assert.strictEqual(await b.c.invoke('InvokeConnection', c.id, 'Answer'), 42);
      await a.c.invoke('SendToAll', 'end');
      await Promise.all(peers.map((peer) => withTimeout(new Promise((resolve) => {
        const check = () => (peer.inbox.includes('end') ? resolve() : setTimeout(check, 10));
        check();
      }), `'end' at ${peer.user}`)));
      assert.deepStrictEqual(a.inbox, ['all', 'group', 'group-after-leave', 'to-alice', 'end']);
      assert.deepStrictEqual(b.inbox, ['all', 'others', 'group', 'others-in-group', 'to-b', 'end']);
      assert.deepStrictEqual(c.inbox, ['all', 'others', 'to-alice', 'end']);
    }]);
  }
  return tests;
}

// ---- run -----------------------------------------------------------------------------------------

async function main() {
  const perPair = PAIRS.map(pairTests);
  const perTransport = TRANSPORTS.map(transportTests);
  const groups = {
    pairScenarios: perPair.flat(),
    transports: perTransport.flat(),
    standalone: standaloneTests(),
    echo: echoTests(),
    routing: routingTests(),
  };
  const counts = { pairs: PAIRS.length, perPair: perPair[0].length };
  for (const [group, tests] of Object.entries(groups)) {
    counts[group] = tests.length;
    for (const [name, body] of tests) {
      if (!only || name.includes(only)) await test(name, body);
    }
  }
  const failed = results.filter((r) => !r.ok).map(({ name, error }) => ({ name, error }));
  return { total: results.length, passed: results.length - failed.length, failed, counts, names: results.map((r) => r.name) };
}

main().then(
  (report) => { console.log(JSON.stringify(report)); process.exit(0); },
  (error) => { console.error(error && error.stack ? error.stack : String(error)); process.exit(1); },
);
