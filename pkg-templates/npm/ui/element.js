// Builds the layer's elements. Text always goes in through textContent, never as markup:
// a diagnostic's message comes from a bundle an admin wrote and must never become HTML.

/**
 * `el(doc, 'button', { class: 'x', type: 'button' }, 'text', child)`: attributes are set with
 * setAttribute (values are strings), children are nodes or text.
 */
export function el(doc, tag, attributes = {}, ...children) {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    node.append(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
  return node;
}

/** Replaces every child of `node` with `children`. */
export function replaceChildren(node, ...children) {
  node.replaceChildren(...children.filter((c) => c !== undefined && c !== null && c !== false));
}
