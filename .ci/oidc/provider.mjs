// A real OpenID Connect provider for the staff sign-in test (tests/browser/test_oidc_signin.py).
//
// Why a real one: the issue asks for the OIDC path to be tested against a real provider, not a
// mock. This is the OpenID-certified `oidc-provider` (pinned in package.json) with its stock
// sign-in and consent pages (devInteractions), one static confidential client, and fixed test
// accounts. It listens on 127.0.0.1 on a port the system picks and prints one line
// `ready <issuer>` when it answers; the test reads that line. Never for production.
//
// Settings (environment): OIDC_REDIRECT_URI (the app's /oauth2callback), OIDC_CLIENT_ID,
// OIDC_CLIENT_SECRET, OIDC_ROLE_CLAIM (the claim name the app is configured to read),
// OIDC_HOST (the host name in the issuer; 127.0.0.1 unless the test wants a cross-site name).
import http from 'node:http';

import Provider from 'oidc-provider';

const env = (name) => {
  const value = process.env[name];
  if (!value) {
    console.error(`provider.mjs: ${name} is not set`);
    process.exit(2);
  }
  return value;
};

const redirectUri = env('OIDC_REDIRECT_URI');
const roleClaim = env('OIDC_ROLE_CLAIM');
const host = process.env.OIDC_HOST || '127.0.0.1';

// The accounts: the login name typed on the provider's page is the account id. The stock
// devInteractions page accepts any password; the point here is the protocol, not passwords.
const ACCOUNTS = {
  griffier: { email: 'griffier@gemeente.test', name: 'Gea Griffier', roles: ['griffie'] },
  begeleider: { email: 'begeleider@gemeente.test', name: 'Bram Begeleider', roles: 'Facilitator' },
  burger: { email: 'burger@gemeente.test', name: 'Bea Burger', roles: ['raadslid'] },
};

async function findAccount(ctx, id) {
  const account = ACCOUNTS[id];
  if (!account) return undefined;
  return {
    accountId: id,
    async claims() {
      return {
        sub: id, email: account.email, email_verified: true, name: account.name,
        [roleClaim]: account.roles,
      };
    },
  };
}

const configuration = {
  clients: [{
    client_id: env('OIDC_CLIENT_ID'),
    client_secret: env('OIDC_CLIENT_SECRET'),
    redirect_uris: [redirectUri],
    post_logout_redirect_uris: [redirectUri],
    response_types: ['code'],
    grant_types: ['authorization_code'],
  }],
  findAccount,
  // The role claim comes with the `profile` scope, which Streamlit asks for by default.
  claims: {
    openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', roleClaim],
  },
  // Streamlit reads the user from the ID token only (not the userinfo endpoint); many
  // providers put such claims in the ID token when configured to, and so does this one.
  conformIdTokenClaims: false,
  cookies: { keys: ['test-only-cookie-key-not-a-secret'] },
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
};

const server = http.createServer();
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const issuer = `http://${host}:${port}`;
  const provider = new Provider(issuer, configuration);
  server.on('request', provider.callback());
  console.log(`ready ${issuer}`);
});

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
