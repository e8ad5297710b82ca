// The brand list and one brand's overview: its campaigns with spend, revenue, ROAS, reach, ER,
// sentiment and alerts, and the brand's trend over the last days.
import { api } from '/assets/api.js';
import { h, num, money, moneyMap, pct, ratio, date, loading, empty, tile, section, table, chart, COLORS,
  routeParams, select, breadcrumbs } from '/assets/ui.js';

const SEND_HINT = 'Define a campaign with PUT /api/v1/campaigns/{id} and send its events to POST /api/v1/events; '
  + 'brands appear here within about 30 s (the read model\'s flush).';

function share(numerator, denominator) {
  return denominator ? numerator / denominator : null;
}

/** ROAS of money maps: only where spend and revenue share one currency. */
function roasOf(spendByCurrency, revenueByCurrency) {
  const currencies = Object.keys(spendByCurrency || {});
  if (currencies.length !== 1) return null;
  const spend = Number(spendByCurrency[currencies[0]]);
  return spend > 0 ? Number((revenueByCurrency || {})[currencies[0]] || 0) / spend : null;
}

export async function brandsView(show) {
  show(loading('brands'));
  const { brands } = await api('/api/v1/brands');
  const node = h('div', { class: 'view' },
    h('h1', {}, 'Brands'),
    brands.length === 0 ? empty('No brands yet.', SEND_HINT) : section('Brands',
      table('brands', [
        { key: 'brandId', label: 'Brand' },
        { key: 'campaigns', label: 'Campaigns', numeric: true },
        { key: 'spend', label: 'Spend', value: (b) => moneyMap(b.spendByCurrency), format: (v) => v },
        { key: 'revenue', label: 'Revenue', value: (b) => moneyMap(b.revenueByCurrency), format: (v) => v },
        { key: 'roas', label: 'ROAS', numeric: true, value: (b) => roasOf(b.spendByCurrency, b.revenueByCurrency), format: (v) => ratio(v) },
        { key: 'views', label: 'Views', numeric: true, format: num },
        { key: 'engagements', label: 'Engagements', numeric: true, format: num },
        { key: 'conversions', label: 'Conversions', numeric: true, format: num },
        { key: 'alerts', label: 'Alerts', numeric: true, format: (v) => (v ? h('span', { class: 'badge high' }, v) : '0') },
      ], brands, { link: (b) => `#/brand/${encodeURIComponent(b.brandId)}`,
        caption: 'Select a brand to see its campaigns.' })));
  show(node);
}

function campaignState(c, now) {
  if (c.startsAt && new Date(c.startsAt) > now) return 'scheduled';
  if (c.endsAt && new Date(c.endsAt) <= now) return 'ended';
  return c.startsAt ? 'running' : 'undefined';
}

export async function brandView(brandId, show) {
  show(loading(`brand ${brandId}`));
  const params = routeParams();
  const days = Number(params.get('days') || 30);
  const status = params.get('status') || '';
  const overview = await api(`/api/v1/brands/${encodeURIComponent(brandId)}/overview`);
  const now = new Date();
  const campaigns = overview.campaignList.filter((c) => !status || campaignState(c, now) === status);
  const trend = overview.trend.slice(-days);
  const currency = Object.keys(overview.spendByCurrency || {})[0] || Object.keys(overview.revenueByCurrency || {})[0] || 'EUR';
  const reach = overview.campaignList.reduce((s, c) => s + (c.reach || 0), 0);
  const alerts = overview.campaignList.reduce((s, c) => s + (c.alertCount || 0), 0);
  const node = h('div', { class: 'view' },
    breadcrumbs(['Brands', '#/brands'], [brandId]),
    h('h1', {}, `Brand ${brandId}`),
    h('div', { class: 'tiles' },
      tile('campaigns', 'Campaigns', num(overview.campaigns)),
      tile('spend', 'Spend', moneyMap(overview.spendByCurrency)),
      tile('revenue', 'Revenue', moneyMap(overview.revenueByCurrency)),
      tile('roas', 'ROAS', ratio(roasOf(overview.spendByCurrency, overview.revenueByCurrency)), 'revenue ÷ spend'),
      tile('reach', 'Reach', num(reach), 'sum of post reach'),
      tile('views', 'Views', num(overview.views)),
      tile('engagements', 'Engagements', num(overview.engagements)),
      tile('er', 'ER by reach', pct(share(overview.engagements, reach))),
      tile('conversions', 'Conversions', num(overview.conversions)),
      tile('alerts', 'Alerts', num(alerts), null, alerts ? 'warn' : null)),
    h('div', { class: 'filters' },
      select('Trend over', 'days', [['7', 'last 7 days'], ['14', 'last 14 days'], ['30', 'last 30 days']], String(days)),
      select('Campaigns', 'status', [['', 'all'], ['running', 'running'], ['scheduled', 'scheduled'], ['ended', 'ended']], status)),
    section('Trend', trend.length === 0 ? empty('No activity in these days.') : chart('brand-trend', {
      color: COLORS,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 12, right: 12, top: 36, bottom: 30, containLabel: true },
      xAxis: { type: 'category', data: trend.map((p) => date(p.day)) },
      yAxis: [{ type: 'value', name: 'views' }, { type: 'value', name: currency }],
      series: [
        { name: 'views', type: 'bar', data: trend.map((p) => p.views) },
        { name: 'engagements', type: 'bar', data: trend.map((p) => p.engagements) },
        { name: 'conversions', type: 'line', data: trend.map((p) => p.conversions) },
        { name: `revenue (${currency})`, type: 'line', yAxisIndex: 1, data: trend.map((p) => Number((p.revenueByCurrency || {})[currency] || 0)) },
        { name: `spend (${currency})`, type: 'line', yAxisIndex: 1, data: trend.map((p) => Number((p.spendByCurrency || {})[currency] || 0)) },
      ],
    })),
    section('Campaigns', table(`brand-${brandId}-campaigns`, [
      { key: 'name', label: 'Campaign', value: (c) => c.name || c.campaignId },
      { key: 'state', label: 'Status', value: (c) => campaignState(c, now) },
      { key: 'spend', label: 'Spend', numeric: true, format: (v, c) => money(v, c.currency) },
      { key: 'budget', label: 'Budget', numeric: true, format: (v, c) => money(v, c.currency) },
      { key: 'revenue', label: 'Revenue', numeric: true, format: (v, c) => money(v, c.currency) },
      { key: 'roas', label: 'ROAS', numeric: true, value: (c) => share(Number(c.revenue || 0), Number(c.spend || 0)), format: (v) => ratio(v) },
      { key: 'reach', label: 'Reach', numeric: true, format: num },
      { key: 'views', label: 'Views', numeric: true, format: num },
      { key: 'er', label: 'ER by reach', numeric: true, value: (c) => share(c.engagements, c.reach), format: (v) => pct(v) },
      { key: 'conversions', label: 'Conversions', numeric: true, format: num },
      { key: 'netSentiment', label: 'Net sentiment', numeric: true, format: (v) => (v === null || v === undefined ? '–' : Number(v).toFixed(2)) },
      { key: 'alertCount', label: 'Alerts', numeric: true,
        format: (v, c) => (v ? h('span', { class: `badge ${c.alertLevel || 'medium'}` }, `${v} ${c.alertLevel || ''}`) : '0') },
    ], campaigns, { link: (c) => `#/campaign/${encodeURIComponent(c.campaignId)}`,
      emptyHint: status ? 'No campaign of this brand has that status.' : SEND_HINT })));
  show(node);
}
