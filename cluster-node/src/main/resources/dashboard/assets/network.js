// Influencers linked by shared commenters acting in lockstep (engagement pods): a force graph with
// suspicious clusters highlighted, and the same clusters as a table (keyboard and CSV friendly).
import { api } from '/assets/api.js';
import { h, num, loading, empty, section, table, chart, LEVEL_COLORS, routeParams, select, TIER_OPTIONS, PLATFORM_OPTIONS } from '/assets/ui.js';

const SEND_HINT = 'Links appear when the same commenters (comment events with an authorId) hit posts of several '
  + 'influencers within minutes of each other, on several posts.';

export async function networkView(show) {
  show(loading('the influencer network'));
  const params = routeParams();
  const brand = params.get('brand') || '';
  const [{ brands }, graph] = await Promise.all([
    api('/api/v1/brands'),
    api(`/api/v1/analytics/network${brand ? `?brand=${encodeURIComponent(brand)}` : ''}`),
  ]);
  const tier = params.get('tier') || '';
  const platform = params.get('platform') || '';
  // tier and platform narrow the drawing; a link stays when both its ends are shown
  const kept = new Set(graph.nodes.filter((n) => (!tier || n.tier === tier) && (!platform || n.platform === platform)).map((n) => n.id));
  graph.nodes = graph.nodes.filter((n) => kept.has(n.id));
  graph.links = graph.links.filter((l) => kept.has(l.source) && kept.has(l.target));
  graph.clusters = graph.clusters.map((c) => ({ ...c, members: c.members.filter((m) => kept.has(m)) })).filter((c) => c.members.length);
  const suspicious = new Set(graph.clusters.filter((c) => c.suspicious).map((c) => c.id));
  const filters = h('div', { class: 'filters' },
    select('Brand', 'brand', [['', 'all brands'], ...brands.map((b) => [b.brandId, b.brandId])], brand),
    select('Tier', 'tier', TIER_OPTIONS, tier),
    select('Platform', 'platform', PLATFORM_OPTIONS, platform));
  if (graph.nodes.length === 0) {
    show(h('div', { class: 'view' }, h('h1', {}, 'Network'), filters,
      section('Shared commenters', empty('No influencers share commenters yet.', SEND_HINT))));
    return;
  }
  const graphChart = chart('network', {
    tooltip: { formatter: (p) => (p.dataType === 'edge'
      ? `${p.data.source} – ${p.data.target}: up to ${p.data.value} shared commenters on a post pair`
      : `${p.data.name}: ${p.data.tier}, ${num(p.data.followers)} followers, fraud ${p.data.fraudLevel || 'n/a'}`) },
    legend: { top: 0, data: ['low', 'medium', 'high', 'not scored'] },
    series: [{
      type: 'graph', layout: 'force', roam: true, draggable: true,
      force: { repulsion: 180, edgeLength: [60, 140] },
      categories: ['low', 'medium', 'high', 'not scored'].map((name) => ({ name,
        itemStyle: { color: LEVEL_COLORS[name] || '#8c8c8c' } })),
      label: { show: true, position: 'right', fontSize: 11 },
      emphasis: { focus: 'adjacency' },
      data: graph.nodes.map((n) => ({
        id: n.id, name: n.id, tier: n.tier, followers: n.followers, fraudLevel: n.fraudLevel,
        category: ['low', 'medium', 'high'].indexOf(n.fraudLevel) < 0 ? 3 : ['low', 'medium', 'high'].indexOf(n.fraudLevel),
        symbolSize: 12 + Math.min(28, Math.log10(Math.max(10, n.followers)) * 4),
        itemStyle: suspicious.has(n.cluster) ? { borderColor: '#d1345b', borderWidth: 3 } : undefined,
      })),
      links: graph.links.map((l) => ({ source: l.source, target: l.target, value: l.weight,
        lineStyle: { width: 1 + Math.min(6, l.weight / 2) } })),
    }],
  }, 480, (instance) => instance.on('click', (p) => {
    if (p.dataType === 'node') location.hash = `#/influencer/${encodeURIComponent(p.data.id)}`;
  }));
  const nodesById = new Map(graph.nodes.map((n) => [n.id, n]));
  const clusterRows = graph.clusters.map((c) => ({
    id: c.id, size: c.members.length, suspicious: c.suspicious,
    high: c.members.filter((m) => (nodesById.get(m) || {}).fraudLevel === 'high').length,
    members: c.members.join(' '),
  }));
  show(h('div', { class: 'view' },
    h('h1', {}, 'Network'),
    filters,
    section('Shared commenters',
      h('p', { class: 'muted' }, `${graph.nodes.length} influencers, ${graph.links.length} links, `
        + `${suspicious.size} suspicious cluster(s) outlined in red. Colour: fraud level. Click a row below to open an influencer.`),
      graphChart),
    section('Clusters', table('network-clusters', [
      { key: 'id', label: 'Cluster' },
      { key: 'size', label: 'Influencers', numeric: true },
      { key: 'high', label: 'High fraud', numeric: true },
      { key: 'suspicious', label: 'Suspicious', format: (v) => (v ? h('span', { class: 'badge high' }, 'suspicious') : 'no') },
      { key: 'members', label: 'Members', format: (v) => v.split(' ').map((m, i) => [i ? ', ' : '',
        h('a', { href: `#/influencer/${encodeURIComponent(m)}` }, m)]) },
    ], clusterRows))));
}
