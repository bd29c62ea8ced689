// <gatehouse-share resource="space:ID" server="https://gatehouse.example.com">: the share dialog as a web
// component, for any page. The host page gives it a token through the `token` property (a string, or a
// function returning one or a promise of one) — never an attribute, so the token is not in the DOM or a URL.
//
//   import 'https://gatehouse.example.com/console/gatehouse-share.js';
//   const share = document.querySelector('gatehouse-share');
//   share.token = () => fetchTokenFromMyBackend();
//
// Attributes: resource (collection:ID, space:ID, page:SPACE/PAGE, site:ORG/SITE), server (Gatehouse's origin;
// default: this page's), label (the button's text, default "Share"), trigger="none" (no button: call open()).
// Methods: open(), close(). Events (bubbling, composed): gatehouse-share-change {detail: {method, path}} after
// each change the API accepted, gatehouse-share-close when the dialog closes.

import { createApi } from './api.js';
import { parseResource } from './resource.js';
import { ShareDialog, registerShareSection } from './share-dialog.js';
import './share-invite-links.js';
import './share-site-links.js';
import './share-access-requests.js';
import { h, fill } from './dom.js';

const STYLES = new URL('./share.css', import.meta.url).href;

export class GatehouseShare extends HTMLElement {
  static get observedAttributes() { return ['resource', 'label', 'trigger', 'server']; }

  #token = null;
  #dialog = null;
  #button = null;
  #error = null;

  /** The bearer token: a string, or a function returning one (or a promise of one). Write-only. */
  set token(value) {
    this.#token = value;
  }

  get token() {
    return undefined;
  }

  connectedCallback() {
    if (!this.shadowRoot) this.attachShadow({ mode: 'open' });
    this.draw();
  }

  attributeChangedCallback() {
    if (this.shadowRoot) this.draw();
  }

  draw() {
    this.#button = null;
    this.#error = h('div', { class: 'gh-inline-error' });
    const parts = [h('link', { rel: 'stylesheet', href: STYLES })];
    if (this.getAttribute('trigger') !== 'none') {
      this.#button = h('button', { type: 'button', class: 'gh-button gh-primary', part: 'button', onclick: () => this.open() },
        this.getAttribute('label') || 'Share');
      parts.push(this.#button);
    }
    parts.push(this.#error);
    if (this.#dialog && this.#dialog.dialog && this.#dialog.dialog.isConnected) parts.push(this.#dialog.dialog);
    fill(this.shadowRoot, parts);
  }

  /** Opens the dialog; focus returns to {@code returnFocus} (default: the button) when it closes. */
  async open({ returnFocus } = {}) {
    if (this.#dialog) return;
    this.#error.replaceChildren();
    let resource;
    try {
      resource = parseResource(this.getAttribute('resource'));
    } catch (e) {
      this.#error.append(h('p', { class: 'gh-error', role: 'alert' }, e.message));
      return;
    }
    const token = this.#token;
    const api = createApi({ server: this.getAttribute('server') || '', token: () => (typeof token === 'function' ? token() : token) });
    this.#dialog = new ShareDialog({
      api, resource, root: this.shadowRoot,
      returnFocus: returnFocus || this.#button || document.activeElement,
      onChange: (detail) => this.dispatchEvent(new CustomEvent('gatehouse-share-change', { detail, bubbles: true, composed: true })),
      onClose: () => {
        this.#dialog = null;
        this.dispatchEvent(new CustomEvent('gatehouse-share-close', { bubbles: true, composed: true }));
      },
    });
    await this.#dialog.open();
  }

  close() {
    if (this.#dialog) this.#dialog.close();
  }
}

if (!customElements.get('gatehouse-share')) customElements.define('gatehouse-share', GatehouseShare);

export { registerShareSection };
