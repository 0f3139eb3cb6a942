/* Clearheart's only script of its own: quick exit, idle lock, small focus help.
 * Every form works without it; this adds the Shift shortcut, leaves without a
 * Back entry, and locks the page after the idle time. No inline script: CSP. */
(function () {
  "use strict";

  var body = document.body;
  var csrf = body.getAttribute("data-csrf") || "";
  var exitUrl = body.getAttribute("data-exit-url") || "/weather";

  function quickExit() {
    try {
      // keepalive lets the lock request finish while the page is replaced.
      fetch("/exit", {
        method: "POST",
        keepalive: true,
        credentials: "same-origin",
        headers: { "X-CSRF-Token": csrf }
      }).catch(function () {});
    } catch (error) {
      // Leave regardless: getting away matters more than the request.
    }
    // replace(), not assign(): Back must not return to this page.
    window.location.replace(exitUrl);
  }

  // Shift pressed three times within a second. Any other key resets the
  // count, so capital letters while typing never trigger it.
  var presses = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") {
      presses = [];
      return;
    }
    if (event.repeat) {
      return;
    }
    var now = Date.now();
    presses = presses.filter(function (at) { return now - at < 1000; });
    presses.push(now);
    if (presses.length >= 3) {
      presses = [];
      quickExit();
    }
  }, true);

  document.querySelectorAll("form.quick-exit").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      quickExit();
    });
  });

  // Idle lock. The server locks the vault after the same quiet time; this
  // takes the page off the screen too. While someone types, a light ping
  // tells the server they are still here, so a long entry is not cut short.
  if (body.hasAttribute("data-signed-in")) {
    var minutes = parseFloat(body.getAttribute("data-idle-minutes") || "10");
    var limit = (minutes > 0 ? minutes : 10) * 60000;
    var contact = Date.now();
    var pingEvery = Math.min(60000, limit / 3);

    var toUnlock = function () { window.location.replace("/unlock"); };
    var active = function () {
      var now = Date.now();
      if (now - contact < pingEvery) {
        return;
      }
      contact = now;
      fetch("/activity", { credentials: "same-origin", cache: "no-store" })
        .then(function (response) {
          if (response.redirected || response.status !== 204) {
            toUnlock();
          }
        })
        .catch(function () {});
    };
    ["keydown", "pointerdown", "input", "wheel", "touchstart"].forEach(function (name) {
      document.addEventListener(name, active, { passive: true, capture: true });
    });
    document.addEventListener("htmx:afterRequest", function () { contact = Date.now(); });
    window.setInterval(function () {
      if (Date.now() - contact >= limit) {
        toUnlock();
      }
    }, Math.max(500, Math.min(15000, limit / 10)));
  }

  // After htmx replaces a practice card, move focus to its heading so a
  // keyboard or screen reader user lands on the result.
  document.addEventListener("htmx:afterSettle", function (event) {
    var target = event.detail && event.detail.target;
    var card = target && target.id ? document.getElementById(target.id) : null;
    var heading = card ? card.querySelector("[data-focus-after-swap]") : null;
    if (heading) {
      heading.focus();
    }
  });
})();
