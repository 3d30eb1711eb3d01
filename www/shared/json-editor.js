// JSON editors (CodeMirror 6): syntax errors and the kit's diagnostics inline, at the field
// their JSON Pointer names, and completion of property names and enum values from a schema.
import { EditorView, basicSetup } from 'codemirror';
import { EditorState } from '@codemirror/state';
import { json, jsonParseLinter } from '@codemirror/lang-json';
import { linter, forceLinting, lintGutter } from '@codemirror/lint';
import { autocompletion } from '@codemirror/autocomplete';
import { syntaxTree } from '@codemirror/language';

const unescape = (token) => {
  try {
    return JSON.parse(token);
  } catch {
    return token.slice(1, -1);
  }
};
const escapePointer = (key) => String(key).replace(/~/g, '~0').replace(/\//g, '~1');
const VALUE = new Set(['Object', 'Array', 'String', 'Number', 'True', 'False', 'Null']);

function children(node) {
  const out = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

/** The node of the JSON value at `pointer`, or the deepest ancestor that exists. */
export function nodeAt(state, pointer) {
  const doc = state.doc;
  let node = children(syntaxTree(state).topNode).find((c) => VALUE.has(c.name));
  if (!node) return null;
  const keys = pointer === '' ? [] : pointer.slice(1).split('/').map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  for (const key of keys) {
    let next = null;
    if (node.name === 'Object') {
      for (const property of children(node).filter((c) => c.name === 'Property')) {
        const name = property.getChild('PropertyName');
        if (name && unescape(doc.sliceString(name.from, name.to)) === key) {
          next = children(property).find((c) => VALUE.has(c.name)) ?? property;
          break;
        }
      }
    } else if (node.name === 'Array') {
      next = children(node).filter((c) => VALUE.has(c.name))[Number(key)] ?? null;
    }
    if (!next) break;
    node = next;
  }
  return node;
}

/** Where a diagnostic points: its value, or for a missing field the object that lacks it. */
export function pointerRange(state, pointer) {
  const node = nodeAt(state, pointer ?? '');
  if (!node) return { from: 0, to: Math.min(1, state.doc.length) };
  // A whole object or array: underline its first line only.
  const end = node.name === 'Object' || node.name === 'Array' ? Math.min(node.to, state.doc.lineAt(node.from).to) : node.to;
  return { from: node.from, to: Math.max(end, node.from + 1) };
}

/** The JSON Pointer of the object or array the cursor is in, and whether it is at a key. */
function pathAt(state, pos) {
  const doc = state.doc;
  let node = syntaxTree(state).resolveInner(pos, -1);
  const atKey = node.name === 'PropertyName' || (node.name === 'Object' || node.name === '{' || node.name === ',');
  const keys = [];
  let inner = node;
  for (let n = node.parent; n; inner = n, n = n.parent) {
    if (n.name === 'Property' && inner.name !== 'PropertyName') {
      const name = n.getChild('PropertyName');
      if (name) keys.unshift(unescape(doc.sliceString(name.from, name.to)));
    } else if (n.name === 'Array') {
      const index = children(n).filter((c) => VALUE.has(c.name) && c.to <= inner.from).length;
      keys.unshift(String(index));
    }
  }
  return { keys, atKey, node };
}

/** The schemas that apply at `keys` (following properties, items, allOf, $ref into `schemas`). */
function schemasAt(root, keys, schemas) {
  const resolve = (schema, base) => {
    const out = [];
    const walk = (s, b, depth) => {
      if (!s || typeof s !== 'object' || depth > 12) return;
      out.push(s);
      if (typeof s.$ref === 'string') {
        const [uri, fragment] = s.$ref.split('#');
        const target = uri ? schemas[new URL(uri, b).href] : (schemas[b] ?? root);
        let t = target;
        for (const part of (fragment ?? '').split('/').filter(Boolean)) t = t?.[part];
        if (t) walk(t, uri ? new URL(uri, b).href : b, depth + 1);
      }
      for (const sub of s.allOf ?? []) walk(sub, b, depth + 1);
    };
    walk(schema, base, 0);
    return out;
  };
  let current = resolve(root, root.$id ?? '');
  for (const key of keys) {
    const next = [];
    for (const s of current) {
      const sub = s.properties?.[key] ?? (/^\d+$/.test(key) ? s.items : undefined);
      if (sub) next.push(...resolve(sub, root.$id ?? ''));
    }
    current = next;
  }
  return current;
}

function completionSource(getSchema) {
  return (context) => {
    const schema = getSchema?.();
    if (!schema) return null;
    const { keys, atKey, node } = pathAt(context.state, context.pos);
    const word = context.matchBefore(/"?[\w-]*/);
    const from = word ? word.from : context.pos;
    if (!context.explicit && (!word || word.from === word.to)) return null;
    const applying = schemasAt(schema.root, atKey ? keys : keys, schema.schemas);
    const options = [];
    if (atKey || node.name === 'PropertyName') {
      const seen = new Set();
      for (const s of applying) {
        for (const [name, sub] of Object.entries(s.properties ?? {})) {
          if (seen.has(name)) continue;
          seen.add(name);
          options.push({ label: JSON.stringify(name), type: 'property', info: sub?.description ?? sub?.title, apply: `${JSON.stringify(name)}: ` });
        }
      }
    } else {
      for (const s of applying) for (const v of s.enum ?? []) options.push({ label: JSON.stringify(v), type: 'enum' });
    }
    return options.length ? { from, options, validFor: /^"?[\w-]*$/ } : null;
  };
}

/**
 * A JSON editor in `parent`. `diagnose(text)` returns (or resolves to) the kit's diagnostics for
 * the text; `schema()` gives `{ root, schemas }` for completion; `onChange(text)` on every edit.
 */
export function jsonEditor(parent, { doc = '', label, diagnose, schema, onChange } = {}) {
  const syntax = jsonParseLinter();
  const lint = linter(async (view) => {
    const found = syntax(view);
    if (found.length || !diagnose) return found;
    const text = view.state.doc.toString();
    const diagnostics = (await diagnose(text)) ?? [];
    if (view.state.doc.toString() !== text) return [];
    return diagnostics.map((d) => ({
      ...pointerRange(view.state, d.path),
      severity: d.severity === 'info' ? 'info' : d.severity,
      message: `${d.path || '/'}: ${d.message}${d.hint ? ` ${d.hint}` : ''}`,
      source: d.code,
    }));
  }, { delay: 250 });
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        basicSetup,
        json(),
        lintGutter(),
        lint,
        autocompletion({ override: [completionSource(schema)] }),
        EditorView.contentAttributes.of({ 'aria-label': label ?? 'JSON editor' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange?.(update.state.doc.toString());
        }),
      ],
    }),
  });
  // The scroller is a tab stop of its own, so keyboard users can scroll a long document
  // (axe-core: scrollable-region-focusable).
  view.scrollDOM.tabIndex = 0;
  view.scrollDOM.setAttribute('aria-label', `${label ?? 'JSON editor'}: scroll`);
  return {
    view,
    get text() { return view.state.doc.toString(); },
    set text(value) {
      if (value !== view.state.doc.toString()) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: value } });
    },
    /** Selects the field `pointer` names and focuses the editor. */
    reveal(pointer) {
      const range = pointerRange(view.state, pointer);
      view.dispatch({ selection: { anchor: range.from, head: range.to }, scrollIntoView: true });
      view.focus();
    },
    relint() { forceLinting(view); },
  };
}

export { escapePointer };
