import { CSRF_PARAMETER, csrfToken } from './csrf.js';

const form = document.getElementById('login-form');
const message = document.getElementById('login-message');

const params = new URLSearchParams(window.location.search);
if (params.has('locked')) {
	// How long the server refuses attempts for this user name or from this address.
	const minutes = Math.max(1, Number.parseInt(params.get('locked'), 10) || 1);
	showMessage(`Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, true);
}
else if (params.has('error')) {
	showMessage('Wrong user name or password.', true);
}
else if (params.has('logout')) {
	showMessage('You have been logged out.', false);
}

const csrfField = document.getElementById('login-csrf');
csrfField.name = CSRF_PARAMETER;
csrfField.value = csrfToken() ?? '';

function showMessage(text, isError) {
	message.textContent = text;
	message.classList.toggle('error', isError);
	message.hidden = false;
}
