// Two people chat in a real (headless) Chromium against a running chat server.
//
// usage: node two-pages.js <baseUrl> <screenshotPath> <chromiumExecutable>
// NODE_PATH must point at the node_modules holding playwright-core.
// Prints ONE line of JSON with what the pages showed and exits 0; on failure prints the error to
// stderr and exits 1. Every wait is bounded.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const [baseUrl, screenshotPath, chromiumPath] = process.argv.slice(2);
if (!baseUrl || !screenshotPath || !chromiumPath) {
  console.error('usage: node two-pages.js <baseUrl> <screenshotPath> <chromiumExecutable>');
  process.exit(2);
}

const STEP_TIMEOUT_MS = 15000;
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const problems = []; // uncaught page errors and console errors, reported for the test to check

async function openPage(context, name) {
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`${name} page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${name} console error: ${message.text()}`);
  });
  await page.goto(baseUrl + '/', { waitUntil: 'load' });
  return page;
}

async function signIn(page, name) {
  await page.fill('#name', name);
  await page.click('#sign-in-form button[type=submit]');
  await page.waitForFunction(() => document.getElementById('status').dataset.state === 'online');
  await page.waitForFunction(() => document.getElementById('messages').dataset.history === 'loaded');
}

// Types and sends; resolves once the page either cleared the composer (sent) or showed an error.
async function send(page, text) {
  await page.fill('#message', text);
  await page.press('#message', 'Enter');
  await page.waitForFunction(
    () => document.getElementById('message').value === '' || !document.getElementById('toast').hidden);
}

function waitForMessage(page, text) {
  return page.waitForFunction(
    (expected) => Array.from(document.querySelectorAll('#messages .message .text'))
      .some((node) => node.textContent === expected),
    text);
}

function waitForNotice(page, text) {
  return page.waitForFunction(
    (expected) => Array.from(document.querySelectorAll('#messages .notice'))
      .some((node) => node.textContent.includes(expected)),
    text);
}

function shownMessages(page) {
  return page.evaluate(() => Array.from(document.querySelectorAll('#messages .message')).map((item) => ({
    from: item.querySelector('.author').textContent,
    text: item.querySelector('.text').textContent,
    direct: item.classList.contains('direct'),
  })));
}

function listTexts(page, selector) {
  return page.evaluate((css) => Array.from(document.querySelectorAll(css)).map((node) => node.textContent), selector);
}

async function run(context) {
  const seen = {};

  // alice arrives first and writes before bob is there: bob must get it from the history stream.
  const alice = await openPage(context, 'alice');
  await signIn(alice, 'alice');
  seen.aliceRoom = await alice.textContent('#room-title');
  await send(alice, 'Hi! Anyone around?');
  await waitForMessage(alice, 'Hi! Anyone around?');

  const bob = await openPage(context, 'bob');
  await signIn(bob, 'bob');
  await waitForMessage(bob, 'Hi! Anyone around?');
  seen.bobRoom = await bob.textContent('#room-title');
  seen.bobHistory = await shownMessages(bob);

  // presence: alice sees bob come into the room and online
  await alice.waitForFunction(() => document.querySelector('#online-users button[data-user="bob"]') !== null);
  await waitForNotice(alice, 'bob joined #general');
  seen.aliceMembers = await listTexts(alice, '#members .member span:last-child');
  seen.aliceOnline = await listTexts(alice, '#online-users .person-name');

  // live messages both ways
  await send(bob, 'Hey alice, just got here.');
  await waitForMessage(alice, 'Hey alice, just got here.');
  const markup = '<img src=x onerror="window.__pwned = true"><b>not bold</b>';
  await send(alice, markup);
  await waitForMessage(bob, markup);
  seen.markup = await bob.evaluate(() => ({
    images: document.querySelectorAll('#messages img').length,
    bold: document.querySelectorAll('#messages b').length,
    pwned: window.__pwned === true,
  }));

  // a direct message from alice reaches bob (and only shows as direct)
  await alice.click('#online-users button[data-user="bob"]');
  await send(alice, 'psst, this one is just for you');
  await waitForMessage(bob, 'psst, this one is just for you');
  seen.bobDirect = (await shownMessages(bob)).filter((message) => message.direct);
  await alice.click('#dm-cancel');

  // a system announcement sent from outside the hub (REST → HubContext) reaches both pages
  const response = await fetch(baseUrl + '/api/announcements', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text: 'The chat restarts at noon.' }),
    signal: AbortSignal.timeout(STEP_TIMEOUT_MS),
  });
  seen.announcementStatus = response.status;
  await waitForNotice(alice, 'The chat restarts at noon.');
  await waitForNotice(bob, 'The chat restarts at noon.');
  seen.bobAnnouncement = (await listTexts(bob, '#messages .notice.announcement'))[0];

  // alice types without sending: bob sees the indicator
  await alice.locator('#message').pressSequentially('Let me think', { delay: 20 });
  await bob.waitForFunction(() => document.getElementById('typing').textContent.includes('alice is typing'));
  seen.bobTyping = await bob.textContent('#typing');

  fs.mkdirSync(path.dirname(screenshotPath), { recursive: true });
  await bob.screenshot({ path: screenshotPath });

  // bob goes away: alice sees him leave; a direct message to him now gets the hub's friendly refusal
  await alice.fill('#message', '');
  await alice.click('#online-users button[data-user="bob"]');
  await bob.close();
  await alice.waitForFunction(() => document.querySelector('#online-users button[data-user="bob"]') === null);
  await waitForNotice(alice, 'bob left #general');
  await send(alice, 'Still there?');
  seen.offlineDirectError = await alice.textContent('#toast');
  seen.aliceMessages = await shownMessages(alice);
  return seen;
}

async function main() {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubkit-chat-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1180, height: 740 },
      timeout: 60000,
    });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    const seen = await run(context);
    seen.problems = problems;
    console.log(JSON.stringify(seen));
  } finally {
    if (context) await context.close().catch(() => {});
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error && error.stack ? error.stack : String(error));
    if (problems.length) console.error('page problems so far:\n' + problems.join('\n'));
    process.exit(1);
  });
