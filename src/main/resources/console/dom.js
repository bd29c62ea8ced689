// Building the DOM without markup: every value becomes a text node or an attribute, never HTML, so a name such
// as <img src=x onerror=alert(1)> is shown as the text it is.

let counter = 0;

/** A fresh id for aria-labelledby, aria-controls and label/for. */
export function uid(prefix = 'gh') {
  counter += 1;
  return `${prefix}-${counter}`;
}

/**
 * h('button', {type: 'button', onclick: f, 'aria-label': 'Remove Bob'}, 'Remove'): an element with its attributes,
 * listeners (on*) and children (nodes, or strings that become text nodes).
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'style' || key === 'innerHTML' || key === 'outerHTML') {
      throw new Error(`h(): '${key}' is not allowed; use classes and text`);
    }
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'class') {
      el.className = value;
    } else if (key === 'text') {
      el.textContent = String(value);
    } else if (key === 'value' || key === 'checked' || key === 'selected') {
      el[key] = value;
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  add(el, children);
  return el;
}

/** Appends children: nodes as they are, anything else as text. */
export function add(el, ...children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces an element's children. */
export function fill(el, ...children) {
  el.replaceChildren();
  return add(el, ...children);
}

/** A <select> of [value, label] choices with the given value selected. */
export function select(props, choices, selected) {
  const el = h('select', props);
  for (const [value, label] of choices) {
    const option = h('option', { value }, label);
    if (value === selected) option.selected = true;
    el.append(option);
  }
  return el;
}

/** A message in words where something failed, announced to screen readers. */
export function errorBox(message) {
  return h('p', { class: 'gh-error', role: 'alert' }, message);
}

/** "1,234" */
export function count(n) {
  return new Intl.NumberFormat('en').format(n);
}
