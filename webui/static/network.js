// Draws the co-responsibility network of unit types from the JSON embedded in the page.
(function () {
  var holder = document.getElementById("network");
  var source = document.getElementById("network-data");
  if (!holder || !source || typeof cytoscape === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  var maxTotal = Math.max.apply(null, data.nodes.map(function (n) { return n.total; }).concat([1]));
  var linked = {};
  data.edges.forEach(function (e) { linked[e.source] = true; linked[e.target] = true; });
  var elements = data.nodes.filter(function (n) { return linked[n.id]; }).map(function (n) {
    return { data: { id: n.id, label: n.label, size: 18 + 42 * n.total / maxTotal, lead: n.lead } };
  }).concat(data.edges.map(function (e) {
    return { data: { id: e.source + "--" + e.target, source: e.source, target: e.target, weight: e.weight } };
  }));
  var cy = cytoscape({
    container: holder,
    elements: elements,
    layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: 9000, idealEdgeLength: 90 },
    style: [
      { selector: "node", style: { "label": "data(label)", "width": "data(size)", "height": "data(size)",
        "background-color": "#b3261e", "color": "#1d2733", "font-size": 11, "text-valign": "bottom" } },
      { selector: "edge", style: { "width": "mapData(weight, 1, 170, 1, 9)", "line-color": "#9fb3c8", "opacity": 0.7 } }
    ]
  });
  cy.on("tap", "node", function (event) { window.location.href = "/unit/" + event.target.id(); });
  holder.setAttribute("data-ready", "true");
})();
