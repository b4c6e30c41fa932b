/* A small map of one listing's pin on its edit screen in the admin. */
(function () {
  "use strict";
  function draw() {
    var element = document.querySelector("[data-listing-map]");
    if (!element || !window.L || element.dataset.drawn) return;
    element.dataset.drawn = "1";
    var point = [parseFloat(element.dataset.lat), parseFloat(element.dataset.lon)];
    window.L.Icon.Default.imagePath = element.dataset.leafletImages;
    var map = window.L.map(element, { scrollWheelZoom: false }).setView(point, 14);
    window.L.tileLayer(element.dataset.tileUrl, {
      attribution: element.dataset.attribution,
      maxZoom: 19,
    }).addTo(map);
    window.L.marker(point, { keyboard: false }).addTo(map);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
