// "Copy" next to a secret a person passes on (an invite link's id, a share link's address). The clipboard API
// needs a secure context and the page's permission; where it is refused, the text is selected in its field and
// the person is told to copy it themselves, so that nothing fails silently.

import { h } from './dom.js';

/**
 * A button named {@code label} that copies {@code field}'s value, saying in {@code status} (aria-live) what
 * happened.
 */
export function copyButton(field, label, status) {
  const button = h('button', { type: 'button', class: 'gh-button gh-small', 'aria-label': label }, 'Copy');
  button.addEventListener('click', async () => {
    status.textContent = '';
    try {
      if (!navigator.clipboard || !navigator.clipboard.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(field.value);
      status.textContent = 'Copied.';
    } catch {
      field.focus();
      field.select();
      status.textContent = 'The browser did not allow copying: the text is selected, press Ctrl+C (or ⌘C) to copy it.';
    }
  });
  return button;
}

/** A read-only field holding {@code value}, labelled {@code label} for screen readers. */
export function secretField(value, label) {
  return h('input', { class: 'gh-input gh-secret', type: 'text', readonly: true, value, 'aria-label': label,
    spellcheck: 'false', autocomplete: 'off' });
}
