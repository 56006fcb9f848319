// fairlead sweep report: draws every chart container of the page from FAIRLEAD_SWEEP (spreads
// and medians computed by SweepReport). Every chart is SVG and without animation, so a headless
// browser's DOM shows what was drawn. Names reach ECharts only as data (SVG text nodes, its own
// escaped tooltips); no formatter builds markup.
(function () {
  'use strict';
  var S = window.FAIRLEAD_SWEEP;
  var COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2',
    '#17becf', '#bcbd22'];

  function color(i) {
    return COLORS[i % COLORS.length];
  }

  function measure(key) {
    for (var i = 0; i < S.measures.length; i++) {
      if (S.measures[i].key === key) {
        return S.measures[i];
      }
    }
    throw new Error('no measure named ' + key);
  }

  function round(digits) {
    return function (x) {
      return x === null ? '-' : Number(x.toFixed(digits + 1));
    };
  }

  function base(title, extra) {
    var o = {
      animation: false,
      title: { text: title, left: 0, textStyle: { fontSize: 14, fontWeight: 'bold' } },
      grid: { left: 56, right: 44, top: 72, bottom: 40, containLabel: true },
      tooltip: { trigger: 'item' },
      // one line, paged if the names do not fit: long variant names must not cover the plot
      legend: { type: 'scroll', top: 26, left: 0, right: 0 }
    };
    for (var k in extra) {
      o[k] = extra[k];
    }
    return o;
  }

  // Per variant, its spread over seeds: a box per scenario.
  function box(el) {
    var m = measure(el.getAttribute('data-measure'));
    var r = round(m.digits);
    return base(m.title + ' at the end, over seeds', {
      xAxis: {
        type: 'category',
        data: S.variants,
        // a variant's name is its policy and parameters: broken into lines at its spaces, and
        // turned when there are many
        axisLabel: {
          interval: 0,
          fontSize: 11,
          width: S.variants.length > 6 ? 160 : Math.max(60, Math.floor(560 / S.variants.length) - 8),
          overflow: 'break',
          lineHeight: 13,
          rotate: S.variants.length > 6 ? 40 : 0
        }
      },
      yAxis: { type: 'value', name: m.unit, scale: true },
      series: S.scenarios.map(function (sc, i) {
        return {
          name: sc,
          type: 'boxplot',
          boxWidth: [8, 40],
          itemStyle: { color: '#fff', borderColor: color(i), borderWidth: 1.5 },
          data: S.boxes[m.key][i].map(function (b) {
            return b === null ? '-' : b.map(r);
          })
        };
      })
    });
  }

  // A measure against one parameter's values: the median per policy (and scenario).
  function parameter(el) {
    var g = S.grid[Number(el.getAttribute('data-parameter'))];
    var m = measure(el.getAttribute('data-measure'));
    var r = round(m.digits);
    return base(m.title + ' against ' + g.parameter + ' (median)', {
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'category',
        data: g.values,
        name: g.parameter,
        nameLocation: 'middle',
        nameGap: 28,
        boundaryGap: g.values.length < 2
      },
      yAxis: { type: 'value', name: m.unit, scale: true },
      series: g.series.map(function (s, i) {
        return {
          name: s.name,
          type: 'line',
          symbolSize: 7,
          connectNulls: true,
          lineStyle: { width: 2.5 },
          itemStyle: { color: color(i) },
          data: s.medians[m.key].map(r)
        };
      })
    });
  }

  var BUILDERS = { box: box, parameter: parameter };

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
