/* Stackbench advice page: draws the chart of monthly cost against the p99 target per contestant
 * from the advice JSON embedded in #stackbench-advice. A contestant that cannot meet a target has
 * no point there (a gap). Marks the canvas data-ready="true" and keeps #chart-status up to date, as
 * the report page does, so a headless browser can check it. */
(function () {
  'use strict';
  var status = document.getElementById('chart-status');
  var errors = window.__stackbenchErrors || [];
  var data = JSON.parse(document.getElementById('stackbench-advice').textContent);
  var locale = document.body.dataset.locale || 'en';
  var palette = ['#4269d0', '#efb118', '#ff725c', '#6cc5b0', '#3ca951', '#ff8ab7', '#a463f2', '#97bbf5', '#9c6b4e', '#9498a0'];
  var rendered = 0;

  function update() {
    status.dataset.rendered = String(rendered);
    status.dataset.errors = String(errors.length);
    var expected = Number(status.dataset.expected);
    status.textContent = rendered + ' of ' + expected + ' charts drawn' +
        (errors.length ? '; errors: ' + errors.join(' | ') : '.');
    status.className = errors.length ? 'status bad' : (rendered === expected ? 'status ok' : 'status');
  }

  var readyPlugin = {
    id: 'stackbenchReady',
    afterRender: function (chart) {
      if (chart.canvas.dataset.ready === 'true') { return; }
      chart.canvas.dataset.ready = 'true';
      rendered++;
      update();
    }
  };

  try {
    var canvas = document.querySelector('canvas[data-chart="cost-vs-target"]');
    var ids = data.costByTarget.length ? data.costByTarget[0].costs.map(function (c) { return c.contestant; }) : [];
    var datasets = ids.map(function (id, i) {
      return {
        label: id,
        borderColor: palette[i % palette.length],
        backgroundColor: palette[i % palette.length],
        spanGaps: false,
        data: data.costByTarget.map(function (p) {
          var c = p.costs.find(function (x) { return x.contestant === id; });
          return { x: p.p99TargetMicros / 1000, y: c && c.costPerMonth !== null ? c.costPerMonth : null };
        })
      };
    });
    var top = 0;
    datasets.forEach(function (d) { d.data.forEach(function (p) { if (p.y !== null && p.y > top) { top = p.y; } }); });
    var target = data.profile.p99TargetMicros / 1000;
    datasets.push({ label: 'your p99 target', borderColor: '#1d2430', borderDash: [6, 4], pointRadius: 0,
      data: [{ x: target, y: 0 }, { x: target, y: top * 1.05 || 1 }] });
    new Chart(canvas, {
      type: 'line',
      data: { datasets: datasets },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        plugins: { title: { display: true, text: canvas.dataset.title } },
        scales: {
          x: { type: 'logarithmic', title: { display: true, text: 'p99 target (ms)' },
               ticks: { callback: function (v) { return Number(v).toLocaleString(locale); } } },
          y: { beginAtZero: true, title: { display: true, text: 'monthly cost (' + data.profile.prices.currency + ')' } }
        }
      },
      plugins: [readyPlugin]
    });
  } catch (e) {
    errors.push(String(e && e.message || e));
    update();
  }
})();
