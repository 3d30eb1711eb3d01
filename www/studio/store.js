// The studio's state: the bundle being edited, its undo/redo history, and its autosave in
// IndexedDB (so a reload or a crash never loses work). Every edit goes through `update`.
const DB = 'handoff-kit-studio';
const STORE = 'work';
const LIMIT = 200;

function openDb() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function withStore(mode, action) {
  const db = await openDb();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = action(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request?.result);
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** The work saved by the last session, or undefined. */
export function loadSaved() {
  return withStore('readonly', (s) => s.get('current')).catch(() => undefined);
}

/** A new bundle that keeps every built-in default. */
export function builtInBundle() {
  return { bundle: 'my-organisation', version: '1.0.0' };
}

export class Store {
  #past = [];
  #future = [];
  #lastKey;
  #saveTimer;
  #listeners = new Set();

  constructor(bundle) {
    this.bundle = bundle;
  }

  /** `listener(bundle, { render })` after every change. */
  subscribe(listener) {
    this.#listeners.add(listener);
  }

  #emit(render) {
    for (const listener of this.#listeners) listener(this.bundle, { render });
    this.#scheduleSave();
  }

  /**
   * Changes the bundle: `edit(draft)` mutates a copy. `coalesce`: consecutive edits with the
   * same key (a slider drag, typing in one field) are one undo step. `render: false` when the
   * form that made the edit already shows it.
   */
  update(edit, { coalesce, render = true } = {}) {
    const draft = structuredClone(this.bundle);
    const result = edit(draft);
    const next = result === undefined ? draft : result;
    if (JSON.stringify(next) === JSON.stringify(this.bundle)) return;
    if (!(coalesce && coalesce === this.#lastKey)) {
      this.#past.push(this.bundle);
      if (this.#past.length > LIMIT) this.#past.shift();
    }
    this.#lastKey = coalesce;
    this.#future = [];
    this.bundle = next;
    this.#emit(render);
  }

  /** Replaces the whole bundle (import, start anew): one undo step. */
  replace(bundle) {
    this.update(() => structuredClone(bundle));
  }

  get canUndo() { return this.#past.length > 0; }
  get canRedo() { return this.#future.length > 0; }

  undo() {
    if (!this.canUndo) return;
    this.#future.push(this.bundle);
    this.bundle = this.#past.pop();
    this.#lastKey = undefined;
    this.#emit(true);
  }

  redo() {
    if (!this.canRedo) return;
    this.#past.push(this.bundle);
    this.bundle = this.#future.pop();
    this.#lastKey = undefined;
    this.#emit(true);
  }

  // At most one write every 150 ms, always of the latest bundle: a burst of edits (a slider
  // drag) is written while it goes on, not only after it stops. `data-save` on <html> is
  // "pending" until the latest bundle is stored (tests wait for "done" before a reload).
  #scheduleSave() {
    document.documentElement.dataset.save = 'pending';
    if (this.#saveTimer !== undefined) return;
    this.#saveTimer = setTimeout(() => {
      this.#saveTimer = undefined;
      this.save().catch((error) => {
        document.dispatchEvent(new CustomEvent('studio-save-failed', { detail: error }));
      });
    }, 150);
  }

  /** Writes the bundle to IndexedDB now; resolves when it is stored. */
  save() {
    const bundle = this.bundle;
    const record = { bundle, savedAt: new Date().toISOString() };
    return withStore('readwrite', (s) => s.put(record, 'current')).then(() => {
      if (this.bundle === bundle && this.#saveTimer === undefined) document.documentElement.dataset.save = 'done';
      document.dispatchEvent(new CustomEvent('studio-saved', { detail: record }));
    });
  }
}
