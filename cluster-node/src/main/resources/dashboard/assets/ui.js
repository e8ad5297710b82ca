// Building blocks of every view: elements built without innerHTML (data never becomes markup),
// number formats, KPI tiles, sortable tables with CSV export, charts, and loading/empty/error states.
import * as echarts from '/assets/echarts.js';

/** h('a', {href: '#/x', class: 'y'}, 'text', child…): an element; null/false children are skipped. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

const NUM = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const COMPACT = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

export function num(v) {
  if (v === null || v === undefined || v === '') return '–';
  const n = Number(v);
  return Math.abs(n) >= 100000 ? COMPACT.format(n) : NUM.format(n);
}

export function money(v, currency) {
  if (v === null || v === undefined) return '–';
  const n = Number(v);
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency: currency || 'EUR', maximumFractionDigits: n >= 1000 ? 0 : 2 }).format(n);
  } catch (e) {
    return `${n.toFixed(2)} ${currency || ''}`;
  }
}

/** A share (0.0123) as a percentage. */
export function pct(v, digits = 2) {
  if (v === null || v === undefined) return '–';
  return `${(Number(v) * 100).toFixed(digits)}%`;
}

export function ratio(v, digits = 2) {
  if (v === null || v === undefined) return '–';
  return `${Number(v).toFixed(digits)}×`;
}

export function date(v) {
  if (!v) return '–';
  return new Date(v).toISOString().slice(0, 10);
}

export function dateTime(v) {
  if (!v) return '–';
  return new Date(v).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

/** Money per currency ({"EUR": 12}) as one line; never summed across currencies. */
export function moneyMap(map) {
  const entries = Object.entries(map || {});
  if (entries.length === 0) return '–';
  return entries.map(([c, v]) => money(v, c)).join(' + ');
}

export function loading(what) {
  return h('p', { class: 'state loading', role: 'status' }, `Loading ${what}…`);
}

export function empty(title, hint) {
  return h('div', { class: 'state empty' }, h('p', { class: 'empty-title' }, title), hint ? h('p', {}, hint) : null);
}

export function failure(error, retry) {
  return h('div', { class: 'state error', role: 'alert' },
    h('p', {}, error.message || String(error)),
    (error.details || []).slice(0, 5).map((d) => h('p', { class: 'detail' }, `${d.field || d.line || ''}: ${d.message}`)),
    retry ? h('button', { type: 'button', onclick: retry }, 'Retry') : null);
}

/** A KPI tile; `key` names it for tests and live updates (data-kpi). */
export function tile(key, label, value, sub, tone) {
  return h('div', { class: `tile${tone ? ' ' + tone : ''}`, dataset: { kpi: key } },
    h('div', { class: 'tile-label' }, label),
    h('div', { class: 'tile-value' }, value),
    sub ? h('div', { class: 'tile-sub' }, sub) : null);
}

export function section(title, ...children) {
  return h('section', { class: 'card', 'aria-label': title }, h('h2', {}, title), ...children);
}

function csvCell(v) {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Downloads rows (arrays) as a CSV file. */
export function downloadCsv(filename, header, rows) {
  const text = [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = h('a', { href: url, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/**
 * A table of `rows` with `columns` [{key, label, value(row) → raw, format(raw, row) → text|Node,
 * numeric}]: click a header to sort, Enter/click a row to drill down (`link(row)` → hash), and an
 * "Export CSV" button that writes exactly the rows and columns shown, as raw values.
 */
export function table(name, columns, rows, { link, emptyHint, caption } = {}) {
  let sortKey = null;
  let descending = true;
  const wrap = h('div', { class: 'table-wrap' });
  const body = h('tbody');
  const value = (c, r) => (c.value ? c.value(r) : r[c.key]);
  const render = () => {
    const shown = [...rows];
    if (sortKey) {
      const c = columns.find((x) => x.key === sortKey);
      shown.sort((a, b) => {
        const x = value(c, a);
        const y = value(c, b);
        const cmp = x === y ? 0 : x === null || x === undefined ? 1 : y === null || y === undefined ? -1
          : (typeof x === 'number' || c.numeric) ? Number(x) - Number(y) : String(x).localeCompare(String(y));
        return descending ? -cmp : cmp;
      });
    }
    body.replaceChildren(...shown.map((r) => {
      const href = link ? link(r) : null;
      const tr = h('tr', href ? { tabindex: '0', class: 'link', onclick: () => { location.hash = href; },
        onkeydown: (e) => { if (e.key === 'Enter') location.hash = href; } } : {},
      columns.map((c, i) => {
        const raw = value(c, r);
        const shownValue = c.format ? c.format(raw, r) : raw ?? '–';
        return h('td', { class: c.numeric ? 'num' : null },
          i === 0 && href ? h('a', { href, tabindex: '-1' }, shownValue) : shownValue);
      }));
      return tr;
    }));
    return shown;
  };
  const head = h('tr', {}, columns.map((c) => h('th', { scope: 'col', class: c.numeric ? 'num' : null },
    h('button', { type: 'button', class: 'sort', onclick: () => {
      descending = sortKey === c.key ? !descending : true;
      sortKey = c.key;
      render();
    } }, c.label))));
  const exportButton = h('button', { type: 'button', class: 'export', onclick: () => {
    const shown = render();
    downloadCsv(`${name}.csv`, columns.map((c) => c.label), shown.map((r) => columns.map((c) => value(c, r))));
  } }, 'Export CSV');
  if (rows.length === 0) {
    wrap.append(empty('Nothing to show yet.', emptyHint));
    return wrap;
  }
  render();
  wrap.append(h('div', { class: 'table-tools' }, caption ? h('span', { class: 'muted' }, caption) : null, exportButton),
    h('div', { class: 'scroll' }, h('table', { dataset: { table: name } }, h('thead', {}, head), body)));
  return wrap;
}

const live = new Set();
const resizer = new ResizeObserver((entries) => {
  for (const e of entries) echarts.getInstanceByDom(e.target)?.resize();
});

/** An ECharts chart in a new element (kept until the next view is shown); onReady gets the instance. */
export function chart(name, option, height = 280, onReady) {
  const el = h('div', { class: 'chart', dataset: { chart: name }, role: 'img', 'aria-label': name });
  el.style.height = `${height}px`;
  requestAnimationFrame(() => {
    const instance = echarts.init(el, null, { renderer: 'canvas' });
    instance.setOption(option);
    live.add(instance);
    if (onReady) onReady(instance);
    resizer.observe(el);
  });
  return el;
}

/** Replaces a chart's option (after live data arrived). */
export function updateChart(el, option) {
  const instance = echarts.getInstanceByDom(el);
  if (instance) instance.setOption(option, { replaceMerge: ['series', 'xAxis', 'yAxis'] });
}

/** Disposes every chart of the previous view. */
export function disposeCharts() {
  for (const instance of live) {
    resizer.unobserve(instance.getDom());
    instance.dispose();
  }
  live.clear();
}

/** Filter options: tiers by follower count, and the platforms of the event contract. */
export const TIER_OPTIONS = [['', 'all'], ...['nano', 'micro', 'mid', 'macro', 'mega'].map((t) => [t, t])];
export const PLATFORM_OPTIONS = [['', 'all'], ...['instagram', 'tiktok', 'youtube', 'facebook', 'x', 'twitch', 'snapchat',
  'pinterest', 'linkedin'].map((p) => [p, p])];

export const COLORS = ['#3454d1', '#00a383', '#f28c28', '#d1345b', '#7a5cc7', '#2a9fd6', '#8c8c8c'];
export const LEVEL_COLORS = { low: '#00a383', medium: '#f2b705', high: '#d1345b' };

/** Query parameters of the hash route (#/campaign/x?bucket=day). */
export function routeParams() {
  const q = location.hash.indexOf('?');
  return new URLSearchParams(q < 0 ? '' : location.hash.slice(q + 1));
}

/** Sets hash query parameters (null removes one) and lets the router redraw. */
export function setParams(changes) {
  const params = routeParams();
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === '') params.delete(k);
    else params.set(k, v);
  }
  const path = location.hash.split('?')[0] || '#/';
  const query = params.toString();
  location.hash = query ? `${path}?${query}` : path;
}

/** A labelled <select> bound to a route parameter. */
export function select(label, param, options, current) {
  const id = `f-${param}`;
  return h('label', { class: 'filter', for: id }, label,
    h('select', { id, onchange: (e) => setParams({ [param]: e.target.value }) },
      options.map(([value, text]) => h('option', { value, selected: value === (current || '') }, text))));
}

/** A labelled date input bound to a route parameter. */
export function dateInput(label, param, current) {
  const id = `f-${param}`;
  return h('label', { class: 'filter', for: id }, label,
    h('input', { id, type: 'date', value: current || '', onchange: (e) => setParams({ [param]: e.target.value }) }));
}

export function breadcrumbs(...items) {
  return h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' },
    items.map(([text, href], i) => [i ? h('span', { class: 'sep', 'aria-hidden': 'true' }, '›') : null,
      href ? h('a', { href }, text) : h('span', { 'aria-current': 'page' }, text)]));
}
