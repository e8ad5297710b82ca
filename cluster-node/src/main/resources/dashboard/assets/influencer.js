// One influencer (profile, ER variants, follower growth with anomalies, fraud score with every
// signal explained, audience quality, sentiment) and the ranked influencer list.
import { api } from '/assets/api.js';
import { h, num, pct, date, dateTime, loading, empty, tile, section, table, chart, COLORS, LEVEL_COLORS,
  routeParams, select, breadcrumbs, TIER_OPTIONS, PLATFORM_OPTIONS } from '/assets/ui.js';

const WINDOWS = ['1h', '24h', '7d', '30d', 'toDate'];
const SIGNAL_NAMES = {
  follower_growth: 'Follower growth',
  following_churn: 'Following churn',
  engagement_rate: 'Engagement rate',
  like_comment_ratio: 'Likes per comment',
  like_view_ratio: 'Likes per view',
  view_bursts: 'View bursts',
  like_bursts: 'Like bursts',
  comment_authenticity: 'Comment authenticity',
  commenter_order: 'Same commenters, same order',
  coordinated_engagement: 'Coordinated engagement',
  audience_quality: 'Audience quality',
};

function signalName(s) {
  return SIGNAL_NAMES[s] || s.replace(/_/g, ' ');
}

function value(v) {
  if (v === null || v === undefined) return '–';
  const n = Number(v);
  return Math.abs(n) < 10 ? n.toFixed(3).replace(/\.?0+$/, '') : num(n);
}

/** The follower chart: followers per day, days whose change is an anomaly marked. */
function followerChart(history) {
  const anomalies = history.filter((p) => p.anomaly);
  return chart('influencer-followers', {
    color: COLORS,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 12, right: 12, top: 36, bottom: 30, containLabel: true },
    xAxis: { type: 'category', data: history.map((p) => date(p.day)) },
    yAxis: [{ type: 'value', name: 'followers', scale: true }, { type: 'value', name: 'change' }],
    series: [
      { name: 'followers', type: 'line', data: history.map((p) => p.followers), showSymbol: false,
        markPoint: { symbol: 'pin', itemStyle: { color: '#d1345b' },
          data: anomalies.map((p) => ({ name: 'anomaly', coord: [date(p.day), p.followers], value: '!' })) } },
      { name: 'daily change', type: 'bar', yAxisIndex: 1,
        data: history.map((p) => ({ value: p.change, itemStyle: p.anomaly ? { color: '#d1345b' } : undefined })) },
    ],
  });
}

function fraudSection(fraud) {
  if (!fraud) {
    return section('Fraud score', empty('Fraud scoring is off on this cluster.', 'Set inflow.fraud.enabled = true to score influencers.'));
  }
  const gauge = chart('influencer-fraud-score', {
    series: [{ type: 'gauge', min: 0, max: 100,
      progress: { show: true, width: 12, itemStyle: { color: LEVEL_COLORS[fraud.level] || '#8c8c8c' } },
      axisLine: { lineStyle: { width: 12, color: [[0.3, LEVEL_COLORS.low], [0.6, LEVEL_COLORS.medium], [1, LEVEL_COLORS.high]] } },
      pointer: { show: false }, axisTick: { show: false }, splitLine: { show: false }, axisLabel: { show: false },
      detail: { valueAnimation: false, formatter: '{value}', fontSize: 28, offsetCenter: [0, '10%'] },
      title: { offsetCenter: [0, '45%'] },
      data: [{ value: Math.round(fraud.score), name: fraud.level }] }],
  }, 200);
  const raising = fraud.signals.filter((s) => s.contribution > 0).sort((a, b) => b.contribution - a.contribution);
  return section('Fraud score',
    h('div', { class: 'fraud-head' }, gauge,
      h('div', {},
        h('p', { class: 'fraud-level', dataset: { level: fraud.level } }, 'Level ', h('span', { class: `badge ${fraud.level}` }, fraud.level),
          ` · score ${fraud.score.toFixed(1)} of 100 · ${fraud.tier} ${fraud.platform || ''}`),
        raising.length
          ? h('ul', { class: 'reasons' }, raising.map((s) => h('li', {}, h('strong', {}, `${signalName(s.signal)} (+${s.contribution.toFixed(1)}): `), s.explanation)))
          : h('p', {}, 'No signal is above what is normal for this tier and platform.'),
        h('p', { class: 'muted' }, `computed ${dateTime(fraud.computedAt)}`))),
    table(`influencer-${fraud.influencerId}-signals`, [
      { key: 'signal', label: 'Signal', format: (v) => signalName(v) },
      { key: 'value', label: 'Value', numeric: true, format: value },
      { key: 'baseline', label: 'Normal for tier', numeric: true, format: value },
      { key: 'contribution', label: 'Points', numeric: true, format: (v) => v.toFixed(1) },
      { key: 'explanation', label: 'What was seen' },
    ], fraud.signals, { caption: 'Every signal, its value, the baseline for this tier and what it adds to the score.' }));
}

function audienceSection(audience) {
  if (!audience || !audience.sampled) {
    return section('Audience quality', empty('No audience samples yet.', 'Send audience.sample events with follower accounts to classify them.'));
  }
  return section('Audience quality',
    h('p', {}, `${num(audience.sampled)} sampled accounts: ${pct(audience.realShare, 0)} real, `
      + `${pct(audience.massFollowerShare, 0)} mass followers, ${pct(audience.suspiciousShare, 0)} suspicious `
      + `(± ${pct(audience.margin, 0)} at 95%)`),
    chart('influencer-audience', {
      color: [LEVEL_COLORS.low, LEVEL_COLORS.medium, LEVEL_COLORS.high],
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [{ type: 'pie', radius: ['40%', '70%'], data: [
        { name: 'real', value: audience.real },
        { name: 'mass followers', value: audience.massFollowers },
        { name: 'suspicious', value: audience.suspicious }] }],
    }, 220));
}

function sentimentSection(s) {
  if (!s || !s.comments) {
    return section('Sentiment', empty('No classified comments yet.', 'Send comment events with their text; Polish and English are classified.'));
  }
  return section('Sentiment',
    h('div', { class: 'tiles small' },
      tile('positive', 'Positive', pct(s.positiveShare, 0)),
      tile('neutral', 'Neutral', pct(s.neutralShare, 0)),
      tile('negative', 'Negative', pct(s.negativeShare, 0), null, s.negativeShare > 0.3 ? 'warn' : null),
      tile('net', 'Net', s.net === null ? '–' : Number(s.net).toFixed(2), `${num(s.comments)} comments`)),
    h('h3', {}, 'Top negative terms'),
    s.topNegativeTerms && s.topNegativeTerms.length
      ? h('ol', { class: 'terms' }, s.topNegativeTerms.map((t) => h('li', {}, `${t.term} (${t.count})`)))
      : h('p', { class: 'muted' }, 'No negative comments.'),
    h('p', { class: 'muted' }, 'Languages: ', Object.entries(s.languages || {}).map(([l, n]) => `${l} ${n}`).join(', ') || '–'));
}

export async function influencerView(influencerId, show) {
  show(loading(`influencer ${influencerId}`));
  const id = encodeURIComponent(influencerId);
  const [profile, fraud] = await Promise.all([
    api(`/api/v1/influencers/${id}`),
    api(`/api/v1/influencers/${id}/fraud`).catch((err) => {
      if (err.code === 'fraud_scoring_off') return null;
      throw err;
    }),
  ]);
  const w = profile.windows || {};
  const g = profile.growth || {};
  const history = (fraud && fraud.followerHistory) || [];
  const partners = (fraud && fraud.partners) || [];
  const node = h('div', { class: 'view' },
    breadcrumbs(['Influencers', '#/influencers'], [influencerId]),
    h('div', { class: 'title-row' }, h('h1', {}, influencerId),
      h('span', { class: 'badge' }, profile.tier), h('span', { class: 'badge' }, profile.platform || 'no platform'),
      fraud ? h('span', { class: `badge ${fraud.level}` }, `fraud ${fraud.level}`) : null),
    h('p', { class: 'muted' }, 'Campaigns: ', profile.campaigns.length
      ? profile.campaigns.map((c, i) => [i ? ', ' : '', h('a', { href: `#/campaign/${encodeURIComponent(c)}` }, c)]) : 'none',
    ` · ${num(profile.eventsRecorded)} events · updated ${dateTime(profile.updatedAt)}`),
    h('div', { class: 'tiles' },
      tile('followers', 'Followers', num(profile.followers), `following ${num(profile.following)}`),
      tile('growth7d', 'Growth 7 d', `${g.change7d >= 0 ? '+' : ''}${num(g.change7d)}`, pct(g.rate7d)),
      tile('growth30d', 'Growth 30 d', `${g.change30d >= 0 ? '+' : ''}${num(g.change30d)}`, pct(g.rate30d)),
      tile('erFollowers', 'ER by followers', pct(profile.engagementRateByFollowers), 'per post'),
      tile('erReach', 'ER by reach', pct(w.toDate && w.toDate.engagementRateByReach)),
      tile('erViews', 'ER by views', pct(w.toDate && w.toDate.engagementRateByViews)),
      tile('posts', 'Posts', num(profile.posts), `${num(profile.views)} views`),
      tile('conversions', 'Conversions', num(profile.conversions), `${num(profile.clicks)} clicks`)),
    section('Followers', history.length ? followerChart(history)
      : empty('No follower counts yet.', 'Send followers events (one a day per platform account) to see growth and its anomalies.')),
    fraudSection(fraud),
    h('div', { class: 'grid2' }, audienceSection(fraud && fraud.audience), sentimentSection(profile.sentiment)),
    section('Engagement over rolling windows', table(`influencer-${influencerId}-windows`, [
      { key: 'window', label: 'Window' },
      { key: 'posts', label: 'Posts', numeric: true, format: num },
      { key: 'views', label: 'Views', numeric: true, format: num },
      { key: 'engagements', label: 'Engagements', numeric: true, format: num },
      { key: 'followerGrowth', label: 'Follower growth', numeric: true, format: num },
      { key: 'engagementRateByFollowers', label: 'ER by followers', numeric: true, format: (v) => pct(v) },
      { key: 'engagementRateByReach', label: 'ER by reach', numeric: true, format: (v) => pct(v) },
      { key: 'engagementRateByViews', label: 'ER by views', numeric: true, format: (v) => pct(v) },
    ], WINDOWS.filter((k) => w[k]).map((k) => ({ window: k, ...w[k] })))),
    partners.length ? section('Shared commenters', h('p', {}, 'Commenters of this influencer act in lockstep on posts of: ',
      partners.map((p, i) => [i ? ', ' : '', h('a', { href: `#/influencer/${encodeURIComponent(p)}` }, p)]),
      '. ', h('a', { href: '#/network' }, 'See the network.'))) : null);
  show(node);
}

export async function influencersView(show) {
  show(loading('influencers'));
  const params = routeParams();
  const query = new URLSearchParams();
  for (const k of ['tier', 'platform', 'sort']) if (params.get(k)) query.set(k, params.get(k));
  query.set('limit', params.get('limit') || '200');
  const { influencers } = await api(`/api/v1/influencers?${query}`);
  const node = h('div', { class: 'view' },
    h('h1', {}, 'Influencers'),
    h('div', { class: 'filters' },
      select('Tier', 'tier', TIER_OPTIONS, params.get('tier')),
      select('Platform', 'platform', PLATFORM_OPTIONS, params.get('platform')),
      select('Rank by', 'sort', [['er', 'engagement rate'], ['followers', 'followers'], ['views', 'views'], ['engagements', 'engagements'], ['growth', 'growth']], params.get('sort') || 'er')),
    section('Ranked', table('influencers', [
      { key: 'influencerId', label: 'Influencer' },
      { key: 'platform', label: 'Platform' },
      { key: 'tier', label: 'Tier' },
      { key: 'followers', label: 'Followers', numeric: true, format: num },
      { key: 'engagementRateByFollowers', label: 'ER by followers', numeric: true, format: (v) => pct(v) },
      { key: 'growthRate30d', label: 'Growth 30 d', numeric: true, format: (v) => pct(v) },
      { key: 'views', label: 'Views', numeric: true, format: num },
      { key: 'fraudScore', label: 'Fraud score', numeric: true, format: (v, r) => (v === null || v === undefined ? '–'
        : h('span', { class: `badge ${r.fraudLevel}` }, `${Number(v).toFixed(0)} ${r.fraudLevel}`)) },
      { key: 'campaigns', label: 'Campaigns', value: (r) => (r.campaigns || []).join(' ') },
    ], influencers, { link: (r) => `#/influencer/${encodeURIComponent(r.influencerId)}`,
      emptyHint: 'Send events naming an influencerId; the list is read from the read model and lags by about 30 s.' })));
  show(node);
}
