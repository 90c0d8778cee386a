// Draw every chart of the page from the JSON block the server rendered.
(function () {
  function draw() {
    var block = document.getElementById("chart-data");
    if (!block || !window.Plotly) return;
    var figures = JSON.parse(block.textContent);
    document.querySelectorAll("[data-chart]").forEach(function (el) {
      var fig = figures[el.dataset.chart];
      if (!fig) return;
      window.Plotly.newPlot(el, fig.data, fig.layout, {
        responsive: true,
        displaylogo: false,
        modeBarButtonsToRemove: ["lasso2d", "select2d"],
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
