/* The app's only script of its own: quick exit, idle lock, small focus help.
 * Every form works without it; this adds the Shift shortcut, leaves without a
 * Back entry, keeps in-app links out of the tab's Back list, and locks the page
 * after the idle time. No inline script: CSP. */
(function () {
  "use strict";

  var body = document.body;
  var csrf = body.getAttribute("data-csrf") || "";
  var exitUrl = body.getAttribute("data-exit-url") || "/weather";
  var left = false;
  // Other open tabs of the app leave too. A BroadcastChannel keeps nothing in the
  // browser's storage, unlike a localStorage signal.
  var others = window.BroadcastChannel ? new window.BroadcastChannel("x") : null;

  function leave() {
    left = true;
    // Off the screen at once, and out of any snapshot the browser keeps for Back.
    body.hidden = true;
    // replace(), not assign(): Back must not return to this page.
    window.location.replace(exitUrl);
  }

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
    try {
      if (others) {
        others.postMessage("leave");
      }
    } catch (error) {
      // Leave regardless.
    }
    leave();
  }

  if (others) {
    others.onmessage = function () { leave(); };
  }

  // A page the browser restores from its back-forward cache runs no request; if it was
  // left by the quick exit, leave again before anyone sees it.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && left) {
      window.location.replace(exitUrl);
    }
  });

  // In-app links replace the current history entry instead of adding one, so the
  // tab's Back list holds as little of the app as possible. Left alone: new-tab and
  // modified clicks, downloads, links elsewhere, and jumps within the page.
  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey ||
        event.shiftKey || event.altKey) {
      return;
    }
    var link = event.target && event.target.closest ? event.target.closest("a[href]") : null;
    if (!link || link.hasAttribute("download") || (link.target && link.target !== "_self") ||
        link.origin !== window.location.origin || !/^https?:$/.test(link.protocol)) {
      return;
    }
    if (link.pathname === window.location.pathname && link.search === window.location.search &&
        link.hash) {
      return;
    }
    if (/\.[a-z0-9]+$/i.test(link.pathname)) {
      return; // a file (a calendar, a drawing), not a page
    }
    event.preventDefault();
    window.location.replace(link.href);
  });

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
          if (response.redirected && !/\/unlock$/.test(response.url)) {
            leave(); // a quick exit happened elsewhere: the app now leads to its page
          } else if (response.redirected || response.status !== 204) {
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

/* Chat import with a progress bar. Without this script the form still posts
 * as multipart to /chats/import; with it, the file is sent as the raw body of
 * POST /chats/upload so the bar can follow the bytes, and the server answers
 * JSON: {next} to go on, or {error, field, choices} to show on this page. */
(function () {
  "use strict";

  var form = document.querySelector("form[data-upload]");
  if (!form || !window.XMLHttpRequest) {
    return;
  }
  var csrf = document.body.getAttribute("data-csrf") || "";
  var input = form.querySelector("input[type=file]");
  var problem = document.getElementById("upload-problem");
  var progress = document.getElementById("upload-progress");
  var bar = document.getElementById("upload-bar");
  var status = document.getElementById("upload-status");
  var button = document.getElementById("upload-button");
  var maxBytes = parseInt(form.getAttribute("data-max-bytes") || "0", 10);

  form.querySelectorAll("[data-no-script-note]").forEach(function (note) {
    note.hidden = true;
  });

  function offer(fieldset, choices, labels) {
    var list = fieldset.querySelector(".choices");
    list.textContent = "";
    choices.forEach(function (choice, index) {
      var label = document.createElement("label");
      var radio = document.createElement("input");
      label.className = "choice";
      radio.type = "radio";
      radio.name = "date_order";
      radio.value = choice;
      label.appendChild(radio);
      label.appendChild(document.createTextNode(" " + labels[index]));
      list.appendChild(label);
    });
  }

  function show(message, field, choices, labels) {
    problem.textContent = message;
    problem.hidden = false;
    input.removeAttribute("aria-invalid");
    if (field === "file") {
      input.setAttribute("aria-invalid", "true");
    }
    var extra = field ? form.querySelector("[data-extra='" + field + "']") : null;
    if (extra) {
      extra.hidden = false;
      if (extra.tagName === "DETAILS") {
        extra.open = true;
      }
    }
    if (field === "date_order" && choices && labels && labels.length === choices.length &&
        choices.length) {
      offer(extra, choices, labels); // the two readings of the file's own first date
    }
    if (field === "chat" && choices && choices.length) {
      var select = document.getElementById("chat");
      select.textContent = "";
      choices.forEach(function (choice) {
        var option = document.createElement("option");
        option.value = choice;
        option.textContent = choice;
        select.appendChild(option);
      });
    }
    progress.hidden = true;
    button.disabled = false;
    problem.focus();
  }

  function value(name) {
    var field = form.querySelector("[name='" + name + "']:checked") ||
      form.querySelector("select[name='" + name + "']");
    var extra = field ? field.closest("[data-extra]") : null;
    return field && !(extra && extra.hidden) ? field.value : "";
  }

  problem.setAttribute("tabindex", "-1");

  form.addEventListener("submit", function (event) {
    var file = input.files && input.files[0];
    if (!file) {
      return; // the browser's own "choose a file" message shows
    }
    event.preventDefault();
    if (maxBytes && file.size > maxBytes) {
      show("This file is larger than the most that can be imported at once. " +
        "Nothing was imported.", "file");
      return;
    }
    var query = new URLSearchParams({
      name: file.name,
      format: value("format") || "auto",
      date_order: value("date_order"),
      chat: value("chat")
    });
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.getAttribute("data-upload") + "?" + query.toString());
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.setRequestHeader("X-CSRF-Token", csrf);
    xhr.responseType = "json";

    problem.hidden = true;
    progress.hidden = false;
    button.disabled = true;
    bar.max = 100;
    bar.value = 0;
    status.textContent = "Sending the file… 0%";

    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable && e.total > 0) {
        var percent = Math.floor((e.loaded / e.total) * 100);
        bar.value = percent;
        status.textContent = "Sending the file… " + percent + "%";
      }
    };
    xhr.upload.onload = function () {
      bar.removeAttribute("value"); // no measure of the reading: an honest moving bar
      status.textContent = "Reading your chat… A long history can take a minute.";
    };
    xhr.onload = function () {
      var answer = xhr.response || {};
      if (xhr.status === 200 && answer.next) {
        status.textContent = "Done. Opening it…";
        window.location.assign(answer.next);
      } else if (/\/unlock$/.test(xhr.responseURL || "")) {
        window.location.replace("/unlock"); // locked meanwhile: the guard sent us there
      } else {
        show(answer.error || "That did not work. Reload the page and try once more.",
          answer.field, answer.choices, answer.labels);
      }
    };
    xhr.onerror = function () {
      show("The upload stopped before it finished. Nothing was imported; " +
        "you could try again.", "file");
    };
    xhr.send(file);
  });
})();
