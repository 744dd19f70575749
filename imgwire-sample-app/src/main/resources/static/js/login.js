import { csrfToken } from './csrf.js';

const form = document.getElementById('login-form');
const message = document.getElementById('login-message');

const params = new URLSearchParams(window.location.search);
if (params.has('error')) {
	showMessage('Wrong user name or password.', true);
}
else if (params.has('logout')) {
	showMessage('You have been logged out.', false);
}

// The token is read at submit time, not at load time: the cookie is only set by the
// response that served this page.
form.addEventListener('submit', () => {
	document.getElementById('login-csrf').value = csrfToken() ?? '';
});

function showMessage(text, isError) {
	message.textContent = text;
	message.classList.toggle('error', isError);
	message.hidden = false;
}
