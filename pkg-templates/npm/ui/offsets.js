// The text of a contenteditable exactly as the kit reads its HTML (src/note/html.rs, the
// `innerText` model), with a map from each UTF-16 offset of that text back to the DOM: the
// kit's spans index the rendered text, and underlines need text nodes and offsets in them.
// The rules are html.rs's, applied to the DOM the editor's innerHTML serialises:
// - whitespace collapses (runs become one space, dropped at line starts); U+00A0 stays;
// - block elements start and end a line, <p> leaves a blank line around it, adjacent breaks
//   merge (the largest wins), leading and trailing breaks drop;
// - <br> is one newline, always; table cells are separated by a tab, rows by a newline;
// - <pre> keeps its whitespace; script, style, textarea, iframe… and head/template/noscript
//   show nothing; comments are not text.
// Tag names decide, as in the kit, not computed styles.

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog',
  'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol',
  'pre', 'section', 'summary', 'table', 'ul',
]);
const HIDDEN = new Set(['head', 'template', 'noscript']);
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes']);
// Elements without an end tag in the serialised HTML: the kit sees no end for them.
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

function isSpace(c) {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
}

/** Reads `root`'s rendered text and its offset map. */
export function readRendered(root) {
  const r = new Reader();
  let node = root.firstChild;
  while (node) {
    let descend = false;
    if (node.nodeType === 3 || node.nodeType === 4) r.text(node);
    else if (node.nodeType === 1) {
      const name = node.localName.toLowerCase();
      if (!RAW_TEXT.has(name)) {
        r.start(name);
        if (node.firstChild) descend = true;
        else if (!VOID.has(name)) r.end(name);
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    while (node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (!node) return r.done();
      if (node !== root) r.end(node.localName.toLowerCase());
    }
    node = node === root ? null : node.nextSibling;
  }
  return r.done();
}

class Reader {
  constructor() {
    this.out = '';
    this.breaks = 0;
    this.space = false;
    this.spaceNode = null;
    this.spaceOffset = 0;
    this.pre = 0;
    this.hidden = 0;
    this.tables = [];
    // Segments: from text offset starts[i], the characters map to nodes[i] from offsets[i] on
    // (one character per UTF-16 unit); a null node is a line break or tab the markup made.
    this.starts = [];
    this.nodes = [];
    this.offsets = [];
  }

  push(s, node, offset) {
    const at = this.out.length;
    const last = this.nodes.length - 1;
    const extends_ = last >= 0 && this.nodes[last] === node
      && (node === null || this.offsets[last] + (at - this.starts[last]) === offset);
    if (!extends_) {
      this.starts.push(at);
      this.nodes.push(node);
      this.offsets.push(offset);
    }
    this.out += s;
  }

  atLineStart() {
    if (this.breaks > 0 || this.out.length === 0) return true;
    const c = this.out.charCodeAt(this.out.length - 1);
    return c === 10 || c === 9;
  }

  flushBreaks() {
    if (this.out.length > 0) for (let i = 0; i < this.breaks; i++) this.push('\n', null, 0);
    this.breaks = 0;
  }

  visible(c, node, offset) {
    this.flushBreaks();
    const space = this.space && !this.atLineStart();
    this.space = false;
    if (space) this.push(' ', this.spaceNode, this.spaceOffset);
    this.push(c, node, offset);
  }

  literal(s, node = null, offset = 0) {
    if (this.hidden > 0) return;
    this.flushBreaks();
    this.space = false;
    this.push(s, node, offset);
  }

  blockEdge(count) {
    this.space = false;
    this.breaks = Math.max(this.breaks, count);
  }

  text(node) {
    if (this.hidden > 0) return;
    const data = node.data;
    for (let i = 0; i < data.length; i++) {
      const c = data[i];
      if (this.pre > 0) {
        if (c === '\r') continue;
        if (c === '\n') this.literal('\n', node, i);
        else this.visible(c, node, i);
      } else if (isSpace(c)) {
        if (!this.atLineStart() && !this.space) {
          this.space = true;
          this.spaceNode = node;
          this.spaceOffset = i;
        }
      } else this.visible(c, node, i);
    }
  }

  start(name) {
    if (HIDDEN.has(name)) {
      this.hidden += 1;
      return;
    }
    if (name === 'br') this.literal('\n');
    else if (name === 'p') this.blockEdge(2);
    else if (HEADINGS.has(name)) this.blockEdge(1);
    else if (name === 'pre') {
      this.blockEdge(1);
      this.pre += 1;
    } else if (name === 'table') {
      this.blockEdge(1);
      this.tables.push({ cells: 0, rows: 0 });
    } else if (name === 'tr') {
      const table = this.tables[this.tables.length - 1];
      if (table) {
        const first = table.rows === 0;
        table.rows += 1;
        table.cells = 0;
        if (!first) this.literal('\n');
      }
    } else if (name === 'td' || name === 'th') {
      const table = this.tables[this.tables.length - 1];
      if (table) {
        const first = table.cells === 0;
        table.cells += 1;
        if (!first) this.literal('\t');
      }
    } else if (name === 'body') {
      this.hidden = 0;
      this.blockEdge(1);
    } else if (BLOCKS.has(name)) this.blockEdge(1);
  }

  end(name) {
    if (HIDDEN.has(name)) {
      this.hidden = Math.max(0, this.hidden - 1);
      return;
    }
    if (name === 'p') this.blockEdge(2);
    else if (HEADINGS.has(name)) this.blockEdge(1);
    else if (name === 'pre') {
      this.pre = Math.max(0, this.pre - 1);
      this.blockEdge(1);
    } else if (name === 'table') {
      this.tables.pop();
      this.blockEdge(1);
    } else if (BLOCKS.has(name)) this.blockEdge(1);
  }

  done() {
    return new OffsetMap(this.out, this.starts, this.nodes, this.offsets);
  }
}

/** The rendered text and where each of its offsets is in the DOM. */
export class OffsetMap {
  constructor(text, starts, nodes, offsets) {
    this.text = text;
    this.starts = starts;
    this.nodes = nodes;
    this.offsets = offsets;
  }

  /** The segment holding character `i` (the last one starting at or before it). */
  segment(i) {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  segmentEnd(s) {
    return s + 1 < this.starts.length ? this.starts[s + 1] : this.text.length;
  }

  /**
   * The DOM boundary (text node, offset) for text offset `i`: `start` takes the character at
   * `i` (or the next one a text node shows), `end` the character before it (or the previous
   * shown one). Null when no text node shows anything.
   */
  position(i, side = 'start') {
    return side === 'start' && i < this.text.length
      ? this.forward(i) ?? this.backward(this.text.length)
      : this.backward(i) ?? this.forward(0);
  }

  forward(i) {
    for (let s = this.segment(Math.max(0, i)); s < this.starts.length; s++) {
      if (this.nodes[s]) return { node: this.nodes[s], offset: this.offsets[s] + Math.max(0, i - this.starts[s]) };
    }
    return null;
  }

  backward(i) {
    if (this.starts.length === 0) return null;
    const last = Math.min(Math.max(i, 1), this.text.length) - 1;
    for (let s = this.segment(last); s >= 0; s--) {
      if (this.nodes[s]) {
        const within = Math.min(last, this.segmentEnd(s) - 1) - this.starts[s] + 1;
        return { node: this.nodes[s], offset: this.offsets[s] + within };
      }
    }
    return null;
  }

  /**
   * The pieces of text nodes that show [start, end): `{ node, from, to }`, one per node run.
   * An empty span gives one collapsed piece where an insertion would go.
   */
  pieces(start, end) {
    const length = this.text.length;
    const s0 = Math.max(0, Math.min(start, length));
    const e0 = Math.max(s0, Math.min(end, length));
    if (s0 === e0) {
      const at = this.position(s0, s0 < length ? 'start' : 'end');
      return at ? [{ node: at.node, from: at.offset, to: at.offset }] : [];
    }
    const pieces = [];
    for (let s = this.segment(s0); s < this.starts.length && this.starts[s] < e0; s++) {
      const node = this.nodes[s];
      if (!node) continue;
      const from = this.offsets[s] + Math.max(s0, this.starts[s]) - this.starts[s];
      const to = this.offsets[s] + Math.min(e0, this.segmentEnd(s)) - this.starts[s];
      const prev = pieces[pieces.length - 1];
      if (prev && prev.node === node && prev.to <= from) prev.to = to;
      else pieces.push({ node, from, to });
    }
    return pieces;
  }
}

/**
 * The text the agent sees in an editor, as the kit's spans index it: a textarea's value, or a
 * contenteditable's rendered text (the kit's reading of its HTML).
 */
export function noteText(editable) {
  return editable.localName === 'textarea' ? editable.value : readRendered(editable).text;
}
