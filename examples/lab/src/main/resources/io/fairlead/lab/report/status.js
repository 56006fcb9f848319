// Runs before anything else: records script errors and console errors, and once the page has
// loaded writes into #report-status how many charts there are, how many drew marks, and the errors,
// so a reader (and a headless browser's DOM dump) sees whether the page worked.
(function () {
  'use strict';
  var errors = [];
  window.addEventListener('error', function (e) {
    errors.push('Uncaught ' + (e.message || String(e)));
  });
  var consoleError = console.error;
  console.error = function () {
    errors.push('console.error: ' + Array.prototype.join.call(arguments, ' '));
    consoleError.apply(console, arguments);
  };
  window.addEventListener('load', function () {
    var charts = document.querySelectorAll('.chart');
    var drawn = 0;
    for (var i = 0; i < charts.length; i++) {
      var svg = charts[i].querySelector('svg');
      var marks = 0;
      if (svg) {
        var shapes = svg.querySelectorAll('path, rect');
        for (var j = 0; j < shapes.length; j++) {
          var d = shapes[j].getAttribute('d');
          if ((d && d.length > 2) || Number(shapes[j].getAttribute('width')) > 0) {
            marks++;
          }
        }
      }
      charts[i].setAttribute('data-marks', String(marks));
      if (marks > 0) {
        drawn++;
      }
    }
    if (!window.fairleadDrawn) {
      errors.push('the charts script did not finish');
    }
    var status = document.getElementById('report-status');
    status.setAttribute('data-charts', String(charts.length));
    status.setAttribute('data-drawn', String(drawn));
    status.setAttribute('data-errors', String(errors.length));
    if (errors.length > 0 || drawn < charts.length) {
      status.hidden = false;
      status.className = 'errors';
      status.textContent = 'This page did not draw completely (' + drawn + ' of ' + charts.length
        + ' charts): ' + errors.join(' | ');
    }
  });
})();
