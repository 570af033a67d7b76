// Progressive enhancement only: every page works without this script (it reloads itself instead).
// With it, the server's /events stream says which UPS changed and the page swaps in that UPS's
// server-rendered fragment (data-live), so status, gauges, charts and events update without a reload.
(function () {
  'use strict';
  if (!window.EventSource || !window.fetch || !document.querySelector('[data-live]')) {
    return;
  }
  var state = document.getElementById('live-state');
  var inFlight = {};

  function say(text) {
    if (state) { state.textContent = text; }
  }

  function refresh(ups) {
    if (inFlight[ups]) { inFlight[ups] = 'again'; return; }
    inFlight[ups] = true;
    var targets = Array.prototype.filter.call(document.querySelectorAll('[data-live]'), function (el) {
      return el.getAttribute('data-ups') === ups;
    });
    Promise.all(targets.map(function (el) {
      return fetch(el.getAttribute('data-live'), { headers: { Accept: 'text/html' }, credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) {
          if (html === null) { return; }
          var t = document.createElement('template');
          t.innerHTML = html.trim();
          var fresh = t.content.firstElementChild;
          if (fresh && el.parentNode) { el.parentNode.replaceChild(fresh, el); }
        });
    })).catch(function () { /* the next event or a reload brings it */ }).then(function () {
      var again = inFlight[ups] === 'again';
      delete inFlight[ups];
      if (again) { refresh(ups); }
    });
  }

  var events = new EventSource('/events');
  events.onopen = function () { say('Updates: live'); document.body.setAttribute('data-live-connected', 'true'); };
  events.onerror = function () { say('Updates: reconnecting…'); document.body.removeAttribute('data-live-connected'); };
  events.addEventListener('ups', function (e) {
    try { refresh(JSON.parse(e.data).ups); } catch (err) { /* not for us */ }
  });
})();
