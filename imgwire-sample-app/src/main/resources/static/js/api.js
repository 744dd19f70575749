// Calls to this sample's own server (/api/**): same origin, session cookie, CSRF header.

import { CSRF_HEADER, csrfToken } from './csrf.js';

// An error whose message is written for the user, shown on the page as it is.
export class UserFacingError extends Error {
}

export class ApiError extends UserFacingError {
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
	// A FormData body sets its own multipart Content-Type, boundary included.
	const form = body instanceof FormData;
	if (body !== undefined && !form) {
		headers['Content-Type'] = 'application/json';
	}
	let response;
	try {
		response = await fetch(path, {
			method,
			headers,
			body: (body === undefined || form) ? body : JSON.stringify(body),
			credentials: 'same-origin',
		});
	}
	catch (e) {
		console.error(e);
		throw new ApiError('Network error: the sample server could not be reached.', 0, null);
	}
	// 204 No Content is the only success without a body (DELETE).
	if (response.status === 204) {
		return null;
	}
	const payload = await readJson(response);
	if (!response.ok) {
		const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
		throw new ApiError(describe(response.status, payload, retryAfter), response.status, retryAfter);
	}
	if (payload === null) {
		throw new ApiError(`The server answered HTTP ${response.status} without the expected JSON body: `
			+ 'reload the page and try again.', response.status, null);
	}
	return payload;
}

// The parsed body, or null when it is empty or not JSON (an error page, for example).
export async function readJson(response) {
	try {
		return await response.json();
	}
	catch (e) {
		console.error(`${response.url} answered HTTP ${response.status} with a body that is not JSON`, e);
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

// What to tell the user about a failure: our own errors are worded for the user; anything
// else is a bug in this page, whose details belong in the console, not on screen.
export function describeError(e) {
	return (e instanceof UserFacingError)
		? e.message
		: 'Something went wrong in this page (the browser console has the details): reload it and try again.';
}
