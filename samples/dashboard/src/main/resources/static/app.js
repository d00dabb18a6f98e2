'use strict';
// The dashboard page: tiles with every metric's current value (pushed by the server to the
// overview group), a chart of the watched metric fed by the hub's `chart` stream, and the hub's
// `watch` method to switch metrics. Test hooks: #status[data-state], #chart[data-metric,data-points].

(() => {
  const MAX_POINTS = 120;
  const elements = {
    status: document.getElementById('status'),
    tiles: document.getElementById('tiles'),
    title: document.getElementById('chart-title'),
    current: document.getElementById('current'),
    chart: document.getElementById('chart'),
    error: document.getElementById('error'),
  };
  const state = { metrics: [], watched: null, info: null, stream: null, plot: null, data: [[], []] };

  const connection = new signalR.HubConnectionBuilder()
    .withUrl('hubs/dashboard')
    .withAutomaticReconnect()
    .configureLogging(signalR.LogLevel.Warning)
    .build();

  connection.on('overview', (readings) => readings.forEach(showTileValue));
  connection.on('reading', (reading) => {
    if (reading.metric === state.watched) showCurrent(reading.value);
  });
  connection.onreconnecting(() => setStatus('reconnecting', 'Reconnecting…'));
  connection.onreconnected(async () => {
    setStatus('online', 'Live');
    if (state.watched) await watch(state.watched); // groups and streams belong to the old connection
  });
  connection.onclose(() => setStatus('offline', 'Disconnected'));

  function setStatus(name, text) {
    elements.status.dataset.state = name;
    elements.status.textContent = text;
  }

  function showError(error) {
    elements.error.textContent = String(error && error.message ? error.message : error);
    elements.error.hidden = false;
  }

  function format(value) {
    if (Number.isInteger(value)) return String(value);
    return value.toFixed(Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
  }

  // ---- tiles ------------------------------------------------------------------------------

  function renderTiles(metrics) {
    elements.tiles.replaceChildren(...metrics.map((metric) => {
      const tile = document.createElement('button');
      tile.type = 'button';
      tile.className = 'tile';
      tile.dataset.metric = metric.key;
      tile.setAttribute('aria-pressed', 'false');
      const label = document.createElement('span');
      label.className = 'tile-label';
      label.textContent = metric.label;
      const value = document.createElement('span');
      value.className = 'tile-value';
      value.textContent = '–';
      tile.append(label, value);
      tile.addEventListener('click', () => watch(metric.key).catch(showError));
      return tile;
    }));
  }

  function showTileValue(reading) {
    const tile = elements.tiles.querySelector(`[data-metric="${CSS.escape(reading.metric)}"]`);
    const metric = state.metrics.find((m) => m.key === reading.metric);
    if (!tile || !metric) return;
    const unit = document.createElement('span');
    unit.className = 'tile-unit';
    unit.textContent = ` ${metric.unit}`;
    tile.querySelector('.tile-value').replaceChildren(format(reading.value), unit);
  }

  // ---- the chart --------------------------------------------------------------------------

  function showCurrent(value) {
    if (state.info) elements.current.textContent = `${format(value)} ${state.info.unit}`;
  }

  function chartWidth() {
    return Math.max(300, elements.chart.clientWidth);
  }

  function createPlot(info) {
    if (state.plot) state.plot.destroy();
    state.data = [[], []];
    const accent = getComputedStyle(document.documentElement).getPropertyValue('--accent').trim() || '#2563eb';
    state.plot = new uPlot({
      width: chartWidth(),
      height: 320,
      scales: { x: { time: true } },
      series: [
        {},
        { label: `${info.label} (${info.unit})`, stroke: accent, width: 2, fill: `${accent}22` },
      ],
      axes: [{}, { size: 60 }],
    }, state.data, elements.chart);
  }

  function addPoint(reading) {
    const [times, values] = state.data;
    times.push(reading.time / 1000);
    values.push(reading.value);
    if (times.length > MAX_POINTS) {
      times.shift();
      values.shift();
    }
    state.plot.setData(state.data);
    elements.chart.dataset.points = String(Number(elements.chart.dataset.points) + 1);
  }

  function chart(metric, info) {
    if (state.stream) state.stream.dispose();
    createPlot(info);
    elements.chart.dataset.metric = metric;
    elements.chart.dataset.points = '0';
    state.stream = connection.stream('chart', metric).subscribe({
      next: addPoint,
      error: showError,
      complete: () => {},
    });
  }

  // ---- watching ---------------------------------------------------------------------------

  async function watch(metric) {
    const info = await connection.invoke('watch', metric);
    state.watched = metric;
    state.info = info;
    elements.title.textContent = info.label;
    elements.current.textContent = '';
    elements.error.hidden = true;
    for (const tile of elements.tiles.querySelectorAll('.tile')) {
      tile.setAttribute('aria-pressed', String(tile.dataset.metric === metric));
    }
    chart(metric, info);
  }

  async function start() {
    await connection.start();
    setStatus('online', 'Live');
    state.metrics = await connection.invoke('metrics');
    renderTiles(state.metrics);
    const requested = new URLSearchParams(window.location.search).get('metric');
    const initial = state.metrics.some((m) => m.key === requested) ? requested : state.metrics[0].key;
    await watch(initial);
  }

  window.addEventListener('resize', () => {
    if (state.plot) state.plot.setSize({ width: chartWidth(), height: 320 });
  });

  start().catch((error) => {
    setStatus('offline', 'Could not connect');
    showError(error);
  });
})();
