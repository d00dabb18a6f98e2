// Check mode: one scenario against a HubKit server with the official @microsoft/signalr client, measured
// the way the HubKit load client measures it (send time inside the payload, arrival time minus send time),
// so the two can be compared. Prints one JSON object on stdout.
//   usage: node signalr-check.js --js-dir <js-clients folder> --url http://127.0.0.1:PORT/hubs/bench
//          --protocol json|messagepack --scenario broadcast|echo --clients N --rate OPS_PER_SEC
//          --seconds S --payload BYTES
'use strict';

const path = require('path');

function options(argv) {
  const result = {};
  for (let i = 2; i < argv.length; i += 2) {
    result[argv[i].replace(/^--/, '')] = argv[i + 1];
  }
  return result;
}

const opts = options(process.argv);
const jsDir = opts['js-dir'];
const signalr = require(path.join(jsDir, 'node_modules', '@microsoft', 'signalr'));
const protocolName = opts.protocol || 'json';
const scenario = opts.scenario || 'broadcast';
const clients = Number(opts.clients || 10);
const rate = Number(opts.rate || 100);
const seconds = Number(opts.seconds || 5);
const payloadBytes = Number(opts.payload || 64);
const MAX_SAMPLES = 2000000;

function hubProtocol() {
  if (protocolName === 'messagepack') {
    const msgpack = require(path.join(jsDir, 'node_modules', '@microsoft', 'signalr-protocol-msgpack'));
    return new msgpack.MessagePackHubProtocol();
  }
  return new signalr.JsonHubProtocol();
}

function payload(marker) {
  return (marker + process.hrtime.bigint().toString() + '|').padEnd(payloadBytes, 'x');
}

const latenciesMicros = [];
let delivered = 0;
let lastDelivery = 0;

function record(value) {
  if (typeof value !== 'string') {
    return;
  }
  const bar = value.indexOf('|');
  const sent = BigInt(value.substring(1, bar));
  delivered++;
  lastDelivery = Date.now();
  if (latenciesMicros.length < MAX_SAMPLES) {
    latenciesMicros.push(Number((process.hrtime.bigint() - sent) / 1000n));
  }
}

function percentile(sorted, p) {
  if (sorted.length === 0) {
    return 0;
  }
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] / 1000;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const connections = [];
  for (let i = 0; i < clients; i++) {
    const connection = new signalr.HubConnectionBuilder()
      .withUrl(opts.url, { skipNegotiation: true, transport: signalr.HttpTransportType.WebSockets })
      .withHubProtocol(hubProtocol())
      .configureLogging(signalr.LogLevel.Error)
      .build();
    connection.on('broadcast', record);
    connections.push(connection);
  }
  await Promise.all(connections.map((c) => c.start()));
  await sleep(500);

  const total = Math.floor(rate * seconds);
  const perConnectionDeliveries = scenario === 'broadcast' ? clients : 1;
  let sent = 0;
  let errors = 0;
  const start = process.hrtime.bigint();
  while (sent < total) {
    const elapsedSeconds = Number(process.hrtime.bigint() - start) / 1e9;
    const due = Math.min(total, Math.floor(rate * elapsedSeconds) + 1);
    while (sent < due) {
      if (scenario === 'broadcast') {
        connections[0].send('broadcast', payload('B')).catch(() => errors++);
      } else {
        connections[sent % clients].invoke('echo', payload('E')).then(record, () => errors++);
      }
      sent++;
    }
    await sleep(1);
  }
  // the send window is the whole duration, as for the load client
  const windowEnd = Number(start) / 1e6 + seconds * 1000;
  while (Number(process.hrtime.bigint()) / 1e6 < windowEnd) {
    await sleep(1);
  }
  const sendSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  const expected = sent * perConnectionDeliveries;
  const drainDeadline = Date.now() + 10000;
  lastDelivery = Date.now();
  while (delivered < expected && Date.now() < drainDeadline && Date.now() - lastDelivery < 2000) {
    await sleep(20);
  }
  await Promise.all(connections.map((c) => c.stop()));
  const sorted = Float64Array.from(latenciesMicros).sort();
  const mean = sorted.length === 0 ? 0 : sorted.reduce((a, b) => a + b, 0) / sorted.length / 1000;
  process.stdout.write(JSON.stringify({
    client: 'official JS client',
    expected,
    delivered,
    deliveredPerSec: delivered / sendSeconds,
    errors,
    latency: {
      count: sorted.length,
      p50Ms: percentile(sorted, 50),
      p90Ms: percentile(sorted, 90),
      p99Ms: percentile(sorted, 99),
      p999Ms: percentile(sorted, 99.9),
      maxMs: sorted.length === 0 ? 0 : sorted[sorted.length - 1] / 1000,
      meanMs: mean,
    },
  }) + '\n');
}

main().then(() => process.exit(0), (error) => {
  process.stdout.write(JSON.stringify({ client: 'official JS client', error: String(error && error.message || error) }) + '\n');
  process.exit(1);
});
