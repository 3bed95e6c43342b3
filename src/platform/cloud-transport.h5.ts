/**
 * H5 (local mode): the local cloud serves every cloud function over HTTP on the same origin.
 * Identity travels in the local sign-in cookie, which the local cloud turns into OPENID.
 */
export function initCloud(): void {
  // Nothing to set up: same-origin HTTP.
}

export const SIGN_IN_PATH = '/__local/sign-in';

export async function sendToCloud(fn: string, data: { action: string; input: unknown }): Promise<unknown> {
  const response = await fetch(`/__cloud/functions/${encodeURIComponent(fn)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(data),
  });
  if (response.status === 401) {
    // Not signed in locally: go pick a demo persona, then come back here.
    window.location.assign(`${SIGN_IN_PATH}?next=${encodeURIComponent(window.location.pathname + window.location.hash)}`);
  }
  return response.json();
}
