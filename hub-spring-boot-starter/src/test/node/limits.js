'use strict';
// The limits seen by the official client: a user's third connection is refused, a connection's
// invocations beyond its burst, its streams beyond the limit and its groups beyond the limit get
// their errors, and another
// user's connection carries on untouched throughout.
// Usage: node limits.js <serverBaseUrl>
// Prints one JSON line with what it saw; exits 1 with the error on failure.

const signalR = require('@microsoft/signalr');
const { errorOf, withTimeout } = require('./support');

const [baseUrl] = process.argv.slice(2);
if (!baseUrl) {
  console.error('usage: node limits.js <serverBaseUrl>');
  process.exit(2);
}

function connect(user) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(`${baseUrl}/hubs/limited?user=${user}`, { transport: signalR.HttpTransportType.WebSockets })
    .configureLogging(signalR.LogLevel.None)
    .build();
  const closed = new Promise((resolve) => connection.onclose((error) => resolve(error ? String(error) : 'no error')));
  return { connection, closed };
}

async function main() {
  const r = {};
  const bob = connect('bob');
  await bob.connection.start();

  const ann1 = connect('ann');
  const ann2 = connect('ann');
  await ann1.connection.start();
  await ann2.connection.start();
  const ann3 = connect('ann');
  // the handshake completes, then the server refuses the connection: start fails or it closes at once
  try {
    await ann3.connection.start();
    r.thirdConnection = await withTimeout(ann3.closed, 'the refused connection to close');
  } catch (error) {
    r.thirdConnection = String(error);
  }
  r.bobAfterRefusal = await bob.connection.invoke('echo', 'bob');

  // the burst is 5 invocations: the sixth, sent at once, is refused; the connection stays
  const answers = [];
  for (let i = 0; i < 6; i++) {
    answers.push(ann1.connection.invoke('echo', `call ${i}`).then((v) => v, (e) => `error: ${e.message}`));
  }
  r.burst = await Promise.all(answers);
  r.ann1State = ann1.connection.state;
  r.bobDuringFlood = await bob.connection.invoke('echo', 'still here');

  // two streams at most per connection
  const subscriptions = [];
  for (let i = 0; i < 2; i++) {
    const first = new Promise((resolve, reject) => {
      subscriptions.push(ann2.connection.stream('ticks').subscribe({ next: resolve, error: reject, complete: () => {} }));
    });
    await withTimeout(first, `stream ${i} to tick`);
  }
  r.thirdStream = await errorOf(new Promise((resolve, reject) => {
    ann2.connection.stream('ticks').subscribe({ next: resolve, error: (e) => reject(e), complete: () => resolve('completed') });
  }));
  subscriptions[0].dispose();
  // the client sends the cancel asynchronously: one round trip later it has certainly gone out first
  r.echoAfterCancel = await ann2.connection.invoke('echo', 'sync');
  r.afterCancel = await withTimeout(new Promise((resolve, reject) => {
    subscriptions.push(ann2.connection.stream('ticks').subscribe({ next: () => resolve('ticking'), error: reject, complete: () => {} }));
  }), 'a stream after one was cancelled');
  for (const s of subscriptions.slice(1)) s.dispose();

  // ann may connect again once one of hers is gone
  await ann1.connection.stop();
  const ann4 = connect('ann');
  await ann4.connection.start();
  r.fourthAfterStop = ann4.connection.state;

  // three groups at most per connection: the fourth is refused, joining one again is not
  const cat = connect('cat');
  await cat.connection.start();
  const joins = [];
  for (const group of ['g1', 'g2', 'g3', 'g4', 'g1']) {
    joins.push(await cat.connection.invoke('join', group).then((v) => v, (e) => `error: ${e.message}`));
  }
  r.joins = joins;
  r.catState = cat.connection.state;

  for (const c of [ann2, ann4, bob, cat]) await c.connection.stop();
  console.log(JSON.stringify(r));
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : String(error));
  process.exit(1);
});
