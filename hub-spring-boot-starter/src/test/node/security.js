'use strict';
// Spring Security on a hub, seen by the official client with real JWTs: negotiate without a valid
// token is refused, @PreAuthorize/@Secured allow and deny per method on open connections, user
// targets reach only that user's connections, and a connection whose token expires is closed.
// Usage: node security.js <serverBaseUrl> <annToken> <bobToken> <expiredToken> <forgedToken>
// Prints one JSON line with what it saw; exits 1 with the error on failure.

const signalR = require('@microsoft/signalr');
const { Inbox, errorOf, collectStream, withTimeout } = require('./support');

const [baseUrl, annToken, bobToken, expiredToken, forgedToken] = process.argv.slice(2);
if (!forgedToken) {
  console.error('usage: node security.js <serverBaseUrl> <annToken> <bobToken> <expiredToken> <forgedToken>');
  process.exit(2);
}
const hubUrl = `${baseUrl}/hubs/secure`;
const problems = [];

function connect(token, transport) {
  const options = { transport: signalR.HttpTransportType[transport] };
  if (token) options.accessTokenFactory = () => token;
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(hubUrl, options)
    .configureLogging({
      log(level, message) {
        if (level >= signalR.LogLevel.Warning) problems.push(`${transport}: ${message}`);
      },
    })
    .build();
  const inbox = new Inbox(connection, ['direct', 'shouted']);
  const closed = new Promise((resolve) => connection.onclose((error) => resolve(error ? String(error) : 'no error')));
  return { connection, inbox, closed };
}

async function negotiateStatus(headers) {
  const response = await withTimeout(fetch(`${hubUrl}/negotiate?negotiateVersion=1`, { method: 'POST', headers }),
    'negotiate');
  return response.status;
}

async function main() {
  const r = {};
  r.negotiate = {
    none: await negotiateStatus({}),
    expired: await negotiateStatus({ Authorization: `Bearer ${expiredToken}` }),
    forged: await negotiateStatus({ Authorization: `Bearer ${forgedToken}` }),
    garbage: await negotiateStatus({ Authorization: 'Bearer not.a.jwt' }),
    header: await negotiateStatus({ Authorization: `Bearer ${annToken}` }),
  };
  r.anonymousStart = await errorOf(connect(null, 'WebSockets').connection.start());
  const problemsBefore = problems.length;
  problems.length = 0; // the refused start above logs its own error on purpose
  r.refusedStartLogged = problemsBefore > 0;

  const ann = connect(annToken, 'WebSockets');
  const annSse = connect(annToken, 'ServerSentEvents');
  const bob = connect(bobToken, 'LongPolling');
  await Promise.all([ann, annSse, bob].map((c) => c.connection.start()));

  r.whoAmI = [];
  for (const c of [ann, annSse, bob]) r.whoAmI.push(await c.connection.invoke('whoAmI'));

  r.bob = {};
  r.bob.adminOnly = await errorOf(bob.connection.invoke('adminOnly'));
  r.bob.stillOpen = await bob.connection.invoke('whoAmI');
  r.bob.securedAdmin = await errorOf(bob.connection.invoke('securedAdmin'));
  r.bob.adminCount = await errorOf(collectStream(bob.connection.stream('adminCount', 3)));
  r.bob.joinVip = await errorOf(bob.connection.invoke('join', 'vip'));
  await bob.connection.invoke('join', 'lobby');
  r.bob.state = bob.connection.state;

  r.ann = {};
  r.ann.adminOnly = await ann.connection.invoke('adminOnly');
  r.ann.securedAdmin = await ann.connection.invoke('securedAdmin');
  r.ann.adminCount = await collectStream(ann.connection.stream('adminCount', 3));
  await ann.connection.invoke('join', 'vip');
  await ann.connection.invoke('join', 'lobby');

  // user targets: bob writes to ann (both her connections), ann writes to bob; nobody else reads it
  await bob.connection.invoke('tell', 'ann', 'for ann');
  await ann.connection.invoke('tell', 'bob', 'for bob');
  await bob.connection.invoke('shout', 'vip', 'bob cannot join vip but may shout into it');
  for (const [c, self] of [[ann, 'ann'], [annSse, 'ann'], [bob, 'bob']]) {
    await c.connection.invoke('tell', self, 'barrier');
  }
  const directs = async (c) => {
    const seen = [];
    for (;;) {
      const args = await c.inbox.next('direct');
      if (args[1] === 'barrier') return seen;
      seen.push(args);
    }
  };
  r.direct = { ann: await directs(ann), annSse: await directs(annSse), bob: await directs(bob) };
  r.shouted = {
    ann: (await ann.inbox.first('shouted'))[1],
    bob: bob.inbox.entries.filter((e) => e.name === 'shouted').length,
  };

  // a short-lived token: the server closes that connection when the token expires, nobody else's
  // minted just now: a token made before Node started could expire before this connect on a loaded machine
  const shortToken = await (await withTimeout(fetch(`${baseUrl}/short-lived-token?sub=cy`), 'short-lived token')).text();
  const cy = connect(shortToken, 'WebSockets');
  await cy.connection.start();
  r.cyBefore = await cy.connection.invoke('whoAmI');
  r.cyClosed = await withTimeout(cy.closed, 'the expired connection to close', 30000);
  r.annAfterCyExpired = await ann.connection.invoke('whoAmI');

  for (const c of [ann, annSse, bob]) {
    await c.connection.stop();
  }
  r.problems = problems;
  console.log(JSON.stringify(r));
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : String(error));
  process.exit(1);
});
