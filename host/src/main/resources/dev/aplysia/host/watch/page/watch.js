"use strict";
// The page of `aplysia host watch`: it reads the host's server-sent page messages
// ({"device", "kind", "name", "body"}: one MQTT message each, docs/protocol.md) and draws them as plain SVG lines.
// Device data only ever reaches the page through textContent, never as markup.

const MAX_POINTS = 300;
const MAX_EVENTS = 50;
const FIGURES = [
  {id: "accuracy", title: "accuracy (last 100 taught)", stream: "health", field: "accuracy", digits: 3},
  {id: "curve", title: "learning curve accuracy", stream: "curve", field: "accuracy", digits: 3},
  {id: "decisions", title: "decisions", stream: "health", field: "decisions", digits: 0},
  {id: "modulator", title: "modulator per learned sample", stream: "learning", field: "modulator", digits: 3},
  {id: "deadline-misses", title: "deadline misses", stream: "health", field: "deadline_misses", digits: 0},
  {id: "utilisation", title: "tick utilisation p99", stream: "health", field: "tick_utilisation_p99", digits: 3},
  {id: "utilisation-peak", title: "tick utilisation peak", stream: "health", field: "tick_utilisation_peak",
    digits: 3},
  {id: "snapshot-age", title: "snapshot age (s)", stream: "health", field: "snapshot_age_ms", digits: 1,
    scale: 0.001},
];
const devices = new Map();
let selected = null;

function device(id) {
  if (!devices.has(id)) {
    devices.set(id, {status: "?", meta: null, health: null, series: new Map(), last: new Map(), events: [],
      fields: new Map()});
  }
  return devices.get(id);
}

function receive(message) {
  const d = device(message.device);
  const body = message.body;
  if (message.kind === "status") {
    d.status = body;
    d.last.clear(); // announced on every connection: a device that rebooted numbers its frames from 0 again
  } else if (message.kind === "meta") {
    d.meta = body;
  } else if (message.kind === "telemetry") {
    telemetry(d, message.name, body);
  } else if (message.kind === "event") {
    addEvent(d, message.name, body);
  }
  render(message.device);
}

function addEvent(d, type, body) {
  d.events.unshift({type: type, body: body});
  d.events.length = Math.min(d.events.length, MAX_EVENTS);
}

function telemetry(d, stream, frame) {
  const last = d.last.get(stream);
  if (last && frame.seq <= last.seq) {
    return; // a frame the page has: recorded while the host sent what it keeps to this page
  }
  d.last.set(stream, frame);
  if (stream === "health") {
    if (d.health && d.health.learning !== frame.learning) {
      addEvent(d, "learning", {tick: frame.tick, learning: frame.learning});
    }
    d.health = frame;
  }
  if (stream === "receptive-field") {
    d.fields.set(frame.neuron, frame);
  }
  for (const figure of FIGURES.filter(f => f.stream === stream)) {
    const value = frame[figure.field];
    if (typeof value !== "number") {
      continue;
    }
    if (!d.series.has(figure.id)) {
      d.series.set(figure.id, []);
    }
    const points = d.series.get(figure.id);
    points.push([frame.uptime_ms / 1000, value * (figure.scale || 1)]);
    if (points.length > MAX_POINTS) {
      points.shift();
    }
  }
}

function render(id) {
  renderRow(id);
  document.getElementById("no-devices").hidden = devices.size > 0;
  if (selected === null) {
    select(id);
  } else if (selected === id) {
    renderDevice();
  }
}

function cell(row, index, text, className) {
  while (row.cells.length <= index) {
    row.insertCell();
  }
  row.cells[index].textContent = text;
  if (className) {
    row.cells[index].className = className;
  }
}

function fixed(value, digits) {
  return typeof value === "number" ? value.toFixed(digits) : "–";
}

function renderRow(id) {
  const d = devices.get(id);
  const body = document.querySelector("#devices tbody");
  let row = [...body.rows].find(r => r.dataset.device === id);
  if (!row) {
    row = body.insertRow();
    row.dataset.device = id;
    row.addEventListener("click", () => select(id));
  }
  const h = d.health || {};
  row.className = (d.status === "online" ? "online" : "offline") + (selected === id ? " selected" : "");
  cell(row, 0, id);
  cell(row, 1, d.status, "status");
  cell(row, 2, d.meta ? d.meta.network + " on " + d.meta.mcu : "–");
  cell(row, 3, fixed(h.accuracy, 3));
  cell(row, 4, fixed(h.decisions, 0));
  cell(row, 5, h.learning === undefined ? "–" : (h.learning ? "on" : "off"));
  cell(row, 6, fixed(h.deadline_misses, 0));
  cell(row, 7, fixed(h.tick_utilisation_p99, 3));
  cell(row, 8, typeof h.snapshot_age_ms === "number" ? (h.snapshot_age_ms / 1000).toFixed(1) + " s" : "–");
}

function select(id) {
  selected = id;
  document.getElementById("command-result").textContent = "";
  for (const row of document.querySelectorAll("#devices tbody tr")) {
    row.classList.toggle("selected", row.dataset.device === id);
  }
  renderDevice();
}

function renderDevice() {
  const d = devices.get(selected);
  document.getElementById("device").hidden = false;
  document.getElementById("device-title").textContent = selected + " (" + d.status + ")";
  const m = d.meta;
  document.getElementById("device-meta").textContent = m
    ? "firmware " + m.firmware + ", " + m.network + " " + JSON.stringify(m.shape) + " on " + m.mcu
      + (d.health ? ", tick " + d.health.tick + ", up " + (d.health.uptime_ms / 1000).toFixed(0) + " s" : "")
    : "no meta yet";
  renderControls(d);
  renderFigures(d);
  renderEvents(d);
  renderFields(d);
}

// A button shows where the device takes its command: meta lists the commands a device answers, and the learning
// switch is the firmware's, whose health says where it stands.
function renderControls(d) {
  const taken = d.meta && typeof d.meta.commands === "string" ? d.meta.commands.split(",") : [];
  const switchable = taken.includes("set") && d.health !== null && typeof d.health.learning === "boolean";
  const shown = {"halt": taken.includes("halt"), "resume": taken.includes("resume"), "learning-on": switchable,
    "learning-off": switchable};
  for (const [id, visible] of Object.entries(shown)) {
    document.getElementById(id).hidden = !visible;
  }
  const any = Object.values(shown).some(v => v);
  document.getElementById("controls").hidden = !any;
  document.getElementById("no-controls").hidden = any;
}

function renderFigures(d) {
  const holder = document.getElementById("figures");
  for (const f of FIGURES) {
    const points = d.series.get(f.id) || [];
    let figure = document.getElementById("figure-" + f.id);
    if (!figure) {
      figure = document.createElement("figure");
      figure.id = "figure-" + f.id;
      figure.innerHTML = '<figcaption><span class="title"></span><span class="value"></span></figcaption>'
        + '<svg viewBox="0 0 300 110" xmlns="http://www.w3.org/2000/svg"><line x1="30" y1="100" x2="300" y2="100"/>'
        + '<polyline/><text class="max" x="0" y="10"/><text class="min" x="0" y="100"/>'
        + '<text class="from" x="30" y="109"/><text class="to" x="300" y="109" text-anchor="end"/></svg>';
      figure.querySelector(".title").textContent = f.title;
      holder.appendChild(figure);
    }
    figure.hidden = points.length === 0;
    figure.querySelector(".value").textContent = points.length ? fixed(points[points.length - 1][1], f.digits) : "";
    draw(figure.querySelector("svg"), points, f.digits);
  }
}

// One series as a polyline in a 300 x 110 view box: x is the board's uptime in seconds, y spans the values shown.
function draw(svg, points, digits) {
  if (points.length === 0) {
    return;
  }
  const xs = points.map(p => p[0]);
  const ys = points.map(p => p[1]);
  const x0 = Math.min(...xs), x1 = Math.max(...xs);
  let y0 = Math.min(...ys), y1 = Math.max(...ys);
  if (y0 === y1) {
    y0 -= 0.5;
    y1 += 0.5;
  }
  const x = v => 30 + (x1 === x0 ? 135 : 270 * (v - x0) / (x1 - x0));
  const y = v => 100 - 95 * (v - y0) / (y1 - y0);
  svg.querySelector("polyline").setAttribute("points",
    points.map(p => x(p[0]).toFixed(1) + "," + y(p[1]).toFixed(1)).join(" "));
  svg.querySelector(".max").textContent = y1.toFixed(digits);
  svg.querySelector(".min").textContent = y0.toFixed(digits);
  svg.querySelector(".from").textContent = x0.toFixed(0) + " s";
  svg.querySelector(".to").textContent = x1.toFixed(0) + " s";
}

function renderEvents(d) {
  const list = document.getElementById("events");
  list.replaceChildren(...d.events.map(e => {
    const item = document.createElement("li");
    const details = Object.entries(e.body).filter(([k]) => !["seq", "ts", "uptime_ms", "tick"].includes(k))
      .map(([k, v]) => k + "=" + v).join(" ");
    item.textContent = "tick " + e.body.tick + "  " + e.type + "  " + details;
    return item;
  }));
}

// A receptive field is a neuron's input weights; a square count is drawn as a square image (64 → 8 x 8),
// blue for negative, red for positive, scaled to the largest magnitude.
function renderFields(d) {
  document.getElementById("no-fields").hidden = d.fields.size > 0;
  const holder = document.getElementById("fields");
  holder.replaceChildren(...[...d.fields.values()].map(frame => {
    const weights = frame.weights;
    const side = Math.round(Math.sqrt(weights.length));
    const width = side * side === weights.length ? side : weights.length;
    const height = weights.length / width;
    const canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    canvas.title = "neuron " + frame.neuron + (frame.label !== undefined ? ", label " + frame.label : "");
    const image = canvas.getContext("2d").createImageData(width, height);
    const scale = Math.max(1, ...weights.map(Math.abs));
    weights.forEach((w, i) => {
      const level = Math.round(255 * Math.abs(w) / scale);
      image.data.set(w >= 0 ? [255, 255 - level, 255 - level, 255] : [255 - level, 255 - level, 255, 255], 4 * i);
    });
    canvas.getContext("2d").putImageData(image, 0, 0);
    return canvas;
  }));
}

async function command(action) {
  const result = document.getElementById("command-result");
  const device = selected;
  result.textContent = action + ": sent to " + device + "…";
  try {
    const response = await fetch("command", {method: "POST", headers: {"Content-Type": "application/json"},
      body: JSON.stringify({device: device, action: action})});
    if (!response.ok) {
      result.textContent = action + ": " + (await response.text()).trim();
      return;
    }
    const ack = await response.json();
    result.textContent = action + ": " + (ack.ok ? "ok" : "refused: " + ack.error);
  } catch (e) {
    result.textContent = action + ": " + e;
  }
}

for (const button of document.querySelectorAll("#controls button")) {
  button.addEventListener("click", () => command(button.dataset.action));
}

// After a reconnection the host replays everything it keeps: the page starts again from that.
function forget() {
  devices.clear();
  document.querySelector("#devices tbody").replaceChildren();
}

const source = new EventSource("events");
const connection = document.getElementById("connection");
let opened = false;
source.onopen = () => {
  if (opened) {
    forget();
  }
  opened = true;
  connection.textContent = "live";
  connection.className = "live";
};
source.onerror = () => {
  connection.textContent = "reconnecting…";
  connection.className = "pending";
};
source.onmessage = event => receive(JSON.parse(event.data));
