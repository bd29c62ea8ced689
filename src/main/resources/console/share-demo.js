// The demo page of <gatehouse-share>: what a host page does, with the resource and token typed in.
import './gatehouse-share.js';

const share = document.getElementById('demo-share');
const resource = document.getElementById('demo-resource');
const token = document.getElementById('demo-token');
const log = document.getElementById('demo-log');

share.setAttribute('server', window.location.origin);
const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('resource');
if (fromHash) {
  resource.value = fromHash;
  share.setAttribute('resource', fromHash);
}

document.getElementById('demo-form').addEventListener('submit', (e) => {
  e.preventDefault();
  share.setAttribute('resource', resource.value.trim());
  // A property, never an attribute: the token stays out of the DOM and of every URL.
  const secret = token.value.trim();
  share.token = () => secret;
  log.textContent = `Ready to share ${resource.value.trim()}.`;
});

share.addEventListener('gatehouse-share-change', (e) => {
  log.textContent = `The dialog changed access: ${e.detail.method} ${e.detail.path}`;
});
