// The CSRF token is kept in this browser's session on the server. It is fetched once,
// when the page loads, from GET /api/csrf, which only a page of this origin can read,
// and must be sent back on every write: in the X-XSRF-TOKEN header, or the _csrf form
// field. Logging in or out replaces it, and both end with a new page load.
//
// Modules importing this one run once the token is here (top-level await), so
// csrfToken() can answer at once.

const FETCH_TIMEOUT_MS = 10_000;

const grant = await fetchToken();

export const CSRF_HEADER = grant?.headerName ?? 'X-XSRF-TOKEN';

export const CSRF_PARAMETER = grant?.parameterName ?? '_csrf';

// The token, or null when it could not be fetched: writes are then refused with 403 and
// a message saying to reload the page.
export function csrfToken() {
	return grant?.token ?? null;
}

// Never rejects: a failure here must not stop the page's other modules from running.
async function fetchToken() {
	try {
		const response = await fetch('/api/csrf', {
			headers: { 'Accept': 'application/json' },
			credentials: 'same-origin',
			cache: 'no-store',
			signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
		});
		if (!response.ok) {
			console.error(`GET /api/csrf answered HTTP ${response.status}`);
			return null;
		}
		return await response.json();
	}
	catch (e) {
		console.error('Could not fetch the CSRF token', e);
		return null;
	}
}
