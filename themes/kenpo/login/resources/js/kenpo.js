// 文字サイズ (text size) switch, the パスワードを表示する checkbox, live rule checks and forms sent once. No text lives here: labels come from the templates.
(function () {
  "use strict";
  var STORAGE_KEY = "kenpo.textSize";
  var LARGE_CLASS = "kenpo-text-large";

  function storedSize() {
    try { return window.localStorage.getItem(STORAGE_KEY) || "medium"; } catch (e) { return "medium"; }
  }

  function applySize(size) {
    document.documentElement.classList.toggle(LARGE_CLASS, size === "large");
    var buttons = document.querySelectorAll("[data-kenpo-text-size]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute("aria-pressed", String(buttons[i].getAttribute("data-kenpo-text-size") === size));
    }
  }

  // Applied before the body renders, so a member who chose 大 never sees the page jump.
  applySize(storedSize());

  // A page's forms go once. Every form of a login page carries the step's code, and the first press moves it on: a
  // second press while the next page loads (a double click, a second Enter, 送信 then 再請求) would reach Keycloak with
  // the old code or be refused as too soon, and its answer, not the first one's, is what the member would see. The
  // pressed button is not disabled: a disabled button's name and value would not be sent, and some steps read them.
  var SENDING = "data-kenpo-sending";
  var sending = false;
  document.addEventListener("submit", function (event) {
    if (sending) { event.preventDefault(); return; }
    if (event.defaultPrevented) { return; }
    sending = true;
    event.target.setAttribute(SENDING, "");
    event.target.setAttribute("aria-busy", "true");
  });
  // A page the browser kept whole and shows again (the back button) may be sent again, keycloak.v2's ログイン included.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) { return; }
    sending = false;
    var forms = document.querySelectorAll("form[" + SENDING + "]");
    for (var i = 0; i < forms.length; i++) {
      forms[i].removeAttribute(SENDING);
      forms[i].removeAttribute("aria-busy");
      var pressed = forms[i].querySelectorAll("[type=submit]:disabled");
      for (var j = 0; j < pressed.length; j++) { pressed[j].disabled = false; }
    }
  });

  // Live rule checks (the server checks again; these only help the member as they type).
  function halfWidth(value) {
    return value.replace(/[\uFF01-\uFF5E]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xFEE0); })
      .replace(/\u3000/g, " ");
  }
  var CHECKS = {
    loginIdLength: function (v, li) { v = halfWidth(v).replace(/\s/g, ""); return v.length >= +li.dataset.min && v.length <= +li.dataset.max; },
    loginIdCharacters: function (v) { v = halfWidth(v).replace(/\s/g, ""); return /^[A-Za-z0-9._-]+$/.test(v); },
    loginIdReserved: function (v) { v = halfWidth(v).replace(/\s/g, ""); return !(v.length === 8 && /[0-9]/.test(v.charAt(6) + v.charAt(7))); },
    passwordLength: function (v, li) { v = halfWidth(v); return v.length >= +li.dataset.min && v.length <= +li.dataset.max; },
    passwordUpper: function (v) { return /[A-Z]/.test(halfWidth(v)); },
    passwordLower: function (v) { return /[a-z]/.test(halfWidth(v)); },
    passwordDigit: function (v) { return /[0-9]/.test(halfWidth(v)); },
    passwordCharacters: function (v) { return /^[A-Za-z0-9]+$/.test(halfWidth(v)); }
  };
  function runChecks(input) {
    var items = document.querySelectorAll("[data-kenpo-for='" + input.id + "']");
    for (var i = 0; i < items.length; i++) {
      var check = CHECKS[items[i].getAttribute("data-kenpo-check")];
      if (!check) { continue; }
      var empty = input.value === "";
      var ok = !empty && check(input.value, items[i]);
      items[i].classList.toggle("kenpo-rule--ok", ok);
      items[i].classList.toggle("kenpo-rule--ng", !empty && !ok);
    }
  }

  // 文字サイズ at the top: the switch is rendered in the footer (keycloak.v2's template has no slot above the form) and
  // moved into the header here, so it is the first thing on the page on a phone and a laptop alike.
  function placeTextSize() {
    var group = document.querySelector(".kenpo-text-size");
    var header = document.getElementById("kc-header");
    if (!group) { return; }
    if (header) { header.appendChild(group); }
    group.hidden = false;
  }

  // Errors are tied to their fields for screen readers (aria-invalid, aria-describedby) and the first one gets the focus,
  // Keycloak's own fields (ログインID, 暗証キー) as well as the pack's.
  function tieErrors() {
    var containers = document.querySelectorAll("[id^='input-error-container-']");
    var first = null;
    for (var i = 0; i < containers.length; i++) {
      var error = containers[i].querySelector("[id^='input-error-']");
      if (!error) { continue; }
      var name = containers[i].id.substring("input-error-container-".length);
      var target = document.getElementById(name);
      if (!target) { continue; }
      var fields = target.matches("input, select, textarea") ? [target] : target.querySelectorAll("input, select, textarea");
      for (var j = 0; j < fields.length; j++) {
        var described = (fields[j].getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
        if (described.indexOf(error.id) < 0) { described.push(error.id); }
        fields[j].setAttribute("aria-describedby", described.join(" "));
        fields[j].setAttribute("aria-invalid", "true");
        if (!first) { first = fields[j]; }
      }
    }
    if (!first) { first = document.querySelector("input[aria-invalid='true'], select[aria-invalid='true'], textarea[aria-invalid='true']"); }
    if (first) { first.focus(); }
  }

  // keycloak.v2's "attempted username" box (shown above the email key and password steps) is labelled ログインID but its
  // label points at an input of another id: tie the two, so screen readers name the box.
  function labelAttemptedUsername() {
    var box = document.getElementById("kc-attempted-username");
    var label = document.querySelector("label[for='username']");
    if (box && label && !document.getElementById("username")) { label.setAttribute("for", box.id); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    applySize(storedSize());
    placeTextSize();
    labelAttemptedUsername();
    tieErrors();
    document.addEventListener("input", function (event) {
      if (event.target.id) { runChecks(event.target); }
    });
    // A form shown again after an error keeps the login ID: show its checks at once.
    var checked = document.querySelectorAll("[data-kenpo-for]");
    for (var i = 0; i < checked.length; i++) {
      var input = document.getElementById(checked[i].getAttribute("data-kenpo-for"));
      if (input && input.value) { runChecks(input); }
    }
    document.addEventListener("click", function (event) {
      var button = event.target.closest("[data-kenpo-text-size]");
      if (!button) { return; }
      var size = button.getAttribute("data-kenpo-text-size");
      try { window.localStorage.setItem(STORAGE_KEY, size); } catch (e) { /* private mode: still applies to this page */ }
      applySize(size);
    });
    document.addEventListener("change", function (event) {
      var box = event.target.closest("[data-kenpo-reveal]");
      if (!box) { return; }
      var form = document.getElementById(box.getAttribute("data-kenpo-reveal"));
      if (!form) { return; }
      var fields = form.querySelectorAll("input[data-kenpo-password], input[type=password]");
      for (var i = 0; i < fields.length; i++) {
        fields[i].setAttribute("data-kenpo-password", "");
        fields[i].type = box.checked ? "text" : "password";
      }
    });
  });
})();
