// fairlead lab report: draws every chart container of the page from FAIRLEAD_FIGURES (the same
// figures as figures.json). Every chart is SVG and without animation, so a headless browser's DOM
// shows what was drawn. Text reaches ECharts only as data (SVG text nodes, escaped tooltips).
(function () {
  'use strict';
  var F = window.FAIRLEAD_FIGURES;
  var COLORS = window.FAIRLEAD_COLORS;

  function color(i) {
    return COLORS[i];
  }

  function base(title, extra) {
    var o = {
      animation: false,
      title: { text: title, left: 0, textStyle: { fontSize: 14, fontWeight: 'bold' } },
      grid: { left: 56, right: 44, top: 72, bottom: 40, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 26, left: 0 }
    };
    for (var k in extra) {
      o[k] = extra[k];
    }
    return o;
  }

  function weekLabels() {
    return F.runs[0].weeks.map(function (w) {
      return 'wk ' + w.week + ' (' + w.to.substring(5) + ')';
    });
  }

  function lines(title, yName, pick, digits) {
    return base(title, {
      xAxis: { type: 'category', data: weekLabels(), boundaryGap: false },
      yAxis: { type: 'value', name: yName, nameTextStyle: { align: 'left' } },
      series: F.runs.map(function (r, i) {
        return {
          name: r.policy,
          type: 'line',
          symbolSize: 5,
          lineStyle: { width: r.history ? 2 : 2.5, type: r.history ? 'dashed' : 'solid' },
          itemStyle: { color: color(i) },
          data: r.weeks.map(function (w) {
            var v = pick(w);
            return v === null ? null : Number(v.toFixed(digits));
          })
        };
      })
    });
  }

  // Final customers per rep against the fair share: reps ordered from most above to most below.
  function load(i) {
    var run = F.runs[i];
    var reps = run.reps.slice().sort(function (a, b) {
      return (b.customers - b.fairCustomers) - (a.customers - a.fairCustomers);
    });
    function tone(r) {
      if (r.customers > 1.1 * r.fairCustomers + 0.5) {
        return '#d9534f';
      }
      if (r.customers < 0.9 * r.fairCustomers - 0.5) {
        return '#5b8fd6';
      }
      return '#8fbf7f';
    }
    return base(run.policy + ': customers per rep at the end', {
      legend: {
        top: 26, left: 0,
        data: ['more than 10 % above fair', 'within 10 %', 'more than 10 % below fair',
          'fair share']
      },
      grid: { left: 48, right: 16, top: 72, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: reps.map(function (r) { return r.rep; }),
        axisLabel: { interval: 0, rotate: reps.length > 8 ? 50 : 0, fontSize: 10 }
      },
      yAxis: { type: 'value', name: 'customers' },
      series: [
        {
          name: 'customers',
          type: 'bar',
          stack: 'customers',
          barMaxWidth: 28,
          data: reps.map(function (r) {
            return { value: r.customers, itemStyle: { color: tone(r) } };
          })
        },
        {
          name: 'fair share',
          type: 'scatter',
          symbol: 'rect',
          symbolSize: [16, 3],
          itemStyle: { color: '#222' },
          data: reps.map(function (r) { return Number(r.fairCustomers.toFixed(1)); })
        },
        // legend entries for the three tones (no data)
        { name: 'more than 10 % above fair', type: 'bar', stack: 'customers', data: [], itemStyle: { color: '#d9534f' } },
        { name: 'within 10 %', type: 'bar', stack: 'customers', data: [], itemStyle: { color: '#8fbf7f' } },
        { name: 'more than 10 % below fair', type: 'bar', stack: 'customers', data: [], itemStyle: { color: '#5b8fd6' } }
      ]
    });
  }

  // Lorenz curve of weighted loads: reps from least to most loaded per unit of weight; x the share
  // of the team's weight, y the share of the load.
  function lorenzPoints(reps, load) {
    var rows = reps.map(function (r) {
      return { w: r.weight, x: load(r) };
    }).sort(function (a, b) { return a.x / a.w - b.x / b.w; });
    var tw = 0, tx = 0;
    rows.forEach(function (r) { tw += r.w; tx += r.x; });
    var pts = [[0, 0]], cw = 0, cx = 0;
    rows.forEach(function (r) {
      cw += r.w;
      cx += r.x;
      pts.push([Number((100 * cw / tw).toFixed(2)), tx === 0 ? 0 : Number((100 * cx / tx).toFixed(2))]);
    });
    return pts;
  }

  function lorenz(title, load) {
    var series = F.runs.map(function (r, i) {
      return {
        name: r.policy,
        type: 'line',
        symbol: 'none',
        lineStyle: { width: 2.5, type: r.history ? 'dashed' : 'solid' },
        itemStyle: { color: color(i) },
        data: lorenzPoints(r.reps, load)
      };
    });
    series.push({
      name: 'perfectly even',
      type: 'line',
      symbol: 'none',
      lineStyle: { width: 1, type: 'dotted', color: '#444' },
      itemStyle: { color: '#444' },
      data: [[0, 0], [100, 100]]
    });
    return base(title, {
      tooltip: { trigger: 'item' },
      xAxis: { type: 'value', min: 0, max: 100, name: '% of the team (least loaded first)',
        nameLocation: 'middle', nameGap: 28 },
      yAxis: { type: 'value', min: 0, max: 100, name: '% held' },
      series: series
    });
  }

  function moves() {
    return base('Customers moved by rebalancing, per week', {
      xAxis: { type: 'category', data: weekLabels() },
      yAxis: { type: 'value', name: 'moves', minInterval: 1 },
      series: F.runs.map(function (r, i) {
        return {
          name: r.policy,
          type: 'bar',
          itemStyle: { color: color(i) },
          data: r.weeks.map(function (w) { return w.rebalanceMoves; })
        };
      })
    });
  }

  function unassigned() {
    var reasons = [];
    F.runs.forEach(function (r) {
      r.weeks.forEach(function (w) {
        Object.keys(w.unassignedByReason).forEach(function (k) {
          if (reasons.indexOf(k) < 0) {
            reasons.push(k);
          }
        });
      });
    });
    reasons.sort();
    return base('Leads left unassigned at the end of the week they arrived, by reason', {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: reasons, axisLabel: { interval: 0, fontSize: 11 } },
      yAxis: { type: 'value', name: 'leads', minInterval: 1 },
      series: F.runs.map(function (r, i) {
        return {
          name: r.policy,
          type: 'bar',
          itemStyle: { color: color(i) },
          data: reasons.map(function (k) {
            var n = 0;
            r.weeks.forEach(function (w) { n += w.unassignedByReason[k] || 0; });
            return n;
          })
        };
      })
    });
  }

  // What more moves would buy: per run, the gaps to the proven bounds after each budget's moves.
  // Budgets that used the same moves are the same book, so they share a point and its label.
  function curve() {
    var measures = [
      { pick: function (p) { return p.countGap; }, line: 'solid', symbol: 'circle' },
      { pick: function (p) { return p.valueMaxGap; }, line: 'dotted', symbol: 'triangle' }
    ];
    var series = [];
    F.runs.forEach(function (r, i) {
      var points = [];
      r.curve.points.forEach(function (p) {
        var last = points[points.length - 1];
        if (last && last.moves === p.moves) {
          last.budgets.push(p.budget);
        } else {
          points.push({ moves: p.moves, budgets: [p.budget], point: p });
        }
      });
      measures.forEach(function (m) {
        series.push({
          name: r.policy,
          type: 'line',
          symbol: m.symbol,
          symbolSize: 7,
          lineStyle: { width: 2, type: m.line },
          itemStyle: { color: color(i) },
          label: { show: true, position: 'top', fontSize: 10, formatter: '{b}' },
          labelLayout: { hideOverlap: true },
          data: points.filter(function (q) { return m.pick(q.point) !== null; })
            .map(function (q) {
              return {
                name: q.budgets.join(', '),
                value: [q.moves, Number((100 * m.pick(q.point)).toFixed(1))]
              };
            })
        });
      });
    });
    return base('What more moves would buy: % above the proven best, against moves', {
      tooltip: { trigger: 'item' },
      xAxis: { type: 'value', name: 'moves', minInterval: 1, nameLocation: 'middle',
        nameGap: 28 },
      yAxis: { type: 'value', name: '% above the proven best', min: 0 },
      series: series
    });
  }

  var BUILDERS = {
    load: function (el) { return load(Number(el.getAttribute('data-run'))); },
    'lorenz-count': function () {
      return lorenz('Lorenz curve of customers at the end', function (r) { return r.customers; });
    },
    'lorenz-value': function () {
      return lorenz('Lorenz curve of value at the end', function (r) { return r.value; });
    },
    'time-gini': function () {
      return lines('Gini of customers per rep, week by week (0 = even)', 'Gini',
        function (w) { return w.countGini; }, 3);
    },
    'time-deviation': function () {
      return lines('Largest gap between a rep and its fair share, week by week', 'customers',
        function (w) { return w.countMaxDeviation; }, 1);
    },
    'time-lag': function () {
      return lines('Receipts lag: most new leads a rep is behind or ahead this period', 'leads',
        function (w) { return w.lag; }, 1);
    },
    moves: moves,
    curve: curve,
    unassigned: unassigned
  };

  var charts = document.querySelectorAll('.chart');
  for (var c = 0; c < charts.length; c++) {
    var el = charts[c];
    var build = BUILDERS[el.getAttribute('data-chart')];
    if (!build) {
      throw new Error('no chart named ' + el.getAttribute('data-chart'));
    }
    echarts.init(el, null, { renderer: 'svg' }).setOption(build(el));
  }
  window.addEventListener('resize', function () {
    for (var c = 0; c < charts.length; c++) {
      echarts.getInstanceByDom(charts[c]).resize();
    }
  });
  window.fairleadDrawn = true;
})();
