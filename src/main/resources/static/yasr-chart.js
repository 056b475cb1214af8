// A bar chart of SELECT results for the query editor: labels from the first non-numeric column, bar lengths
// from the first numeric one. Drawn as SVG with DOM calls (text is never parsed as HTML); no library, no network.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var MAX_BARS = 50;

  function isNumeric(binding) {
    return binding && binding.type === "literal" && binding.value !== "" && !isNaN(Number(binding.value));
  }

  function columns(vars, rows) {
    var value = null, label = null;
    vars.forEach(function (v) {
      var numeric = rows.length > 0 && rows.every(function (r) { return !r[v] || isNumeric(r[v]); }) && rows.some(function (r) { return r[v]; });
      if (numeric && value === null) value = v;
      if (!numeric && label === null) label = v;
    });
    return { value: value, label: label };
  }

  function el(name, attrs, text) {
    var e = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function Chart(yasr) {
    this.yasr = yasr;
    this.priority = 5;
    this.label = "Chart";
    this.hideFromSelection = false;
  }

  Chart.prototype.canHandleResults = function () {
    var r = this.yasr.results;
    if (!r || !r.getVariables || r.getType() !== "json") return false;
    var vars = r.getVariables(), rows = r.getBindings();
    return columns(vars, rows).value !== null;
  };

  Chart.prototype.getIcon = function () {
    var span = document.createElement("span");
    span.textContent = "\u2587";
    return span;
  };

  Chart.prototype.draw = function () {
    var r = this.yasr.results, vars = r.getVariables(), rows = r.getBindings().slice(0, MAX_BARS);
    var col = columns(vars, rows);
    var max = Math.max.apply(null, rows.map(function (row) { return row[col.value] ? Number(row[col.value].value) : 0; }).concat([0]));
    var barH = 22, labelW = 320, width = 900, height = rows.length * barH + 30;
    var svg = el("svg", { viewBox: "0 0 " + width + " " + height, width: "100%", role: "img", "class": "ica-chart" });
    svg.appendChild(el("title", {}, col.value + (col.label ? " by " + col.label : "")));
    rows.forEach(function (row, i) {
      var n = row[col.value] ? Number(row[col.value].value) : 0;
      var name = col.label && row[col.label] ? row[col.label].value : String(i + 1);
      var y = 10 + i * barH, w = max > 0 ? (width - labelW - 80) * n / max : 0;
      svg.appendChild(el("text", { x: labelW - 8, y: y + 15, "text-anchor": "end", "font-size": 13 }, name.length > 48 ? name.slice(0, 47) + "\u2026" : name));
      svg.appendChild(el("rect", { x: labelW, y: y + 3, width: Math.max(w, 1), height: barH - 6, fill: "#0b6e6e" }));
      svg.appendChild(el("text", { x: labelW + w + 6, y: y + 15, "font-size": 13 }, String(n)));
    });
    this.yasr.resultsEl.appendChild(svg);
  };

  if (window.Yasgui && Yasgui.Yasr) {
    Yasgui.Yasr.registerPlugin("chart", Chart);
    Yasgui.Yasr.defaults.pluginOrder = ["table", "chart", "response"];
  }
})();
