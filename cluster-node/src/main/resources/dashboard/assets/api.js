// The API client: the signed-in token (kept for the browser session only), JSON calls whose failures
// become ApiFailure with a sentence saying what to do, and the live WebSocket of a campaign.

const TOKEN_KEY = 'inflow.token';

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function signIn(value) {
  sessionStorage.setItem(TOKEN_KEY, value.trim());
}

export function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
}

/** What the token says about its holder (decoded, not verified: the server verifies every call). */
export function claims() {
  const t = token();
  if (!t) return null;
  try {
    const payload = t.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(payload.padEnd(payload.length + (4 - payload.length % 4) % 4, '=')));
  } catch (e) {
    return null;
  }
}

/** A failed call: the HTTP status, the API's error code and a message that says what to do next. */
export class ApiFailure extends Error {
  constructor(status, code, message, details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details || [];
  }
}

function advice(status, code, message, retryAfter) {
  switch (status) {
    case 401:
      return `The node refused the token (${code}). Sign in again with a fresh one: ./inflow token --role admin`;
    case 403:
      return `This token may not read it: ${message}. Ask an admin for a token with that brand.`;
    case 404:
      return message;
    case 429:
      return `Too many requests for this token; retrying is safe in ${retryAfter || 'a few'} s.`;
    case 503:
      return `The node is busy or still starting (${message}). Retry in ${retryAfter || 'a few'} s.`;
    default:
      return `${message} (HTTP ${status}${code ? ', ' + code : ''})`;
  }
}

/** GET (or another method) a JSON endpoint; resolves to the parsed body, rejects with ApiFailure. */
export async function api(path, { method = 'GET', body, accept = 'application/json' } = {}) {
  const headers = { Accept: accept };
  const t = token();
  if (t) headers.Authorization = `Bearer ${t}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiFailure(0, 'unreachable', 'The node does not answer. Is it running? Start it with ./inflow start.');
  }
  if (response.ok) return accept === 'application/json' ? response.json() : response.text();
  let error = { error: '', message: response.statusText, details: [] };
  try {
    error = await response.json();
  } catch (e) {
    // not the API's error shape; keep the status text
  }
  throw new ApiFailure(response.status, error.error, advice(response.status, error.error, error.message,
    response.headers.get('Retry-After')), error.details);
}

/**
 * Subscribes to a campaign's live updates. The token goes as a WebSocket subprotocol offer
 * (browsers cannot send headers on an upgrade, and a URL would end up in logs). Reconnects with
 * backoff; onState gets 'live', 'reconnecting' or 'closed'. Returns a function that closes it.
 */
export function live(campaignId, onMessage, onState) {
  let socket = null;
  let stopped = false;
  let attempt = 0;
  let timer = null;
  const open = () => {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    socket = new WebSocket(`${scheme}://${location.host}/api/v1/campaigns/${encodeURIComponent(campaignId)}/live`,
      ['inflow', `bearer.${token()}`]);
    socket.onopen = () => {
      attempt = 0;
      onState('live');
    };
    socket.onmessage = (event) => onMessage(JSON.parse(event.data));
    socket.onclose = () => {
      if (stopped) return;
      attempt += 1;
      const wait = Math.min(30, 2 ** attempt);
      onState('reconnecting', wait);
      timer = setTimeout(open, wait * 1000);
    };
  };
  open();
  return () => {
    stopped = true;
    clearTimeout(timer);
    if (socket && socket.readyState === WebSocket.CONNECTING) {
      socket.onopen = () => socket.close(); // closing a socket mid-handshake is reported as a browser error
    } else if (socket) {
      socket.close();
    }
    onState('closed');
  };
}
