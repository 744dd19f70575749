// The gallery: one page of images from this server's /api/images (which uses the Server
// Key), with delete, bulk delete and bulk download.

import { callApi, describeError } from './api.js';

const PAGE_SIZE = 12;
const REFRESH_WHILE_PROCESSING_MS = 2000;

export class Gallery {

	constructor(notify) {
		this.notify = notify;
		this.page = 1;
		this.refreshTimer = null;
		this.list = document.getElementById('gallery');
		this.message = document.getElementById('gallery-message');
		this.pageInfo = document.getElementById('page-info');
		this.prevButton = document.getElementById('prev-page');
		this.nextButton = document.getElementById('next-page');
		this.bulkDeleteButton = document.getElementById('bulk-delete-button');
		this.bulkDownloadButton = document.getElementById('bulk-download-button');
		this.downloadStatus = document.getElementById('download-status');
		this.downloadLink = document.getElementById('download-link');
		this.pagination = null;

		this.prevButton.addEventListener('click', () => this.load(this.pagination.prevPage));
		this.nextButton.addEventListener('click', () => this.load(this.pagination.nextPage));
		this.bulkDeleteButton.addEventListener('click', () => this.deleteSelected());
		this.bulkDownloadButton.addEventListener('click', () => this.downloadSelected());
		this.list.addEventListener('change', () => this.updateSelectionButtons());
	}

	// Never rejects: failures are shown in the gallery, so callers (and the refresh timer)
	// need not catch.
	async load(page = this.page) {
		clearTimeout(this.refreshTimer);
		try {
			const result = await callApi(`/api/images?page=${page}&limit=${PAGE_SIZE}`);
			// Deleting the last image of a page leaves it empty: step back to one that has some.
			if (result.items.length === 0 && page > 1) {
				await this.load(page - 1);
				return;
			}
			this.page = page;
			this.pagination = result.pagination;
			this.render(result);
		}
		catch (e) {
			console.error(e);
			this.showMessage(`Could not load the gallery: ${describeError(e)}`, true);
		}
	}

	// The API lists oldest first, so whatever was just added sits on the last page.
	// Never rejects, like load().
	async loadLast() {
		let totalCount;
		try {
			({ totalCount } = (await callApi('/api/images?page=1&limit=1')).pagination);
		}
		catch (e) {
			console.error(e);
			this.showMessage(`Could not load the gallery: ${describeError(e)}`, true);
			return;
		}
		await this.load(Math.max(1, Math.ceil(totalCount / PAGE_SIZE)));
	}

	render(result) {
		const selected = new Set(this.selectedIds());
		this.list.replaceChildren(...result.items.map((image) => this.renderItem(image, selected.has(image.id))));
		const { page, totalCount, limit, prevPage, nextPage } = result.pagination;
		const pages = Math.max(1, Math.ceil(totalCount / limit));
		this.pageInfo.textContent = `Page ${page} of ${pages} · ${totalCount} image${totalCount === 1 ? '' : 's'}`;
		this.prevButton.disabled = prevPage === null || prevPage === undefined;
		this.nextButton.disabled = nextPage === null || nextPage === undefined;
		if (result.items.length === 0) {
			this.showMessage('No images yet: upload one above.', false);
		}
		else {
			this.message.hidden = true;
		}
		this.updateSelectionButtons();
		// Images imported by URL or still processing change status on their own.
		if (result.items.some((image) => image.status === 'PENDING' || image.status === 'PROCESSING')) {
			this.refreshTimer = setTimeout(() => this.load(), REFRESH_WHILE_PROCESSING_MS);
		}
	}

	renderItem(image, selected) {
		const item = element('li', 'gallery-item');
		item.dataset.imageId = image.id;
		item.dataset.status = image.status;

		const thumb = element('div', 'thumb');
		if (image.status === 'READY') {
			// The thumbnail variant, sized by the server's ImgwireVariants; the link opens
			// the original at its own size.
			const img = element('img', 'gallery-image');
			img.alt = image.originalFilename;
			img.src = image.thumbnailUrl;
			img.srcset = image.thumbnailSrcset;
			img.loading = 'lazy';
			img.decoding = 'async';
			img.addEventListener('error', () => {
				thumb.replaceChildren(element('span', 'thumb-error', 'The image could not be loaded.'));
			});
			const link = element('a', 'original-link');
			link.href = image.cdnUrl;
			link.target = '_blank';
			link.rel = 'noopener';
			link.title = `Open ${image.originalFilename} at its original size`;
			link.append(img);
			thumb.append(link);
		}
		else {
			thumb.append(element('span', 'thumb-placeholder', (image.status === 'QUARANTINE') ? 'Quarantined' : 'Processing…'));
		}

		const checkbox = element('input', 'select-image');
		checkbox.type = 'checkbox';
		checkbox.value = image.id;
		checkbox.checked = selected;
		checkbox.setAttribute('aria-label', `Select ${image.originalFilename}`);

		const status = element('span', `status status-${image.status.toLowerCase()}`, image.status);
		const meta = element('div', 'meta');
		meta.append(
			element('span', 'file-name', image.originalFilename),
			status,
			element('span', 'dimensions', describeSize(image)),
		);

		const deleteButton = element('button', 'delete-button secondary', 'Delete');
		deleteButton.type = 'button';
		deleteButton.addEventListener('click', () => this.deleteOne(image, deleteButton));

		item.append(checkbox, thumb, meta, deleteButton);
		return item;
	}

	async deleteOne(image, button) {
		button.disabled = true;
		try {
			await callApi(`/api/images/${encodeURIComponent(image.id)}`, { method: 'DELETE' });
		}
		catch (e) {
			console.error(e);
			button.disabled = false;
			this.notify(`Could not delete “${image.originalFilename}”: ${describeError(e)}`, true);
			return;
		}
		this.notify(`Deleted “${image.originalFilename}”.`, false);
		await this.load();
	}

	async deleteSelected() {
		const ids = this.selectedIds();
		this.bulkDeleteButton.disabled = true;
		let deleted;
		try {
			({ deleted } = await callApi('/api/images/bulk-delete', { method: 'POST', body: { ids } }));
		}
		catch (e) {
			console.error(e);
			this.notify(`Could not delete the selected images: ${describeError(e)}`, true);
			this.updateSelectionButtons();
			return;
		}
		this.notify(`Deleted ${deleted} image${deleted === 1 ? '' : 's'}.`, false);
		await this.load();
	}

	async downloadSelected() {
		const ids = this.selectedIds();
		this.bulkDownloadButton.disabled = true;
		this.downloadLink.hidden = true;
		this.downloadStatus.textContent = `Preparing a zip of ${ids.length} image${ids.length === 1 ? '' : 's'}…`;
		try {
			const result = await callApi('/api/downloads', { method: 'POST', body: { ids } });
			this.downloadStatus.textContent = 'Your download is ready:';
			this.downloadLink.href = result.downloadUrl;
			this.downloadLink.hidden = false;
		}
		catch (e) {
			console.error(e);
			this.downloadStatus.textContent = '';
			this.notify(`Could not prepare the download: ${describeError(e)}`, true);
		}
		finally {
			this.updateSelectionButtons();
		}
	}

	selectedIds() {
		return Array.from(this.list.querySelectorAll('.select-image:checked'), (checkbox) => checkbox.value);
	}

	updateSelectionButtons() {
		const none = this.selectedIds().length === 0;
		this.bulkDeleteButton.disabled = none;
		this.bulkDownloadButton.disabled = none;
	}

	showMessage(text, isError) {
		this.message.textContent = text;
		this.message.classList.toggle('error', isError);
		this.message.hidden = false;
	}

}

function describeSize(image) {
	if (!image.width || !image.height) {
		return '';
	}
	const kib = Math.max(1, Math.round(image.sizeBytes / 1024));
	return `${image.width}×${image.height} · ${kib} KiB`;
}

// textContent, never innerHTML: file names come from users.
function element(tag, className, text) {
	const node = document.createElement(tag);
	if (className) {
		node.className = className;
	}
	if (text !== undefined) {
		node.textContent = text;
	}
	return node;
}
