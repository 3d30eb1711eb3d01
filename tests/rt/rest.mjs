// A small Request Tracker 5 REST 2 client for the tests (tests/rt/README.md). Node ≥ 18 (fetch).
//
//   import { RtClient } from './rest.mjs';
//   const rt = new RtClient();                       // RT_URL / RT_USER / RT_PASSWORD from env
//   const q = await rt.ensureQueue('Finance');       // { id, name }
//   const t = await rt.createTicket({ Queue: 'Finance', Subject: 's', Content: 'c' }); // { id }
//   const notes = await rt.comments(t.id);           // [{ id, type, created, creator,
//                                                    //    contentType, content }] oldest first
//
// Every method throws RtError (status, body) on a non-2xx answer; nothing is retried.

export class RtError extends Error {
  constructor(method, path, status, body) {
    super(`RT ${method} ${path} -> HTTP ${status}: ${String(body).slice(0, 400)}`);
    this.name = 'RtError';
    this.status = status;
    this.body = body;
  }
}

export class RtClient {
  /** @param {{ url?: string, user?: string, password?: string }} [options] */
  constructor(options = {}) {
    const url = options.url ?? process.env.RT_URL;
    if (!url) throw new Error('RtClient: no url (set RT_URL or pass { url })');
    this.url = url.replace(/\/+$/, '');
    this.user = options.user ?? process.env.RT_USER ?? 'root';
    this.password = options.password ?? process.env.RT_PASSWORD ?? 'password';
    this.auth = 'Basic ' + Buffer.from(`${this.user}:${this.password}`).toString('base64');
  }

  /** Raw REST 2 call: path relative to /REST/2.0 (or a full _url RT returned). JSON in, JSON out. */
  async request(method, path, body) {
    const target = path.startsWith('http') ? path : `${this.url}/REST/2.0/${path.replace(/^\//, '')}`;
    const headers = { Authorization: this.auth, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(target, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new RtError(method, path, res.status, text);
    if (!text) return null;
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }

  /** Every item of a paged collection (per_page 100), following `pages`. */
  async all(path, params = {}) {
    const items = [];
    for (let page = 1; ; page++) {
      const qs = new URLSearchParams({ ...params, per_page: '100', page: String(page) });
      const sep = path.includes('?') ? '&' : '?';
      const r = await this.request('GET', `${path}${sep}${qs}`);
      items.push(...(r.items ?? []));
      if (!r.pages || page >= r.pages) return items;
    }
  }

  async queue(idOrName) {
    return this.request('GET', `queue/${encodeURIComponent(idOrName)}`);
  }

  /** Creates queue `name` (extra fields as REST 2 takes them) or returns the existing one. */
  async ensureQueue(name, extra = {}) {
    try {
      const q = await this.queue(name);
      return { id: Number(q.id), name: q.Name };
    } catch (e) {
      if (!(e instanceof RtError) || e.status !== 404) throw e;
    }
    const r = await this.request('POST', 'queue', { Name: name, ...extra });
    return { id: Number(r.id), name };
  }

  /** POST /ticket; fields as REST 2 takes them (Queue, Subject, Content, ContentType, Owner…). */
  async createTicket(fields) {
    const r = await this.request('POST', 'ticket', fields);
    return { id: Number(r.id) };
  }

  async ticket(id) {
    return this.request('GET', `ticket/${id}`);
  }

  async updateTicket(id, fields) {
    return this.request('PUT', `ticket/${id}`, fields);
  }

  /** Adds a comment through REST 2 (ContentType text/plain unless given). */
  async comment(id, content, contentType = 'text/plain') {
    return this.request('POST', `ticket/${id}/comment`, { Content: content, ContentType: contentType });
  }

  /**
   * The ticket's transactions, oldest first, each with its first text part:
   * { id, type, created, creator, contentType, content } (content is '' when there is none).
   */
  async transactions(id) {
    const refs = await this.all(`ticket/${id}/history`, { fields: 'Type,Created,Creator' });
    const out = [];
    for (const t of refs) {
      const part = await this.firstTextPart(t.id);
      out.push({
        id: Number(t.id),
        type: t.Type,
        created: t.Created,
        creator: t.Creator?.id ?? t.Creator,
        contentType: part?.contentType ?? null,
        content: part?.content ?? '',
      });
    }
    return out.sort((a, b) => a.id - b.id);
  }

  /** Only the Comment transactions of the ticket (see transactions()). */
  async comments(id) {
    return (await this.transactions(id)).filter((t) => t.type === 'Comment');
  }

  /**
   * The first text/plain or text/html attachment of transaction `txId`, decoded, or null.
   * (The single-attachment endpoint returns Content base64-encoded, exactly as stored.)
   */
  async firstTextPart(txId) {
    const atts = await this.all(`transaction/${txId}/attachments`, { fields: 'ContentType' });
    const text = atts
      .filter((a) => /^text\/(plain|html)/i.test(a.ContentType ?? ''))
      .sort((a, b) => Number(a.id) - Number(b.id));
    for (const ref of text) {
      const a = await this.request('GET', `attachment/${ref.id}`);
      if (!a.Content) continue;
      return { contentType: a.ContentType, content: Buffer.from(a.Content, 'base64').toString('utf8') };
    }
    return null;
  }
}
