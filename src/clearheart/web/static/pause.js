/* The pause pages' timers: time left in the holding pen, and the exercise clocks.
 * Everything works without it (the server writes the time left; the breathing
 * circle is CSS); this only keeps the numbers moving. No inline script: CSP. */
(function () {
  "use strict";

  function clock(seconds) {
    var s = Math.max(0, Math.ceil(seconds));
    var m = Math.floor(s / 60);
    var rest = s % 60;
    return m + ":" + (rest < 10 ? "0" : "") + rest;
  }

  // The holding pen: "12:30 left", and the bar of time waited.
  var pens = document.querySelectorAll("[data-until]");
  function tickPens() {
    var now = Date.now();
    pens.forEach(function (el) {
      var until = Date.parse(el.getAttribute("data-until"));
      var total = parseInt(el.getAttribute("data-total"), 10) || 1;
      if (isNaN(until)) {
        return;
      }
      var left = (until - now) / 1000;
      el.textContent = left > 0 ? clock(left) + " left"
        : "The time is up. Decide whenever you are ready.";
      var bar = el.parentNode.querySelector("progress");
      if (bar) {
        bar.value = Math.min(total, Math.max(0, total - left));
      }
    });
  }
  if (pens.length) {
    tickPens();
    window.setInterval(tickPens, 1000);
  }

  // Exercise clocks: the checkbox starts the CSS animation; this counts down beside it.
  document.querySelectorAll(".exercise-toggle").forEach(function (toggle) {
    var label = document.querySelector("label[for='" + toggle.id + "']");
    var box = toggle.parentNode.querySelector("[data-timer]");
    if (!box || !label) {
      return;
    }
    var face = box.querySelector(".exercise-clock");
    var total = parseInt(box.getAttribute("data-timer"), 10) || 60;
    var timer = null;
    var endsAt = 0;

    function stop(finished) {
      if (timer !== null) {
        window.clearInterval(timer);
        timer = null;
      }
      toggle.checked = false;
      box.classList.remove("running");
      label.textContent = label.getAttribute("data-start-label");
      face.textContent = finished ? "Done. Notice how you feel now, without judging it." : clock(total);
    }

    function tick() {
      var left = (endsAt - Date.now()) / 1000;
      if (left <= 0) {
        stop(true);
        return;
      }
      face.textContent = clock(left);
    }

    toggle.addEventListener("change", function () {
      if (toggle.checked) {
        endsAt = Date.now() + total * 1000;
        box.classList.add("running");
        label.textContent = label.getAttribute("data-stop-label");
        tick();
        timer = window.setInterval(tick, 250);
      } else {
        stop(false);
      }
    });
  });
})();
