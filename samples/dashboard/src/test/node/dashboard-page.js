// The dashboard page in a real (headless) Chromium against a running dashboard server.
//
// usage: node dashboard-page.js <baseUrl> <screenshotPath> <chromiumExecutable>
// NODE_PATH must point at the node_modules holding playwright-core.
// Prints ONE line of JSON with what the page showed and exits 0; on failure prints the error to
// stderr and exits 1. Every wait is bounded.
'use strict';

const { chromium } = require('playwright-core');

const [baseUrl, screenshotPath, chromiumPath] = process.argv.slice(2);
if (!baseUrl || !screenshotPath || !chromiumPath) {
  console.error('usage: node dashboard-page.js <baseUrl> <screenshotPath> <chromiumExecutable>');
  process.exit(2);
}

const STEP_TIMEOUT_MS = 20000;
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const problems = [];

// What the chart shows: its metric, the points it received, its title, and how many canvas pixels
// have the series' colour (the accent colour, give or take anti-aliasing).
function chartState(page) {
  return page.evaluate(() => {
    const chart = document.getElementById('chart');
    const canvas = chart.querySelector('canvas');
    let seriesPixels = 0;
    if (canvas) {
      const accent = getComputedStyle(document.documentElement).getPropertyValue('--accent').trim();
      const r = parseInt(accent.slice(1, 3), 16);
      const g = parseInt(accent.slice(3, 5), 16);
      const b = parseInt(accent.slice(5, 7), 16);
      const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 0; i < pixels.length; i += 4) {
        if (pixels[i + 3] > 200 && Math.abs(pixels[i] - r) < 40 && Math.abs(pixels[i + 1] - g) < 40
            && Math.abs(pixels[i + 2] - b) < 40) seriesPixels++;
      }
    }
    const pressed = document.querySelector('.tile[aria-pressed="true"]');
    return {
      metric: chart.dataset.metric,
      points: Number(chart.dataset.points),
      title: document.getElementById('chart-title').textContent,
      current: document.getElementById('current').textContent,
      pressed: pressed ? pressed.dataset.metric : null,
      seriesPixels,
    };
  });
}

function waitForPoints(page, metric, count) {
  return page.waitForFunction(([m, n]) => {
    const chart = document.getElementById('chart');
    return chart.dataset.metric === m && Number(chart.dataset.points) >= n;
  }, [metric, count]);
}

async function run(page) {
  const seen = {};
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  await page.goto(baseUrl + '/', { waitUntil: 'load' });
  await page.waitForFunction(() => document.getElementById('status').dataset.state === 'online');

  await waitForPoints(page, 'heap', 5);
  seen.first = await chartState(page);
  await page.waitForFunction((n) => Number(document.getElementById('chart').dataset.points) > n, seen.first.points);
  seen.moved = true;

  await page.waitForFunction(() => Array.from(document.querySelectorAll('.tile .tile-value'))
    .every((value) => value.textContent !== '–'));
  seen.tiles = await page.evaluate(() => Array.from(document.querySelectorAll('.tile')).map((tile) => ({
    metric: tile.dataset.metric,
    value: tile.querySelector('.tile-value').textContent,
  })));

  await page.click('.tile[data-metric="threads"]');
  await waitForPoints(page, 'threads', 3);
  await page.waitForFunction(() => document.getElementById('current').textContent !== '');
  seen.second = await chartState(page);

  await page.screenshot({ path: screenshotPath, fullPage: true });
  return seen;
}

async function main() {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1200, height: 860 }, colorScheme: 'light' });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    const seen = await run(await context.newPage());
    seen.problems = problems;
    console.log(JSON.stringify(seen));
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : String(error));
  if (problems.length) console.error(`page problems: ${problems.join('; ')}`);
  process.exit(1);
});
