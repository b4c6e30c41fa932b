/* A small map of one listing's pin on its edit screen in the admin, drawn only when asked
   for: its tiles come from the map provider, and the admin requests nothing from a third
   party by itself. */
(function () {
  "use strict";
  function draw() {
    var element = document.querySelector("[data-listing-map]");
    if (!element || !window.L || element.dataset.drawn) return;
    element.dataset.drawn = "1";
    element.hidden = false;
    var point = [parseFloat(element.dataset.lat), parseFloat(element.dataset.lon)];
    window.L.Icon.Default.imagePath = element.dataset.leafletImages;
    var map = window.L.map(element, { scrollWheelZoom: false }).setView(point, 14);
    window.L.tileLayer(element.dataset.tileUrl, {
      attribution: element.dataset.attribution,
      maxZoom: 19,
    }).addTo(map);
    window.L.marker(point, { keyboard: false }).addTo(map);
  }
  function listen() {
    var button = document.querySelector("[data-listing-map-show]");
    if (!button) return;
    button.addEventListener("click", function () {
      draw();
      button.hidden = true;
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", listen);
  } else {
    listen();
  }
})();
