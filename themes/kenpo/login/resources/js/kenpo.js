// 文字サイズ (text size) switch and the パスワードを表示する checkbox. No text lives here: labels come from the templates.
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

  document.addEventListener("DOMContentLoaded", function () {
    applySize(storedSize());
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
