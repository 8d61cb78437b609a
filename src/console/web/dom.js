// Building the page from data, always as text: client data (what any client sent to the mock)
// becomes text nodes and attribute values set one by one, never markup. Nothing here parses HTML.

import { mockUrl } from './paths.js';

const SVG = 'http://www.w3.org/2000/svg';

/**
 * An element with attributes and children; strings become text nodes.
 * @example h('a', { href: '#journal' }, 'Journal')
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  return fill(element, attributes, children);
}

/** An SVG element, as `h`. */
export function s(tag, attributes = {}, ...children) {
  return fill(document.createElementNS(SVG, tag), attributes, children);
}

function fill(element, attributes, children) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(
      typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child,
    );
  }
  return element;
}

/** Replaces an element's children. */
export function show(element, ...children) {
  element.replaceChildren();
  fill(element, {}, children);
  return element;
}

/** JSON from one of the mock's paths (`/__admin/accounts`, below any mount prefix): its status and body. */
export async function getJson(path, init) {
  const response = await fetch(mockUrl(path), init);
  const text = await response.text();
  let body;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, body };
}

/** A text quoted for a POSIX shell, whatever it holds. */
export function shellQuote(text) {
  return `'${String(text).replace(/'/g, `'\\''`)}'`;
}

/** Copies text to the clipboard; says so in `status` (or shows the text when the browser refuses). */
export async function copyText(text, status) {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = 'Copied.';
  } catch {
    status.textContent = 'The browser refused the clipboard; copy it from the box above.';
  }
}
