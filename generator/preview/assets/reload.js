// gongkai serve: reload the page when the site was rebuilt. Served only by the preview server, never published.
(function () {
  var me = document.currentScript;
  var gen = me ? new URL(me.src, location.href).searchParams.get("g") : "";
  var es = new EventSource("/_gongkai/events?g=" + encodeURIComponent(gen || ""));
  es.addEventListener("reload", function () {
    es.close();
    location.reload();
  });
})();
