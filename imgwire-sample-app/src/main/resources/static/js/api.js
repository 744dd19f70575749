// Calls to this sample's own server (/api/**): same origin, session cookie, CSRF header.

import { CSRF_HEADER, csrfToken } from './csrf.js';

export class ApiError extends Error {
	constructor(message, status, retryAfterSeconds) {
		super(message);
		this.status = status;
		this.retryAfterSeconds = retryAfterSeconds;
	}
}

export async function callApi(path, { method = 'GET', body } = {}) {
	const headers = { 'Accept': 'application/json' };
	if (method !== 'GET') {
		const token = csrfToken();
		if (token) {
			headers[CSRF_HEADER] = token;
		}
	}
	if (body !== undefined) {
		headers['Content-Type'] = 'application/json';
	}
	let response;
	try {
		response = await fetch(path, {
			method,
			headers,
			body: (body !== undefined) ? JSON.stringify(body) : undefined,
			credentials: 'same-origin',
		});
	}
	catch (e) {
		throw new ApiError('Network error: the sample server could not be reached.', 0, null);
	}
	if (response.status === 204) {
		return null;
	}
	const payload = await readJson(response);
	if (!response.ok) {
		const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
		throw new ApiError(describe(response.status, payload, retryAfter), response.status, retryAfter);
	}
	return payload;
}

export async function readJson(response) {
	try {
		return await response.json();
	}
	catch (e) {
		return null;
	}
}

function describe(status, payload, retryAfter) {
	const serverMessage = payload && payload.error;
	switch (status) {
		case 401:
			return 'Your session has expired: reload the page and log in again.';
		case 403:
			return serverMessage || 'The server refused the request: reload the page and try again.';
		case 429:
			return (retryAfter !== null)
				? `Too many requests: try again in ${retryAfter} second${retryAfter === 1 ? '' : 's'}.`
				: (serverMessage || 'Too many requests: try again later.');
		default:
			return serverMessage || `The server answered HTTP ${status}.`;
	}
}

function parseRetryAfter(value) {
	if (value === null) {
		return null;
	}
	const seconds = Number.parseInt(value, 10);
	return Number.isNaN(seconds) ? null : seconds;
}
