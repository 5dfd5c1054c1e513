/* Stackbench HTML report: draws every <canvas data-chart> from the analysis JSON embedded in
 * #stackbench-data. Marks each drawn canvas data-ready="true" (and data-painted with a count of
 * painted sample pixels) and keeps #chart-status up to date, so a headless browser can check it. */
(function () {
  'use strict';
  var status = document.getElementById('chart-status');
  var errors = window.__stackbenchErrors || [];
  var data = JSON.parse(document.getElementById('stackbench-data').textContent);
  var locale = document.body.dataset.locale || 'en';
  var palette = ['#4269d0', '#efb118', '#ff725c', '#6cc5b0', '#3ca951', '#ff8ab7', '#a463f2', '#97bbf5', '#9c6b4e', '#9498a0'];
  var colour = {};
  data.contestants.forEach(function (c, i) { colour[c.id] = palette[i % palette.length]; });
  var rendered = 0;

  function update() {
    status.dataset.rendered = String(rendered);
    status.dataset.errors = String(errors.length);
    var expected = Number(status.dataset.expected);
    status.textContent = rendered + ' of ' + expected + ' charts drawn' +
        (errors.length ? '; errors: ' + errors.join(' | ') : '.');
    status.className = errors.length ? 'status bad' : (rendered === expected ? 'status ok' : 'status');
  }

  function painted(canvas) {
    var ctx = canvas.getContext('2d');
    var img = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    var count = 0;
    for (var i = 3; i < img.length; i += 4 * 13) {
      if (img[i] !== 0) { count++; }
    }
    return count;
  }

  var readyPlugin = {
    id: 'stackbenchReady',
    afterRender: function (chart) {
      var canvas = chart.canvas;
      if (canvas.dataset.ready === 'true') { return; }
      var n = painted(canvas);
      canvas.dataset.painted = String(n);
      if (n === 0) {
        errors.push(canvas.dataset.chart + ' ' + (canvas.dataset.workload || '') + ' drew nothing');
      } else {
        canvas.dataset.ready = 'true';
        rendered++;
      }
      update();
    }
  };

  function table(workload, label) {
    return data.tables.find(function (t) { return t.workload === workload && t.level.label === label; });
  }
  function curve(contestant, workload, label) {
    return data.latencyCurves.find(function (c) {
      return c.contestant === contestant && c.workload === workload && c.level === label;
    });
  }
  function ms(micros) { return micros / 1000; }
  function num(v, digits) { return v.toLocaleString(locale, { maximumFractionDigits: digits }); }
  function pctLabel(x) {
    if (x <= 1) { return '0%'; }
    return num(100 * (1 - 1 / x), 4) + '%';
  }
  function duration(msValue) {
    if (msValue >= 1000) { return num(msValue / 1000, 3) + ' s'; }
    if (msValue < 1) { return num(msValue * 1000, 3) + ' µs'; }
    return num(msValue, 3) + ' ms';
  }
  /* Log-scale latency ticks: label 1-2-5 steps over up to 2.5 decades, 1-3 steps up to 4 decades,
   * powers of ten beyond, so that labels never overlap. */
  function msTicks(value) {
    var span = Math.log10(this.max / this.min);
    var mantissa = Math.round(value / Math.pow(10, Math.floor(Math.log10(value) + 1e-9)) * 1000) / 1000;
    var shown = span <= 2.5 ? [1, 2, 5] : span <= 4 ? [1, 3] : [1];
    if (shown.indexOf(mantissa) < 0) { return ''; }
    return duration(value);
  }

  function base(canvas, extra) {
    var options = {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      locale: locale,
      plugins: { title: { display: true, text: canvas.dataset.title }, legend: { position: 'bottom' } }
    };
    Object.keys(extra || {}).forEach(function (k) { options[k] = extra[k]; });
    return options;
  }

  var builders = {
    throughput: function (canvas) {
      var t = table(canvas.dataset.workload, canvas.dataset.level);
      var labels = t.rows.map(function (r) { return r.contestant; });
      var datasets = [{
        label: t.level.model === 'open' ? 'achieved req/s (median)' : 'req/s (median)',
        data: t.rows.map(function (r) { return r.throughputPerSecond.median; }),
        backgroundColor: t.rows.map(function (r) { return colour[r.contestant]; })
      }, {
        label: '95% CI of the median (min..max with one trial)',
        data: t.rows.map(function (r) {
          var s = r.throughputPerSecond;
          return s.low === null ? [s.min, s.max] : [s.low, s.high];
        }),
        grouped: false,
        barPercentage: 0.18,
        backgroundColor: 'rgba(20, 20, 20, 0.75)'
      }];
      if (t.level.model === 'open') {
        datasets.push({
          type: 'line', label: 'offered rate', data: labels.map(function () { return t.level.ratePerSecond; }),
          borderColor: '#555', borderDash: [6, 4], pointRadius: 0, borderWidth: 1.5
        });
      }
      return {
        type: 'bar', data: { labels: labels, datasets: datasets },
        options: base(canvas, { scales: { y: { beginAtZero: true, title: { display: true, text: 'req/s' } } } })
      };
    },

    percentiles: function (canvas) {
      var t = table(canvas.dataset.workload, canvas.dataset.level);
      var maxX = 10;
      var datasets = t.rows.map(function (r) {
        var c = curve(r.contestant, t.workload, t.level.label);
        var points = c ? c.points.map(function (p) {
          var x = 1 / (1 - p[0] / 100);
          maxX = Math.max(maxX, x);
          return { x: x, y: Math.max(ms(p[1]), 0.001) };
        }) : [];
        return {
          label: r.contestant + (c && c.source === 'summary' ? ' (summary)' : ''), data: points,
          borderColor: colour[r.contestant], backgroundColor: colour[r.contestant],
          pointRadius: 2, borderWidth: 2, tension: 0
        };
      });
      var decades = [];
      for (var v = 1; v <= maxX * 1.0001; v *= 10) { decades.push(v); }
      return {
        type: 'line', data: { datasets: datasets },
        options: base(canvas, {
          parsing: true,
          scales: {
            x: {
              type: 'logarithmic', min: 1, max: decades[decades.length - 1],
              title: { display: true, text: 'percentile' },
              afterBuildTicks: function (axis) { axis.ticks = decades.map(function (d) { return { value: d }; }); },
              ticks: { callback: function (value) { return pctLabel(value); } }
            },
            y: { type: 'logarithmic', title: { display: true, text: 'latency' }, ticks: { callback: msTicks } }
          },
          plugins: {
            title: { display: true, text: canvas.dataset.title }, legend: { position: 'bottom' },
            tooltip: {
              callbacks: {
                label: function (ctx) {
                  return ctx.dataset.label + ': ' + pctLabel(ctx.parsed.x) + ' ≤ ' + duration(ctx.parsed.y);
                }
              }
            }
          }
        })
      };
    },

    resources: function (canvas) {
      var t = table(canvas.dataset.workload, canvas.dataset.level);
      return {
        type: 'bar',
        data: {
          labels: t.rows.map(function (r) { return r.contestant; }),
          datasets: [
            { label: 'CPU cores (median)', data: t.rows.map(function (r) { return r.cpuCores; }), yAxisID: 'cpu',
              backgroundColor: '#4269d0' },
            { label: 'RSS MiB (median of means)', data: t.rows.map(function (r) { return r.rssMeanBytes / 1048576; }),
              yAxisID: 'rss', backgroundColor: '#efb118' }
          ]
        },
        options: base(canvas, {
          scales: {
            cpu: { type: 'linear', position: 'left', beginAtZero: true, title: { display: true, text: 'CPU cores' } },
            rss: { type: 'linear', position: 'right', beginAtZero: true, grid: { drawOnChartArea: false },
              title: { display: true, text: 'RSS (MiB)' } }
          }
        })
      };
    },

    'throughput-vs-connections': function (canvas) { return byConnections(canvas, false); },
    'p99-vs-connections': function (canvas) { return byConnections(canvas, true); },

    'latency-vs-rate': function (canvas) {
      var workload = canvas.dataset.workload;
      var tables = data.tables.filter(function (t) { return t.workload === workload && t.level.model === 'open'; })
          .sort(function (a, b) { return a.level.ratePerSecond - b.level.ratePerSecond; });
      var datasets = [];
      data.contestants.forEach(function (c) {
        var p99 = [], p50 = [];
        tables.forEach(function (t) {
          var r = t.rows.find(function (x) { return x.contestant === c.id; });
          if (r) {
            p99.push({ x: t.level.ratePerSecond, y: ms(r.latencyMicros.p99.median) });
            p50.push({ x: t.level.ratePerSecond, y: ms(r.latencyMicros.p50.median) });
          }
        });
        if (p99.length) {
          datasets.push({ label: c.id + ' p99', data: p99, borderColor: colour[c.id], backgroundColor: colour[c.id],
            borderWidth: 2 });
          datasets.push({ label: c.id + ' p50', data: p50, borderColor: colour[c.id], backgroundColor: colour[c.id],
            borderDash: [5, 4], borderWidth: 1.5, pointStyle: 'rect' });
        }
      });
      return {
        type: 'line', data: { datasets: datasets },
        options: base(canvas, {
          scales: {
            x: { type: 'linear', title: { display: true, text: 'offered rate (req/s)' } },
            y: { type: 'logarithmic', title: { display: true, text: 'latency' }, ticks: { callback: msTicks } }
          }
        })
      };
    },

    startup: function (canvas) {
      var cs = data.contestants.filter(function (c) { return c.startupMillis !== null; });
      return {
        type: 'bar',
        data: {
          labels: cs.map(function (c) { return c.id + (c.status === 'measured' ? '' : ' (not measured)'); }),
          datasets: [
            { label: 'startup (ms)', data: cs.map(function (c) { return c.startupMillis; }), yAxisID: 'ms',
              backgroundColor: cs.map(function (c) { return colour[c.id]; }) },
            { label: 'idle RSS (MiB)', data: cs.map(function (c) { return c.idleRssBytes === null ? null : c.idleRssBytes / 1048576; }),
              yAxisID: 'rss', backgroundColor: 'rgba(120, 120, 120, 0.6)' }
          ]
        },
        options: base(canvas, {
          scales: {
            ms: { type: 'linear', position: 'left', beginAtZero: true, title: { display: true, text: 'startup (ms)' } },
            rss: { type: 'linear', position: 'right', beginAtZero: true, grid: { drawOnChartArea: false },
              title: { display: true, text: 'idle RSS (MiB)' } }
          }
        })
      };
    }
  };

  function byConnections(canvas, latency) {
    var workload = canvas.dataset.workload;
    var tables = data.tables.filter(function (t) { return t.workload === workload && t.level.model === 'closed'; })
        .sort(function (a, b) { return a.level.connections - b.level.connections; });
    var labels = tables.map(function (t) { return String(t.level.connections); });
    var datasets = [];
    data.contestants.forEach(function (c) {
      var values = tables.map(function (t) {
        var r = t.rows.find(function (x) { return x.contestant === c.id; });
        if (!r) { return null; }
        return latency ? ms(r.latencyMicros.p99.median) : r.throughputPerSecond.median;
      });
      if (values.some(function (v) { return v !== null; })) {
        datasets.push({ label: c.id, data: values, borderColor: colour[c.id], backgroundColor: colour[c.id], borderWidth: 2 });
      }
    });
    var y = latency
        ? { type: 'logarithmic', title: { display: true, text: 'p99 latency' }, ticks: { callback: msTicks } }
        : { beginAtZero: true, title: { display: true, text: 'req/s' } };
    return {
      type: 'line', data: { labels: labels, datasets: datasets },
      options: base(canvas, { scales: { x: { title: { display: true, text: 'connections' } }, y: y } })
    };
  }

  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    try {
      var build = builders[canvas.dataset.chart];
      if (!build) { throw new Error('unknown chart kind'); }
      var config = build(canvas);
      config.plugins = [readyPlugin];
      new Chart(canvas, config);
    } catch (e) {
      errors.push(canvas.dataset.chart + ': ' + e.message);
    }
  });
  update();
})();
