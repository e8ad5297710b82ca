// The dashboard's shell: sign-in (a token kept for the browser session; `#token=…` links sign in
// directly), the hash router, and the views it shows.
import { token, signIn, signOut, claims, api } from '/assets/api.js';
import { h, failure, disposeCharts } from '/assets/ui.js';
import { brandsView, brandView } from '/assets/brands.js';
import { campaignView } from '/assets/campaign.js';
import { influencerView, influencersView } from '/assets/influencer.js';
import { networkView } from '/assets/network.js';

const main = document.getElementById('main');
let leave = null; // closes what the current view holds open (its live socket)
let navigation = 0; // a view still loading when the user moves on must not draw over the next one

// [pattern, view]: a view gets the pattern's groups, then show(node) to draw itself
const routes = [
  [/^#\/?$/, brandsView],
  [/^#\/brands$/, brandsView],
  [/^#\/brand\/([^/?]+)$/, brandView],
  [/^#\/campaign\/([^/?]+)$/, campaignView],
  [/^#\/influencers$/, influencersView],
  [/^#\/influencer\/([^/?]+)$/, influencerView],
  [/^#\/network$/, networkView],
];

function signInView(problem) {
  const input = h('input', { id: 'token', name: 'token', type: 'password', autocomplete: 'off', required: true,
    placeholder: 'eyJhbGciOi…', 'aria-describedby': 'token-help' });
  const message = h('p', { class: 'form-error', role: 'alert' }, problem || '');
  const form = h('form', { class: 'card signin', onsubmit: async (e) => {
    e.preventDefault();
    signIn(input.value);
    try {
      await api('/api/v1/brands');
      route();
    } catch (err) {
      if (err.status === 401) {
        signOut();
        message.textContent = err.message;
        input.value = '';
        input.focus();
      } else {
        route(); // signed in; the view shows what else went wrong
      }
    }
  } },
  h('h1', {}, 'Sign in to Inflow'),
  h('label', { for: 'token' }, 'Access token'),
  input,
  h('p', { id: 'token-help', class: 'muted' }, 'Paste a token printed by ', h('code', {}, './inflow start'), ' or ',
    h('code', {}, './inflow token --role analyst --brand acme'), '. It is kept for this browser tab only.'),
  message,
  h('button', { type: 'submit', class: 'primary' }, 'Sign in'));
  shell(false);
  main.replaceChildren(form);
  input.focus();
}

function shell(signedIn) {
  document.getElementById('nav').hidden = !signedIn;
  document.getElementById('signout').hidden = !signedIn;
  const c = signedIn ? claims() : null;
  document.getElementById('who').textContent = c
    ? `${c.sub || 'signed in'} · ${c.role || ''}${c.brands && c.brands.length ? ' · ' + c.brands.join(', ') : ''}` : '';
  for (const a of document.querySelectorAll('#nav a')) {
    const current = location.hash.startsWith(a.getAttribute('href').replace(/s$/, ''));
    if (current) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

async function route() {
  // a sign-in link carries the token in the fragment, which never reaches a server or its logs
  const linked = location.hash.match(/^#token=(.+)$/);
  if (linked) {
    signIn(decodeURIComponent(linked[1]));
    history.replaceState(null, '', location.pathname + '#/');
  }
  if (leave) {
    leave();
    leave = null;
  }
  disposeCharts();
  if (!token()) {
    signInView();
    return;
  }
  const c = claims();
  if (c && c.exp && c.exp * 1000 < Date.now()) {
    signOut();
    signInView('That token has expired. Get a fresh one with ./inflow token --role admin.');
    return;
  }
  shell(true);
  const path = location.hash.split('?')[0] || '#/';
  const match = routes.map(([re, view]) => [path.match(re), view]).find(([m]) => m);
  if (!match) {
    main.replaceChildren(failure({ message: `There is no page ${path}. Go to the brands list.` }));
    return;
  }
  const [m, view] = match;
  const current = ++navigation;
  const show = (node) => {
    if (current === navigation) main.replaceChildren(node);
  };
  try {
    const args = m.slice(1).map(decodeURIComponent);
    const result = await view(...args, show);
    if (result && result.leave) {
      if (current === navigation) leave = result.leave;
      else result.leave();
    }
  } catch (err) {
    if (current !== navigation) return;
    if (err.status === 401) {
      signOut();
      signInView(err.message);
      return;
    }
    main.replaceChildren(failure(err, route));
  }
}

document.getElementById('signout').addEventListener('click', () => {
  signOut();
  location.hash = '#/';
  route();
});
window.addEventListener('hashchange', route);
route();
