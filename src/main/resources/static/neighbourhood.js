// The neighbourhood picture of an entity page: fetches /graph.json and draws it with Cytoscape.js.
// Labels are drawn on a canvas, never inserted as HTML.
(function () {
  const box = document.getElementById('graph');
  if (!box || typeof cytoscape !== 'function') return;
  fetch(box.dataset.src, {headers: {Accept: 'application/json'}})
    .then(r => r.ok ? r.json() : Promise.reject(new Error('HTTP ' + r.status)))
    .then(data => {
      const cy = cytoscape({
        container: box,
        maxZoom: 1.3,
        elements: {nodes: data.nodes, edges: data.edges},
        layout: {name: 'concentric', concentric: n => n.data('focus') ? 2 : 1, levelWidth: () => 1, minNodeSpacing: 30, animate: false},
        style: [
          {selector: 'node', style: {label: 'data(label)', 'font-size': 10, 'text-wrap': 'wrap', 'text-max-width': 110,
            'background-color': '#0b6e6e', width: 14, height: 14, color: '#1d2733', 'text-valign': 'bottom'}},
          {selector: 'node[?focus]', style: {'background-color': '#c0572b', width: 22, height: 22, 'font-weight': 'bold'}},
          {selector: 'edge', style: {label: 'data(label)', 'font-size': 8, color: '#5b6b7b', width: 1, 'line-color': '#9fb0c0',
            'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'target-arrow-color': '#9fb0c0', 'text-rotation': 'autorotate'}}
        ]
      });
      // Only links the server made (local paths, http and https) are followed.
      cy.on('tap', 'node', e => {
        const href = e.target.data('href');
        if (!e.target.data('focus') && typeof href === 'string' && /^(\/(?!\/)|https?:\/\/)/i.test(href))
          window.location.href = href;
      });
      box.dataset.nodes = String(cy.nodes().length);
      window.icaGraph = cy;
    })
    .catch(err => { box.textContent = 'The picture could not be drawn: ' + err.message; });
})();
