// Charts for the Dyads, One voice and Network pages: fetch the page's JSON twin, draw with Plotly.
"use strict";

const QUADS = [
  ["verbal_coop", 1, "Verbal cooperation", "#74c476"],
  ["material_coop", 2, "Material cooperation", "#238b45"],
  ["verbal_conflict", 3, "Verbal conflict", "#fd8d3c"],
  ["material_conflict", 4, "Material conflict", "#d7301f"],
];
const GOLDSTEIN = [[0, "#a50026"], [0.25, "#f46d43"], [0.5, "#e6e6a0"], [0.75, "#66bd63"], [1, "#006837"]];
const CONFIG = { responsive: true, displaylogo: false };
const DAY_MS = 864e5;
const PERIOD_MS = { day: DAY_MS, week: 7 * DAY_MS, month: 31 * DAY_MS, year: 366 * DAY_MS };
const day = (s) => Date.parse(s + "T00:00:00Z");
// The middle of a period and its label, so a point sits over the days it stands for.
const middle = (r) => (day(r.period) + day(r.period_end || r.period) + DAY_MS) / 2;
const periodLabel = (r) => (!r.period_end || r.period === r.period_end) ? r.period : `${r.period} – ${r.period_end}`;

// A date axis padded by about a period on each side, so one period alone still reads well;
// with few periods, one tick per period, labelled by its first day.
function timeAxis(rows, by) {
  const lo = Math.min(...rows.map((r) => day(r.period)));
  const hi = Math.max(...rows.map((r) => day(r.period_end || r.period))) + DAY_MS;
  const pad = (PERIOD_MS[by] || DAY_MS) * 0.6;
  const axis = { type: "date", range: [lo - pad, hi + pad] };
  const starts = [...new Map(rows.map((r) => [r.period, r])).values()];
  if (starts.length <= 12) {
    Object.assign(axis, { tickmode: "array", tickvals: starts.map(middle), ticktext: starts.map((r) => r.period) });
  }
  return axis;
}

function eventsUrl(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== "" && v !== false) q.set(k, v === true ? 1 : v);
  }
  return "/events?" + q.toString();
}

async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

function status(text) {
  const el = document.getElementById("chart-status");
  if (el) el.textContent = text;
}

function followClicks(el) {
  el.on("plotly_click", (data) => {
    const link = data.points[0] && data.points[0].customdata;
    if (link) window.location.href = link;
  });
}

async function drawDyads(el) {
  const d = await getJSON(el.dataset.api);
  if (!d.series.length) { status("No events between these actors."); return; }
  // bars centred on their period and as wide as it (Plotly would size a lone bar at 1 ms)
  const x = d.series.map(middle);
  const width = d.series.map((s) => 0.8 * (day(s.period_end) + DAY_MS - day(s.period)));
  const label = d.series.map(periodLabel);
  const base = { source: d.source, target: d.target, both: d.both,
                 mode: d.all_modes ? "" : "counted" };
  const link = (s, quad) => eventsUrl({ ...base, since: s.period, until: s.period_end, quad_class: quad });
  const traces = QUADS.map(([key, quad, name, color]) => ({
    type: "bar", name, x, width, y: d.series.map((s) => s[key]), marker: { color },
    customdata: d.series.map((s) => link(s, quad)), text: label, textposition: "none",
    hovertemplate: "%{text}: %{y} events<extra>" + name + "</extra>",
  }));
  traces.push({
    type: "scatter", mode: "lines+markers", name: "Mean Goldstein", x, yaxis: "y2", text: label,
    y: d.series.map((s) => s.goldstein_mean), line: { color: "#17324f", width: 2 },
    customdata: d.series.map((s) => link(s, "")),
    hovertemplate: "%{text}: mean Goldstein %{y:.2f}<extra></extra>",
  });
  Plotly.newPlot(el, traces, {
    barmode: "stack", margin: { t: 20, r: 60, l: 50, b: 40 }, legend: { orientation: "h", y: -0.15 },
    xaxis: timeAxis(d.series, d.by), yaxis: { title: { text: "events" } },
    yaxis2: { title: { text: "mean Goldstein" }, overlaying: "y", side: "right", range: [-10.5, 10.5],
              tickmode: "array", tickvals: [-10, -5, 0, 5, 10], zeroline: true, showgrid: false },
  }, CONFIG);
  followClicks(el);
  status(`${d.series.reduce((n, s) => n + s.events, 0)} events in ${d.series.length} periods.`);
}

async function drawCohesion(el) {
  const d = await getJSON(el.dataset.api);
  if (!d.stances.length) { status("None of these actors acted toward the target in this period."); return; }
  const ends = Object.fromEntries(d.stances.map((s) => [s.period, s.period_end]));
  const summary = d.summary.map((s) => ({ ...s, period_end: ends[s.period] }));
  Plotly.newPlot(el, [{
    type: "scatter", mode: "lines+markers", name: "cohesion", x: summary.map(middle),
    y: summary.map((s) => s.cohesion), line: { color: "#1f5fa8", width: 3 }, connectgaps: false,
    customdata: summary.map(periodLabel),
    text: summary.map((s) => s.outlier ? `outlier: ${s.outlier}` : "fewer than two actors"),
    hovertemplate: "%{customdata}: cohesion %{y:.3f}<br>%{text}<extra></extra>",
  }], {
    margin: { t: 30, r: 20, l: 50, b: 30 }, title: { text: "Cohesion index", font: { size: 14 } },
    xaxis: timeAxis(d.stances, d.by),
    yaxis: { range: [0, 1.05], title: { text: "1 = one voice" } },
  }, CONFIG);

  const stance = document.getElementById("stance-chart");
  const actors = [...new Set(d.stances.map((s) => s.actor))];
  const link = (s) => eventsUrl({ source: s.actor, target: d.target, since: s.period,
                                  until: s.period_end, mode: d.all_modes ? "" : "counted" });
  const traces = actors.map((a) => {
    const rows = d.stances.filter((s) => s.actor === a);
    return {
      type: "scatter", mode: "lines+markers", name: a, x: rows.map(middle),
      y: rows.map((s) => s.goldstein_mean), marker: { size: rows.map((s) => 6 + Math.min(14, Math.sqrt(s.events) * 2)) },
      customdata: rows.map(link), text: rows.map((s) => `${periodLabel(s)}: ${s.events} events`),
      hovertemplate: a + " %{text}, mean Goldstein %{y:.2f}<extra></extra>",
    };
  });
  const periods = summary.filter((s) => s.actors >= 2);
  traces.push({
    type: "scatter", mode: "lines+markers", name: "group mean", x: periods.map(middle),
    y: periods.map((s) => s.group_mean), line: { dash: "dash", color: "#888" }, hoverinfo: "skip",
    marker: { symbol: "line-ew-open", size: 18, color: "#888", line: { width: 2 } },
  });
  const outliers = d.stances.filter((s) => s.outlier && s.actor === s.outlier);
  traces.push({
    type: "scatter", mode: "markers+text", name: "outlier", x: outliers.map(middle),
    y: outliers.map((s) => s.goldstein_mean), text: outliers.map((s) => s.actor),
    textposition: "top center", customdata: outliers.map(link),
    marker: { symbol: "circle-open", size: 22, color: "#d7301f", line: { width: 3 } },
    hovertemplate: "outlier %{text}: %{y:.2f}<extra></extra>",
  });
  Plotly.newPlot(stance, traces, {
    margin: { t: 30, r: 20, l: 50, b: 40 }, title: { text: `Stance toward ${d.target} (mean Goldstein per actor)`, font: { size: 14 } },
    xaxis: timeAxis(d.stances, d.by),
    yaxis: { range: [-10.5, 10.5], zeroline: true, title: { text: "mean Goldstein" } },
    legend: { orientation: "h", y: -0.15 },
  }, CONFIG);
  followClicks(stance);

  const body = document.querySelector("#cohesion-table tbody");
  for (const s of summary) {
    const row = body.insertRow();
    const cells = [s.period, s.actors, s.events, s.cohesion === null ? "—" : s.cohesion.toFixed(3),
                   s.group_mean === null ? "—" : s.group_mean.toFixed(2), s.outlier || "—"];
    cells.forEach((c, i) => { const td = row.insertCell(); td.textContent = c; if (i > 0 && i < 5) td.className = "num"; });
    if (s.outlier) row.cells[5].classList.add("outlier");
  }
  status(`${d.stances.length} actor-periods.`);
}

function goldsteinColor(g) {
  if (g === null) return "#bbbbbb";
  const t = (g + 10) / 20;
  for (let i = 1; i < GOLDSTEIN.length; i++) if (t <= GOLDSTEIN[i][0]) return GOLDSTEIN[i][1];
  return GOLDSTEIN[GOLDSTEIN.length - 1][1];
}

async function drawNetwork(el) {
  const d = await getJSON(el.dataset.api);
  if (!d.nodes.length) { status("No interactions in this period."); return; }
  const pos = Object.fromEntries(d.nodes.map((n) => [n.node, n]));
  const byColor = new Map();
  for (const e of d.edges) {
    const c = goldsteinColor(e.goldstein_mean);
    if (!byColor.has(c)) byColor.set(c, { x: [], y: [] });
    const group = byColor.get(c);
    const a = pos[e.source], b = pos[e.target];
    group.x.push(a.x, b.x, null);
    group.y.push(a.y, b.y, null);
  }
  const maxEvents = Math.max(...d.edges.map((e) => e.events), 1);
  const traces = [...byColor.entries()].map(([color, g]) => ({
    type: "scatter", mode: "lines", x: g.x, y: g.y, hoverinfo: "skip", showlegend: false,
    line: { color, width: 2 }, opacity: 0.85,
  }));
  const mid = d.edges.map((e) => [(pos[e.source].x + pos[e.target].x) / 2, (pos[e.source].y + pos[e.target].y) / 2]);
  traces.push({
    type: "scatter", mode: "markers", name: "edges", x: mid.map((m) => m[0]), y: mid.map((m) => m[1]),
    marker: { size: d.edges.map((e) => 4 + 8 * Math.sqrt(e.events / maxEvents)), color: d.edges.map((e) => e.goldstein_mean),
              colorscale: GOLDSTEIN, cmin: -10, cmax: 10, opacity: 0.7 },
    text: d.edges.map((e) => `${e.source} → ${e.target}: ${e.events} events, mean Goldstein ${e.goldstein_mean.toFixed(2)}`),
    hovertemplate: "%{text}<extra></extra>", showlegend: false,
  });
  const maxNode = Math.max(...d.nodes.map((n) => n.events), 1);
  traces.push({
    type: "scatter", mode: "markers+text", name: "actors", x: d.nodes.map((n) => n.x), y: d.nodes.map((n) => n.y),
    text: d.nodes.map((n) => n.node), textposition: "top center", textfont: { size: 11 },
    customdata: d.nodes.map((n) => eventsUrl({ actor: n.node, since: d.since, until: d.until })),
    marker: { size: d.nodes.map((n) => 10 + 30 * Math.sqrt(n.events / maxNode)),
              color: d.nodes.map((n) => n.goldstein_mean), colorscale: GOLDSTEIN, cmin: -10, cmax: 10,
              line: { color: "#333", width: 1 }, colorbar: { title: { text: "mean Goldstein" } } },
    hovertext: d.nodes.map((n) => `${n.node}: ${n.events_out} sent, ${n.events_in} received, ${n.partners} partners`),
    hovertemplate: "%{hovertext}<extra></extra>", showlegend: false,
  });
  const axis = { visible: false, zeroline: false, showgrid: false };
  Plotly.newPlot(el, traces, { margin: { t: 10, r: 10, l: 10, b: 10 }, xaxis: axis, yaxis: axis,
                               hovermode: "closest" }, CONFIG);
  followClicks(el);
  status(`${d.nodes.length} actors${d.truncated ? ` (the busiest of ${d.total_nodes})` : ""}, ${d.edges.length} edges.`);
}

const DRAW = { "dyads-chart": drawDyads, "cohesion-chart": drawCohesion, "network-chart": drawNetwork };

document.addEventListener("DOMContentLoaded", () => {
  for (const [id, draw] of Object.entries(DRAW)) {
    const el = document.getElementById(id);
    if (!el) continue;
    if (typeof Plotly === "undefined") { status("The chart library did not load."); continue; }
    draw(el).catch((err) => status("Could not draw the chart: " + err.message));
  }
});

// Leave empty filters out of the URL, so links stay short and readable.
document.addEventListener("submit", (ev) => {
  if (!ev.target.classList.contains("filters")) return;
  for (const el of ev.target.elements) if (el.name && el.value === "") el.disabled = true;
});
window.addEventListener("pageshow", () => {
  for (const el of document.querySelectorAll("form.filters [disabled]")) el.disabled = false;
});
