/* The directory's two optional extras: "Use my location" and "Show on map".
   Both are progressive: without JavaScript their buttons stay hidden and the
   search form and result list work on their own. Nothing here talks to another
   site until the parent clicks "Show on map". */
(function () {
  "use strict";

  function setUpGeolocation() {
    var wrapper = document.querySelector("[data-geolocate]");
    var form = wrapper && wrapper.closest("form");
    if (!wrapper || !form || !("geolocation" in navigator)) return;
    var button = wrapper.querySelector("[data-geolocate-button]");
    var status = wrapper.querySelector("[data-geolocate-status]");
    var lat = form.querySelector("input[name=lat]");
    var lon = form.querySelector("input[name=lon]");
    var location = form.querySelector("input[name=location]");
    wrapper.hidden = false;

    // Typing a place means the parent no longer wants the browser's position.
    location.addEventListener("input", function () {
      lat.value = "";
      lon.value = "";
    });
    button.addEventListener("click", function () {
      status.textContent = button.dataset.finding || "Finding your location…";
      navigator.geolocation.getCurrentPosition(
        function (position) {
          lat.value = position.coords.latitude.toFixed(3);  // about 100 m: never a home
          lon.value = position.coords.longitude.toFixed(3);
          location.value = "";
          form.submit();
        },
        function () {
          status.textContent =
            button.dataset.failed || "We could not get your location. Type a town or ZIP code instead.";
        },
        { enableHighAccuracy: false, timeout: 10000, maximumAge: 600000 }
      );
    });
  }

  function loadOnce(tag, attrs) {
    return new Promise(function (resolve, reject) {
      var element = document.createElement(tag);
      Object.keys(attrs).forEach(function (key) { element[key] = attrs[key]; });
      element.onload = resolve;
      element.onerror = reject;
      document.head.appendChild(element);
    });
  }

  function drawMap(container, mapElement) {
    var L = window.L;
    L.Icon.Default.imagePath = container.dataset.leafletImages;
    var map = L.map(mapElement, { scrollWheelZoom: false });
    L.tileLayer(container.dataset.tileUrl, {
      maxZoom: 18,
      attribution: container.dataset.attribution,
    }).addTo(map);
    var bounds = [];
    var here = [parseFloat(container.dataset.lat), parseFloat(container.dataset.lon)];
    L.circleMarker(here, { radius: 8 }).addTo(map).bindTooltip(container.dataset.youLabel);
    bounds.push(here);
    document.querySelectorAll(".listing[data-lat]").forEach(function (item, index) {
      var point = [parseFloat(item.dataset.lat), parseFloat(item.dataset.lon)];
      var label = (index + 1) + ". " + item.dataset.name;
      var marker = L.marker(point, { title: label, alt: label, keyboard: true }).addTo(map);
      var link = document.createElement("a");
      link.href = item.dataset.url;
      link.textContent = item.dataset.name;
      marker.bindPopup(link);
      bounds.push(point);
    });
    map.fitBounds(bounds, { padding: [24, 24], maxZoom: 14 });
  }

  function setUpMap() {
    var container = document.querySelector("[data-map]");
    if (!container) return;
    var button = container.querySelector("[data-map-button]");
    var mapElement = container.querySelector(".results-map");
    var loaded = null;
    container.hidden = false;
    button.addEventListener("click", function () {
      var opening = mapElement.hidden;
      mapElement.hidden = !opening;
      button.setAttribute("aria-expanded", String(opening));
      if (!opening || loaded) return;
      loaded = Promise.all([
        loadOnce("link", { rel: "stylesheet", href: container.dataset.leafletCss }),
        loadOnce("script", { src: container.dataset.leafletJs }),
      ]).then(function () {
        drawMap(container, mapElement);
      });
    });
  }

  // The referral sheet holds at most data-max-picks listings: once that many are ticked,
  // the others cannot be, and a line says why (the server refuses more all the same).
  function setUpPickLimit() {
    var form = document.getElementById("referral-form");
    if (!form) return;
    var max = parseInt(form.dataset.maxPicks, 10);
    var status = form.querySelector("[data-pick-status]");
    var boxes = Array.prototype.slice.call(
      document.querySelectorAll('input[name="pick"][form="referral-form"]')
    );
    function update() {
      var ticked = boxes.filter(function (box) { return box.checked; }).length;
      boxes.forEach(function (box) { box.disabled = !box.checked && ticked >= max; });
      status.textContent = ticked >= max ? form.dataset.fullMessage : "";
    }
    boxes.forEach(function (box) { box.addEventListener("change", update); });
    update();
  }

  setUpGeolocation();
  setUpMap();
  setUpPickLimit();
})();
