// The browser half of Imgwire's signed upload flow:
//  1. ask this server for a single-use upload token (it holds the Server Key);
//  2. create the upload at Imgwire with the Client Key and ?upload_token=;
//  3. PUT the bytes to the presigned upload_url, reporting real progress events;
//  4. poll the image with the Client Key until it is READY (or QUARANTINE).

import { callApi, readJson, UserFacingError } from './api.js';

export const SUPPORTED_TYPES = [
	'image/jpeg', 'image/jxl', 'image/png', 'image/webp', 'image/avif', 'image/gif',
	'image/vnd.microsoft.icon', 'image/heic', 'image/bmp', 'image/tiff',
];

const POLL_INTERVAL_MS = 500;
const POLL_TIMEOUT_MS = 120_000;

export class UploadError extends UserFacingError {
}

/**
 * Upload one file. `view` receives the progress: phase(text), progress(loaded, total).
 * Resolves with the READY image record; rejects with an Error whose message is meant for
 * the user.
 */
export async function uploadFile(file, view) {
	if (!SUPPORTED_TYPES.includes(file.type)) {
		throw new UploadError(`“${file.name}” is not a supported image type (${file.type || 'unknown type'}). `
			+ 'Supported: JPEG, PNG, WebP, AVIF, GIF, JPEG XL, ICO, HEIC, BMP and TIFF.');
	}
	view.phase('Requesting an upload token…');
	const grant = await callApi('/api/upload-tokens', { method: 'POST' });
	view.phase('Creating the upload at Imgwire…');
	const created = await createStandardUpload(grant, file);
	view.phase('Uploading…');
	await putBytes(created.upload_url, file, view);
	view.phase('Processing at Imgwire…');
	return pollUntilReady(grant, created.image.id, file, view);
}

async function createStandardUpload(grant, file) {
	const url = `${grant.apiBaseUrl}/api/v1/images/standard_upload?upload_token=${encodeURIComponent(grant.token)}`;
	const response = await imgwireFetch(grant, url, {
		method: 'POST',
		headers: {
			'Authorization': `Bearer ${grant.clientKey}`,
			'Content-Type': 'application/json',
			'Accept': 'application/json',
		},
		body: JSON.stringify({
			file_name: file.name,
			mime_type: file.type,
			content_length: file.size,
			// Lets a retried create return the same record instead of a duplicate.
			idempotency_key: newIdempotencyKey(),
		}),
	});
	if (!response.ok) {
		throw new UploadError(describeImgwireError(response.status, await readJson(response)));
	}
	return readImgwireAnswer(response);
}

// XMLHttpRequest rather than fetch: only XHR reports upload progress.
function putBytes(uploadUrl, file, view) {
	return new Promise((resolve, reject) => {
		const xhr = new XMLHttpRequest();
		xhr.open('PUT', uploadUrl);
		// No Authorization header: the presigned URL is the credential.
		xhr.setRequestHeader('Content-Type', file.type);
		xhr.upload.onprogress = (event) => {
			view.progress(event.loaded, event.lengthComputable ? event.total : file.size);
		};
		xhr.onload = () => {
			if (xhr.status >= 200 && xhr.status < 300) {
				resolve();
			}
			else {
				reject(new UploadError(`Uploading the bytes failed: Imgwire answered HTTP ${xhr.status}.`));
			}
		};
		xhr.onerror = () => reject(new UploadError('Network error while uploading the bytes to Imgwire.'));
		xhr.onabort = () => reject(new UploadError('The upload was aborted.'));
		xhr.send(file);
	});
}

async function pollUntilReady(grant, imageId, file, view) {
	const deadline = Date.now() + POLL_TIMEOUT_MS;
	const url = `${grant.apiBaseUrl}/api/v1/images/${encodeURIComponent(imageId)}`;
	for (;;) {
		const response = await imgwireFetch(grant, url, {
			headers: { 'Authorization': `Bearer ${grant.clientKey}`, 'Accept': 'application/json' },
		});
		if (!response.ok) {
			throw new UploadError(describeImgwireError(response.status, await readJson(response)));
		}
		const image = await readImgwireAnswer(response);
		if (image.status === 'READY') {
			return image;
		}
		if (image.status === 'QUARANTINE') {
			throw new UploadError(`Imgwire quarantined “${file.name}”: it did not pass processing and will not be served.`);
		}
		if (Date.now() > deadline) {
			throw new UploadError(`“${file.name}” is still ${image.status} after ${POLL_TIMEOUT_MS / 1000} s; `
				+ 'it will show up in the gallery once Imgwire is done.');
		}
		view.phase(`Processing at Imgwire (${image.status})…`);
		await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
	}
}

async function imgwireFetch(grant, url, options) {
	try {
		// credentials are left at their default: no cookie of this site goes to Imgwire.
		return await fetch(url, options);
	}
	catch (e) {
		console.error(e);
		throw new UploadError(`Network error: Imgwire at ${grant.apiBaseUrl} could not be reached, `
			+ 'or it does not allow this page’s origin (check its CORS origins).');
	}
}

// A successful answer's JSON body; one that is not JSON means something other than
// Imgwire answered (a proxy, a captive portal), which the user should hear in words.
async function readImgwireAnswer(response) {
	const payload = await readJson(response);
	if (payload === null) {
		throw new UploadError(`Imgwire answered HTTP ${response.status} with something that is not JSON: `
			+ 'check that the API base URL points at Imgwire, then try again.');
	}
	return payload;
}

function describeImgwireError(status, payload) {
	const detail = describeDetail(payload);
	switch (status) {
		case 401:
			return 'Imgwire rejected the upload token: it has expired or was already used. Try again.';
		case 403:
			return 'Imgwire refused this request with the Client Key' + (detail ? `: ${detail}` : '.');
		case 402:
			return 'Imgwire refused the upload: the plan’s limits are reached' + (detail ? ` (${detail})` : '.');
		case 413:
			return 'Imgwire refused the upload: the file is too large.';
		case 415:
		case 422:
			return 'Imgwire refused the file' + (detail ? `: ${detail}` : '.');
		case 429:
			return 'Imgwire is rate limiting uploads: try again in a moment.';
		default:
			return `Imgwire answered HTTP ${status}` + (detail ? `: ${detail}` : '.');
	}
}

function describeDetail(payload) {
	if (!payload || payload.detail === undefined || payload.detail === null) {
		return '';
	}
	if (typeof payload.detail === 'string') {
		return payload.detail;
	}
	if (Array.isArray(payload.detail)) {
		return payload.detail.map((error) => {
			const field = Array.isArray(error.loc) ? error.loc.slice(1).join('.') : '';
			return field ? `${field}: ${error.msg}` : error.msg;
		}).join('; ');
	}
	return '';
}

function newIdempotencyKey() {
	if (window.crypto && typeof window.crypto.randomUUID === 'function') {
		return window.crypto.randomUUID();
	}
	const bytes = window.crypto.getRandomValues(new Uint8Array(16));
	return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
