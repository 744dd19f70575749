// The CSRF token lives in the XSRF-TOKEN cookie (readable by this script on purpose) and
// must be echoed in the X-XSRF-TOKEN header, or the _csrf form field, on every write.
// A page on another origin cannot read the cookie, so it cannot forge the header.

export const CSRF_HEADER = 'X-XSRF-TOKEN';

export function csrfToken() {
	const prefix = 'XSRF-TOKEN=';
	const cookie = document.cookie.split(';').map((part) => part.trim()).find((part) => part.startsWith(prefix));
	return cookie ? decodeURIComponent(cookie.substring(prefix.length)) : null;
}
