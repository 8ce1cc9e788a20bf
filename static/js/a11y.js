/* 适老化 reading aids: a larger text size (two steps above normal) and a high-contrast theme, chosen with the
   header buttons and remembered across pages in localStorage. Loaded in <head> without defer so the reader's
   choice is applied before the first paint; the buttons stay hidden until this script can make them work. */
(function () {
  "use strict";
  var root = document.documentElement;
  var SIZE = "gongkai-text-size";
  var CONTRAST = "gongkai-contrast";
  var sizes = { normal: "", large: "text-large", xlarge: "text-xlarge" };

  function load(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }
  function save(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { /* private mode: the choice lasts this page */ }
  }
  function size() {
    var s = load(SIZE);
    return Object.prototype.hasOwnProperty.call(sizes, s) ? s : "normal";
  }
  function apply() {
    var s = size();
    root.classList.toggle("text-large", s === "large");
    root.classList.toggle("text-xlarge", s === "xlarge");
    root.classList.toggle("contrast", load(CONTRAST) === "on");
  }
  function sync(tools) {
    var s = size();
    var buttons = tools.querySelectorAll("[data-text-size]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute("aria-pressed", String(buttons[i].getAttribute("data-text-size") === s));
    }
    var c = tools.querySelector("[data-contrast]");
    if (c) { c.setAttribute("aria-pressed", String(load(CONTRAST) === "on")); }
  }

  root.setAttribute("data-js", ""); /* the buttons are shown from the first paint (site.css) */
  apply();
  document.addEventListener("DOMContentLoaded", function () {
    var tools = document.getElementById("a11y-tools");
    if (!tools) { return; }
    tools.addEventListener("click", function (ev) {
      var b = ev.target.closest("button");
      if (!b) { return; }
      if (b.hasAttribute("data-text-size")) {
        save(SIZE, b.getAttribute("data-text-size"));
      } else if (b.hasAttribute("data-contrast")) {
        save(CONTRAST, load(CONTRAST) === "on" ? "off" : "on");
      }
      apply();
      sync(tools);
    });
    sync(tools);
    tools.hidden = false;
  });
  /* Another tab changed the setting: follow it. */
  window.addEventListener("storage", function () {
    apply();
    var tools = document.getElementById("a11y-tools");
    if (tools) { sync(tools); }
  });
}());
