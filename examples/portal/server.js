// 健康マイポータル: a sample member portal that logs in with the Kenpo Keycloak pack over OpenID Connect
// (authorization code + PKCE S256, confidential client), shows 「ようこそ○○さん」, 前回ログイン日時 and the
// household, and logs out through Keycloak's end-session endpoint. Explained in docs/portal-developers.md.
//
// Settings (environment):
//   KENPO_ISSUER          the realm's issuer            default http://127.0.0.1:8080/realms/kenpo
//   KENPO_PORTAL_CLIENT_ID                               default kenpo-portal
//   KENPO_PORTAL_SECRET   the client's secret           required (Clients → kenpo-portal → Credentials)
//   PORTAL_PORT           port to listen on             default 3000
//   PORTAL_HOST           address to listen on          default 127.0.0.1
//   PORTAL_BASE_URL       the portal's public URL       default http://localhost:<PORTAL_PORT>
//                         (redirect URI: <base>/callback, after logout: <base>/logged-out)
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as client from 'openid-client';

const issuer = new URL(process.env.KENPO_ISSUER || 'http://127.0.0.1:8080/realms/kenpo');
const clientId = process.env.KENPO_PORTAL_CLIENT_ID || 'kenpo-portal';
const clientSecret = process.env.KENPO_PORTAL_SECRET;
const port = Number(process.env.PORTAL_PORT || 3000);
const host = process.env.PORTAL_HOST || '127.0.0.1';
const baseUrl = (process.env.PORTAL_BASE_URL || `http://localhost:${port}`).replace(/\/$/, '');
const redirectUri = `${baseUrl}/callback`;
const afterLogoutUri = `${baseUrl}/logged-out`;

if (!clientSecret) {
  console.error('KENPO_PORTAL_SECRET is not set: give the portal the kenpo-portal client\'s secret '
    + '(Keycloak admin console → Clients → kenpo-portal → Credentials).');
  process.exit(2);
}

// Texts: one small file per language; Japanese unless the browser prefers English.
const messages = {
  ja: JSON.parse(readFileSync(new URL('./messages/ja.json', import.meta.url), 'utf8')),
  en: JSON.parse(readFileSync(new URL('./messages/en.json', import.meta.url), 'utf8')),
};
function language(req) {
  const accept = (req.headers['accept-language'] || '').toLowerCase();
  return accept.startsWith('en') ? 'en' : 'ja';
}
function text(lang, key, values = {}) {
  return (messages[lang][key] ?? messages.ja[key] ?? key).replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '');
}

// Discovery: reads <issuer>/.well-known/openid-configuration. Plain http is allowed only for a local issuer.
const insecure = issuer.protocol === 'http:';
let config;
async function oidc() {
  if (!config) {
    config = await client.discovery(issuer, clientId, clientSecret, undefined,
      insecure ? { execute: [client.allowInsecureRequests] } : undefined);
  }
  return config;
}

// Logins in progress (state → PKCE verifier and nonce) and logged-in sessions (cookie → tokens and claims).
// In memory for the sample; a real portal keeps them in its session store.
const pending = new Map();
const sessions = new Map();
const COOKIE = 'portal_session';

function sessionOf(req) {
  const cookie = (req.headers.cookie || '').split(/;\s*/).find((c) => c.startsWith(`${COOKIE}=`));
  return cookie ? sessions.get(cookie.slice(COOKIE.length + 1)) : undefined;
}

function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

function formatTime(lang, epochSeconds) {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'ja-JP', {
    dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Tokyo',
  }).format(new Date(epochSeconds * 1000));
}

function page(res, lang, body, status = 200) {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(`<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(text(lang, 'title'))}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.6}
a.button{display:inline-block;padding:.5rem 1.5rem;background:#2a6f97;color:#fff;text-decoration:none;border-radius:4px}</style>
</head><body><h1>${escapeHtml(text(lang, 'title'))}</h1>
${body}
</body></html>`);
}

function home(res, lang, session) {
  if (!session) {
    page(res, lang, `<p id="portal-intro">${escapeHtml(text(lang, 'intro'))}</p>
<p><a class="button" id="portal-login" href="/login">${escapeHtml(text(lang, 'login'))}</a></p>`);
    return;
  }
  const { claims, userinfo } = session;
  const previous = claims.kenpo_previous_login_at;
  const household = Array.isArray(userinfo.kenpo_household) ? userinfo.kenpo_household : [];
  const family = household.length === 0 ? '' : `<h2>${escapeHtml(text(lang, 'household'))}</h2>
<ul id="portal-household">${household.map((m) => `<li>${escapeHtml(m.nickname || m.member_key)}（${escapeHtml(
    text(lang, m.member_type === 'insured' ? 'insured' : 'dependent'))}${m.discloses_medical ? `・${escapeHtml(text(lang, 'sharesMedical'))}` : ''}）</li>`).join('')}</ul>`;
  page(res, lang, `<p id="portal-welcome">${escapeHtml(text(lang, 'welcome', { nickname: claims.nickname || '' }))}</p>
<p id="portal-previous-login">${escapeHtml(previous
    ? text(lang, 'previousLogin', { time: formatTime(lang, previous) })
    : text(lang, 'firstLogin'))}</p>
${family}
<p><a class="button" id="portal-logout" href="/logout">${escapeHtml(text(lang, 'logout'))}</a></p>`);
}

async function login(req, res, lang) {
  const cfg = await oidc();
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  pending.set(state, { codeVerifier, nonce, at: Date.now() });
  const url = client.buildAuthorizationUrl(cfg, {
    redirect_uri: redirectUri,
    scope: 'openid',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ui_locales: lang,
  });
  res.writeHead(302, { Location: url.href });
  res.end();
}

async function callback(req, res, lang) {
  const cfg = await oidc();
  const currentUrl = new URL(req.url, baseUrl);
  const state = currentUrl.searchParams.get('state');
  const started = state && pending.get(state);
  if (!started) {
    page(res, lang, `<p>${escapeHtml(text(lang, 'loginExpired'))}</p><p><a href="/">${escapeHtml(text(lang, 'back'))}</a></p>`, 400);
    return;
  }
  pending.delete(state);
  const tokens = await client.authorizationCodeGrant(cfg, currentUrl, {
    pkceCodeVerifier: started.codeVerifier,
    expectedState: state,
    expectedNonce: started.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  // kenpo_household is also in the ID token; userinfo always has the current value.
  const userinfo = await client.fetchUserInfo(cfg, tokens.access_token, claims.sub);
  const id = randomBytes(32).toString('base64url');
  sessions.set(id, { claims, userinfo, idToken: tokens.id_token, refreshToken: tokens.refresh_token });
  res.writeHead(302, {
    Location: '/',
    'Set-Cookie': `${COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax${baseUrl.startsWith('https:') ? '; Secure' : ''}`,
  });
  res.end();
}

async function logout(req, res) {
  const cookie = (req.headers.cookie || '').split(/;\s*/).find((c) => c.startsWith(`${COOKIE}=`));
  const session = sessionOf(req);
  if (cookie) sessions.delete(cookie.slice(COOKIE.length + 1));
  const clear = `${COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
  if (!session) {
    res.writeHead(302, { Location: '/', 'Set-Cookie': clear });
    res.end();
    return;
  }
  // Ends the Keycloak session too (RP-initiated logout); Keycloak sends the browser back to /logged-out.
  const url = client.buildEndSessionUrl(await oidc(), {
    id_token_hint: session.idToken,
    post_logout_redirect_uri: afterLogoutUri,
  });
  res.writeHead(302, { Location: url.href, 'Set-Cookie': clear });
  res.end();
}

const server = createServer(async (req, res) => {
  const lang = language(req);
  const path = new URL(req.url, baseUrl).pathname;
  try {
    if (path === '/') home(res, lang, sessionOf(req));
    else if (path === '/login') await login(req, res, lang);
    else if (path === '/callback') await callback(req, res, lang);
    else if (path === '/logout') await logout(req, res);
    else if (path === '/logged-out') {
      page(res, lang, `<p id="portal-logged-out">${escapeHtml(text(lang, 'loggedOut'))}</p>
<p><a class="button" id="portal-login" href="/login">${escapeHtml(text(lang, 'login'))}</a></p>`);
    } else page(res, lang, `<p>${escapeHtml(text(lang, 'notFound'))}</p>`, 404);
  } catch (error) {
    console.error(error);
    page(res, lang, `<p id="portal-error">${escapeHtml(text(lang, 'error'))}</p><p><a href="/">${escapeHtml(text(lang, 'back'))}</a></p>`, 500);
  }
});

// Forget logins that never came back (10 minutes).
setInterval(() => {
  const limit = Date.now() - 10 * 60 * 1000;
  for (const [state, started] of pending) if (started.at < limit) pending.delete(state);
}, 60 * 1000).unref();

server.listen(port, host, () => {
  console.log(`Sample portal listening on ${baseUrl}/ (issuer ${issuer.href})`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
