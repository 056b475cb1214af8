// The query editor: YASGUI against this server's /sparql, with the competency questions as examples.
(function () {
  "use strict";
  var endpoint = window.location.origin + "/sparql";
  // No request may leave this server: no prefix.cc look-ups, no remote endpoint list.
  if (Yasgui.Yasqe && Yasgui.Yasqe.defaults) {
    Yasgui.Yasqe.defaults.autocompleters = ["prefixes", "variables"];
    Yasgui.Yasqe.defaults.prefixCcApi = window.location.origin + "/query/prefixes.json";
  }
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    // Prefix completion from this server instead of prefix.cc.
    yasqe: { prefixCcApi: window.location.origin + "/query/prefixes.json" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    persistenceId: null
  });
  window.icaYasgui = yasgui;

  fetch("/query/examples.json").then(function (r) { return r.json(); }).then(function (data) {
    var prefixes = data.prefixes || {};
    var byFile = {};
    data.examples.forEach(function (e) { byFile[e.file] = e; });
    var tab = yasgui.getTab();
    var yasqe = tab.getYasqe();
    if (yasqe.addPrefixes) yasqe.addPrefixes(prefixes);
    if (data.examples.length > 0 && (!yasqe.getValue() || /SELECT \* WHERE/.test(yasqe.getValue()))) {
      yasqe.setValue(data.examples[0].query);
    }
    document.querySelectorAll("button.example").forEach(function (b) {
      b.addEventListener("click", function () {
        var e = byFile[b.getAttribute("data-file")];
        var t = yasgui.getTab();
        t.getYasqe().setValue(e.query);
        t.getYasqe().query();
      });
    });
    document.body.setAttribute("data-examples-loaded", String(data.examples.length));
  });
})();
