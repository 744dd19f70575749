// Wires the upload page together.

import { callApi, describeError } from './api.js';
import { csrfToken } from './csrf.js';
import { Gallery } from './gallery.js';
import { uploadFile } from './upload.js';

// A few files at a time: each one holds an upload token, and the server rate-limits them.
const PARALLEL_UPLOADS = 3;

const notice = document.getElementById('notice');
const gallery = new Gallery(notify);

setUpUploads();
setUpServerUpload();
setUpImport();
setUpLogout();
// load() shows its own failures and never rejects.
gallery.load(1);

function setUpUploads() {
	const input = document.getElementById('file-input');
	const dropZone = document.getElementById('drop-zone');
	input.addEventListener('change', () => {
		uploadAll(Array.from(input.files));
		// Lets the same file be picked again.
		input.value = '';
	});
	dropZone.addEventListener('dragover', (event) => {
		event.preventDefault();
		dropZone.classList.add('drag-over');
	});
	dropZone.addEventListener('dragleave', () => dropZone.classList.remove('drag-over'));
	dropZone.addEventListener('drop', (event) => {
		event.preventDefault();
		dropZone.classList.remove('drag-over');
		uploadAll(Array.from(event.dataTransfer.files));
	});
}

async function uploadAll(files) {
	const queue = files.map((file) => ({ file, view: new UploadItemView(file) }));
	const worker = async () => {
		for (let next = queue.shift(); next; next = queue.shift()) {
			await uploadOne(next.file, next.view);
		}
	};
	await Promise.all(Array.from({ length: Math.min(PARALLEL_UPLOADS, queue.length) }, worker));
}

async function uploadOne(file, view) {
	let image;
	try {
		image = await uploadFile(file, view);
	}
	catch (e) {
		console.error(e);
		view.fail(describeError(e));
		return;
	}
	view.succeed(image);
	await gallery.loadLast();
}

// One row of the upload list: file name, <progress>, and what is happening in words.
class UploadItemView {

	constructor(file) {
		this.item = document.createElement('li');
		this.item.className = 'upload-item';
		this.item.dataset.fileName = file.name;
		this.item.dataset.state = 'working';
		const name = document.createElement('span');
		name.className = 'file-name';
		name.textContent = file.name;
		this.bar = document.createElement('progress');
		this.bar.className = 'upload-progress';
		this.bar.max = Math.max(1, file.size);
		this.bar.value = 0;
		this.bar.dataset.events = '0';
		this.status = document.createElement('span');
		this.status.className = 'upload-status';
		this.status.setAttribute('role', 'status');
		this.item.append(name, this.bar, this.status);
		document.getElementById('upload-list').prepend(this.item);
	}

	phase(text) {
		this.status.textContent = text;
	}

	// Called from xhr.upload.onprogress only, so the bar shows what the browser really sent.
	progress(loaded, total) {
		this.bar.max = Math.max(1, total);
		this.bar.value = Math.min(loaded, this.bar.max);
		this.bar.dataset.events = String(Number(this.bar.dataset.events) + 1);
		this.status.textContent = `Uploading… ${Math.floor((100 * this.bar.value) / this.bar.max)} %`;
	}

	succeed(image) {
		this.item.dataset.state = 'done';
		this.item.dataset.imageId = image.id;
		this.status.textContent = `Ready: ${image.width}×${image.height}`;
	}

	fail(message) {
		this.item.dataset.state = 'failed';
		this.status.textContent = '';
		const error = document.createElement('p');
		error.className = 'upload-error';
		error.setAttribute('role', 'alert');
		error.textContent = message;
		this.item.append(error);
	}

}

// The other path: the file goes to this server, which streams it on to Imgwire.
function setUpServerUpload() {
	const form = document.getElementById('server-upload-form');
	const input = document.getElementById('server-file-input');
	const button = document.getElementById('server-upload-button');
	const message = document.getElementById('server-upload-message');
	form.addEventListener('submit', async (event) => {
		event.preventDefault();
		const [file] = input.files;
		if (!file) {
			return;
		}
		const body = new FormData();
		body.append('file', file);
		button.disabled = true;
		message.hidden = false;
		message.classList.remove('error');
		message.textContent = `Sending “${file.name}” through the server…`;
		let image;
		try {
			image = await callApi('/api/images/upload', { method: 'POST', body });
		}
		catch (e) {
			console.error(e);
			message.classList.add('error');
			message.textContent = `Could not upload “${file.name}”: ${describeError(e)}`;
			return;
		}
		finally {
			button.disabled = false;
		}
		message.textContent = `Uploaded “${image.originalFilename}” through the server (${image.status}).`;
		message.dataset.imageId = image.id;
		input.value = '';
		await gallery.loadLast();
	});
}

function setUpImport() {
	const form = document.getElementById('import-form');
	const input = document.getElementById('import-url');
	const button = document.getElementById('import-button');
	const message = document.getElementById('import-message');
	form.addEventListener('submit', async (event) => {
		event.preventDefault();
		button.disabled = true;
		message.hidden = false;
		message.classList.remove('error');
		message.textContent = 'Asking Imgwire to fetch the image…';
		let image;
		try {
			image = await callApi('/api/images/import', { method: 'POST', body: { url: input.value } });
		}
		catch (e) {
			console.error(e);
			message.classList.add('error');
			message.textContent = `Could not import: ${describeError(e)}`;
			return;
		}
		finally {
			button.disabled = false;
		}
		message.textContent = `Imported “${image.originalFilename}” (${image.status}).`;
		input.value = '';
		await gallery.loadLast();
	});
}

function setUpLogout() {
	const form = document.getElementById('logout-form');
	form.addEventListener('submit', () => {
		form.querySelector('input[name="_csrf"]').value = csrfToken() ?? '';
	});
}

function notify(text, isError) {
	notice.textContent = text;
	notice.classList.toggle('error', isError);
	notice.hidden = false;
}
