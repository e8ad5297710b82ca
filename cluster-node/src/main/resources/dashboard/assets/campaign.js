// One campaign: KPI tiles with targets and pacing, the time series, the breakdown, sentiment over
// time, the engagement heatmap and the alert feed, all kept current by the campaign's live WebSocket.
import { api, live } from '/assets/api.js';
import { h, num, money, pct, ratio, date, dateTime, loading, empty, failure, tile, section, table, chart,
  updateChart, COLORS, routeParams, select, dateInput, breadcrumbs } from '/assets/ui.js';

const DAY = 86400000;
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const SEND_HINT = 'Send posts, post metrics, comments, clicks and orders of this campaign to POST /api/v1/events '
  + '(each naming "campaignId"); they show here within a second.';

function isoDate(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The report range: the route's dates, else the campaign's start (at most 90 days back) to tomorrow. */
function range(campaign, params) {
  const tomorrow = Math.floor(Date.now() / DAY) * DAY + DAY;
  const started = campaign.startsAt ? Math.floor(new Date(campaign.startsAt).getTime() / DAY) * DAY : tomorrow - 30 * DAY;
  const from = params.get('from') || isoDate(Math.max(started, tomorrow - 90 * DAY));
  const to = params.get('to') || isoDate(tomorrow);
  return { from, to };
}

function reportUrl(campaignId, { from, to }, bucket, by) {
  return `/api/v1/campaigns/${encodeURIComponent(campaignId)}/report?from=${from}&to=${to}&bucket=${bucket}&by=${by}`;
}

function kpiTiles(c) {
  const a = c.analytics || {};
  const k = a.kpis || {};
  const cur = c.currency || k.currency || 'EUR';
  const targets = Object.fromEntries((a.targets || []).map((t) => [t.name, t]));
  const target = (name) => {
    const t = targets[name];
    if (!t) return null;
    const share = t.ratio === null || t.ratio === undefined ? null : Number(t.ratio);
    return h('div', { class: `target ${t.met ? 'met' : ''}` },
      h('progress', { max: '1', value: String(Math.min(1, share || 0)), 'aria-label': `${name} target progress` }),
      h('span', {}, `target ${num(t.target)} · ${share === null ? t.status : pct(share, 0)}${t.met ? ' ✓' : ''}`));
  };
  const withTarget = (key, label, value, sub) => {
    const el = tile(key, label, value, sub);
    const t = target(key);
    if (t) el.append(t);
    return el;
  };
  const p = a.pacing || {};
  const pacing = p.pacing === null || p.pacing === undefined ? 'pacing unknown'
    : `pacing ${Number(p.pacing).toFixed(2)} (${pct(p.budgetShareSpent, 0)} spent, ${pct(p.timeShareElapsed, 0)} of time)`;
  const pacingTone = p.pacing > 1.2 ? 'warn' : null;
  const spent = tile('spend', 'Spend', money(c.spend, cur), c.budget ? `of ${money(c.budget, cur)} · ${pacing}` : pacing, pacingTone);
  const net = c.sentiment && c.sentiment.net !== null && c.sentiment.net !== undefined ? Number(c.sentiment.net) : null;
  return [
    spent,
    withTarget('revenue', 'Revenue', money(c.revenue, cur), `${num(c.conversions)} orders`),
    withTarget('roas', 'ROAS', ratio(k.roas), `ROI ${k.roi === null || k.roi === undefined ? '–' : pct(k.roi, 0)}`),
    withTarget('reach', 'Reach', num(c.reach), a.uniqueAudience !== null && a.uniqueAudience !== undefined ? `unique audience ≈ ${num(a.uniqueAudience)}` : 'sum of post reach'),
    withTarget('views', 'Views', num(c.views)),
    withTarget('engagements', 'Engagements', num(c.engagements), `ER by reach ${pct(k.engagementRateByReach)} · by views ${pct(k.engagementRateByViews)}`),
    withTarget('clicks', 'Clicks', num(c.clicks), `CPC ${money(k.cpc, cur)}`),
    withTarget('conversions', 'Conversions', num(c.conversions), `conversion rate ${pct(k.conversionRate)} · CAC ${money(k.cac, cur)}`),
    withTarget('cpm', 'CPM', money(k.cpm, cur), `CPV ${money(k.cpv, cur)} · CPE ${money(k.cpe, cur)}`),
    tile('emv', 'EMV', money(k.emv, k.emvCurrency || cur), 'earned media value'),
    tile('sentiment', 'Net sentiment', net === null ? '–' : net.toFixed(2),
      c.sentiment ? `${num(c.sentiment.comments)} comments · ${pct(c.sentiment.negativeShare, 0)} negative` : 'no comments yet',
      net !== null && net < 0 ? 'warn' : null),
  ];
}

function alertItem(a) {
  return h('li', { class: `alert ${a.level}`, dataset: { alert: a.alertId } },
    h('span', { class: `badge ${a.level}` }, a.level),
    h('span', { class: 'when' }, dateTime(a.raisedAt)),
    a.influencerId ? h('a', { href: `#/influencer/${encodeURIComponent(a.influencerId)}` }, a.influencerId) : null,
    h('p', {}, a.message));
}

function seriesOption(report) {
  const pts = report.series;
  const cur = report.currency || '';
  return {
    color: COLORS,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 12, right: 12, top: 36, bottom: 30, containLabel: true },
    xAxis: { type: 'category', data: pts.map((p) => (report.bucket === 'hour' ? p.start.slice(5, 16).replace('T', ' ') : date(p.start))) },
    yAxis: [{ type: 'value', name: 'count' }, { type: 'value', name: cur || 'money' }],
    series: [
      { name: 'views', type: 'bar', data: pts.map((p) => p.row.views) },
      { name: 'engagements', type: 'bar', data: pts.map((p) => p.row.engagements) },
      { name: 'conversions', type: 'line', data: pts.map((p) => p.row.conversions) },
      { name: `revenue${cur ? ' (' + cur + ')' : ''}`, type: 'line', yAxisIndex: 1, data: pts.map((p) => Number(p.row.revenue || 0)) },
    ],
  };
}

function sentimentOption(report) {
  const pts = report.series;
  return {
    color: ['#00a383', '#b0b0b0', '#d1345b', '#3454d1'],
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 12, right: 12, top: 36, bottom: 30, containLabel: true },
    xAxis: { type: 'category', data: pts.map((p) => date(p.start)) },
    yAxis: [{ type: 'value', name: 'comments' }, { type: 'value', name: 'net', min: -1, max: 1 }],
    series: [
      { name: 'positive', type: 'bar', stack: 's', data: pts.map((p) => p.row.commentsPositive) },
      { name: 'neutral', type: 'bar', stack: 's', data: pts.map((p) => p.row.commentsNeutral) },
      { name: 'negative', type: 'bar', stack: 's', data: pts.map((p) => p.row.commentsNegative) },
      { name: 'net sentiment', type: 'line', yAxisIndex: 1, connectNulls: true,
        data: pts.map((p) => (p.row.netSentiment === null ? null : Number(p.row.netSentiment))) },
    ],
  };
}

/** Engagements by UTC day of week × hour, from an hourly report. */
function heatmapOption(hourly) {
  const cells = new Map();
  let max = 0;
  for (const p of hourly.series) {
    const t = new Date(p.start);
    const key = `${(t.getUTCDay() + 6) % 7}:${t.getUTCHours()}`;
    const v = (cells.get(key) || 0) + Math.max(0, p.row.engagements);
    cells.set(key, v);
    max = Math.max(max, v);
  }
  const data = [];
  for (let d = 0; d < 7; d++) for (let hr = 0; hr < 24; hr++) data.push([hr, d, cells.get(`${d}:${hr}`) || 0]);
  return {
    tooltip: { position: 'top' },
    grid: { left: 12, right: 12, top: 10, bottom: 70, containLabel: true },
    xAxis: { type: 'category', data: [...Array(24).keys()].map((x) => `${x}h`), splitArea: { show: true } },
    yAxis: { type: 'category', data: DAYS, splitArea: { show: true } },
    visualMap: { min: 0, max: Math.max(1, max), calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
      inRange: { color: ['#f3f5fb', '#3454d1'] } },
    series: [{ name: 'engagements', type: 'heatmap', data }],
  };
}

function breakdownTable(campaignId, report, by) {
  const cur = report.currency;
  const link = by === 'influencer' ? (e) => (e.key ? `#/influencer/${encodeURIComponent(e.key)}` : null) : null;
  return table(`campaign-${campaignId}-by-${by}`, [
    { key: 'key', label: by, value: (e) => e.key ?? '(none)' },
    { key: 'views', label: 'Views', numeric: true, value: (e) => e.row.views, format: num },
    { key: 'reach', label: 'Reach', numeric: true, value: (e) => e.row.reach, format: num },
    { key: 'engagements', label: 'Engagements', numeric: true, value: (e) => e.row.engagements, format: num },
    { key: 'er', label: 'ER by reach', numeric: true, value: (e) => e.row.engagementRateByReach, format: (v) => pct(v) },
    { key: 'clicks', label: 'Clicks', numeric: true, value: (e) => e.row.clicks, format: num },
    { key: 'conversions', label: 'Conversions', numeric: true, value: (e) => e.row.conversions, format: num },
    { key: 'revenue', label: 'Revenue', numeric: true, value: (e) => e.row.revenue, format: (v) => money(v, cur) },
    { key: 'spend', label: 'Spend', numeric: true, value: (e) => e.row.spend, format: (v) => money(v, cur) },
    { key: 'roas', label: 'ROAS', numeric: true, value: (e) => e.row.roas, format: (v) => ratio(v) },
    { key: 'net', label: 'Net sentiment', numeric: true, value: (e) => e.row.netSentiment, format: (v) => (v === null ? '–' : Number(v).toFixed(2)) },
  ], report.breakdown, { link, emptyHint: SEND_HINT, caption: `${report.from.slice(0, 10)} to ${report.to.slice(0, 10)}, by ${by}` });
}

export async function campaignView(campaignId, show) {
  show(loading(`campaign ${campaignId}`));
  const params = routeParams();
  const bucket = params.get('bucket') || 'day';
  const by = params.get('by') || 'influencer';
  let campaign = await api(`/api/v1/campaigns/${encodeURIComponent(campaignId)}`);
  const span = range(campaign, params);
  const hours = (new Date(span.to) - new Date(span.from)) / 3600000;
  const [report, hourly] = await Promise.all([
    api(reportUrl(campaignId, span, bucket, by)),
    bucket === 'hour' || hours > 5000 ? Promise.resolve(null) : api(reportUrl(campaignId, span, 'hour', by)),
  ]);

  const tiles = h('div', { class: 'tiles', 'aria-live': 'polite' }, kpiTiles(campaign));
  const status = h('span', { class: 'live-status', role: 'status' }, 'connecting…');
  const updated = h('span', { class: 'muted', dataset: { updated: '' } }, `updated ${dateTime(campaign.updatedAt)}`);
  const alerts = h('ul', { class: 'alerts' }, (campaign.alerts || []).map(alertItem));
  const alertsEmpty = empty('No alerts.', 'Alerts appear here live when an enrolled influencer\'s fraud level rises or comments turn negative.');
  const seriesChart = report.series.length ? chart('campaign-series', seriesOption(report)) : empty('No points in this range.');
  const sentimentChart = chart('campaign-sentiment', sentimentOption(report), 220);
  const heat = hourly || (bucket === 'hour' ? report : null);
  const heatmap = heat ? chart('campaign-heatmap', heatmapOption(heat), 260)
    : empty('The heatmap needs a range of at most 208 days.');
  const breakdown = h('div', {}, breakdownTable(campaignId, report, by));
  const total = (r) => ({ views: r.total.views, engagements: r.total.engagements, conversions: r.total.conversions });
  Object.assign(seriesChart.dataset, total(report));

  const contributions = () => table(`campaign-${campaignId}-influencers`, [
    { key: 'influencerId', label: 'Influencer' },
    { key: 'fee', label: 'Fee', numeric: true, format: (v) => money(v, campaign.currency) },
    { key: 'posts', label: 'Posts', numeric: true, format: num },
    { key: 'views', label: 'Views', numeric: true, format: num },
    { key: 'reach', label: 'Reach', numeric: true, format: num },
    { key: 'engagements', label: 'Engagements', numeric: true, format: num },
    { key: 'clicks', label: 'Clicks', numeric: true, format: num },
    { key: 'conversions', label: 'Conversions', numeric: true, format: num },
    { key: 'revenue', label: 'Revenue', numeric: true, format: (v) => money(v, campaign.currency) },
    { key: 'roas', label: 'ROAS', numeric: true, format: (v) => ratio(v) },
  ], (campaign.analytics && campaign.analytics.influencers) || [], {
    link: (r) => `#/influencer/${encodeURIComponent(r.influencerId)}`,
    emptyHint: 'Enrol influencers in the campaign definition, or send events naming an influencerId.' });
  const contributionsBox = h('div', {}, contributions());

  const node = h('div', { class: 'view' },
    breadcrumbs(['Brands', '#/brands'], campaign.brandId ? [campaign.brandId, `#/brand/${encodeURIComponent(campaign.brandId)}`] : ['(no brand)'],
      [campaign.name || campaignId]),
    h('div', { class: 'title-row' }, h('h1', {}, campaign.name || campaignId), status, updated),
    campaign.defined ? null : h('p', { class: 'state warn' }, 'This campaign has events but no definition yet: define it with PUT /api/v1/campaigns/'
      + campaignId + ' to get budget, pacing and targets.'),
    h('p', { class: 'muted' }, `${date(campaign.startsAt)} – ${date(campaign.endsAt)} · ${campaign.currency || 'no currency'} · `
      + `${num(campaign.eventsRecorded)} events`),
    tiles,
    h('div', { class: 'filters' },
      dateInput('From', 'from', span.from),
      dateInput('To', 'to', span.to),
      select('Bucket', 'bucket', [['hour', 'hour'], ['day', 'day'], ['week', 'week']], bucket),
      select('Breakdown by', 'by', [['influencer', 'influencer'], ['post', 'post'], ['platform', 'platform']], by)),
    section('Over time', seriesChart),
    h('div', { class: 'grid2' },
      section('Alerts', alerts.children.length ? alerts : alertsEmpty),
      section('Sentiment over time', sentimentChart)),
    section(`Breakdown by ${by}`, breakdown),
    h('div', { class: 'grid2' },
      section('Engagement heatmap (UTC day × hour)', heatmap),
      section('Influencers', contributionsBox)));
  show(node);

  // live: every snapshot/update redraws the tiles; the report (series, breakdown, heatmap) follows
  // at most every 5 s, since a report reads the campaign's whole journal
  let refreshing = null;
  let lastRefresh = Date.now();
  const refreshReport = () => {
    if (refreshing) return;
    const wait = Math.max(1000, 5000 - (Date.now() - lastRefresh));
    refreshing = setTimeout(async () => {
      lastRefresh = Date.now();
      try {
        const fresh = await api(reportUrl(campaignId, span, bucket, by));
        if (seriesChart.classList.contains('chart')) {
          updateChart(seriesChart, seriesOption(fresh));
          Object.assign(seriesChart.dataset, total(fresh));
        }
        updateChart(sentimentChart, sentimentOption(fresh));
        breakdown.replaceChildren(breakdownTable(campaignId, fresh, by));
        if (hourly && heatmap.classList.contains('chart')) {
          updateChart(heatmap, heatmapOption(await api(reportUrl(campaignId, span, 'hour', by))));
        }
      } catch (err) {
        breakdown.replaceChildren(failure(err));
      } finally {
        refreshing = null;
      }
    }, wait);
  };
  const onMessage = (msg) => {
    if (msg.type === 'alert' && msg.alert) {
      if (!alerts.querySelector(`[data-alert="${CSS.escape(msg.alert.alertId)}"]`)) alerts.prepend(alertItem(msg.alert));
      if (alertsEmpty.isConnected) alertsEmpty.replaceWith(alerts);
      return;
    }
    if (!msg.campaign) return;
    const first = msg.type === 'snapshot';
    campaign = msg.campaign;
    tiles.replaceChildren(...kpiTiles(campaign));
    contributionsBox.replaceChildren(contributions());
    updated.textContent = `updated ${dateTime(campaign.updatedAt)} · version ${msg.version}`;
    updated.dataset.version = msg.version;
    if (!first) {
      tiles.classList.remove('flash');
      void tiles.offsetWidth; // restart the highlight animation
      tiles.classList.add('flash');
      refreshReport();
    }
  };
  const close = live(campaignId, onMessage, (state, wait) => {
    status.textContent = state === 'live' ? '● live' : state === 'reconnecting' ? `reconnecting in ${wait} s…` : 'closed';
    status.className = `live-status ${state}`;
  });
  return { leave: () => {
    clearTimeout(refreshing);
    close();
  } };
}
