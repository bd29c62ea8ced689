// A list shown one page at a time over an API list read with cursors, any size: only the page shown is kept,
// and pages already read are read again only after a change. With a filter, it reads on through the API's
// pages until a page of matches is found (or the list ends), showing matches as they arrive.

export class Pager {
  /**
   * @param fetchPage (cursor) => Promise<{items, next}>: one API page; cursor null for the first
   * @param pageSize  rows shown at once
   * @param filter    item => boolean, or null to show every item
   * @param onUpdate  ({rows, loading, done, scanned, error}) => void: called as rows arrive and when a page is complete
   */
  constructor({ fetchPage, pageSize = 100, filter = null, onUpdate = () => {}, cacheSize = 8 }) {
    this.fetchPage = fetchPage;
    this.pageSize = pageSize;
    this.filter = filter;
    this.onUpdate = onUpdate;
    this.cacheSize = cacheSize;
    this.cache = new Map();
    this.starts = [{ cursor: null, offset: 0 }];
    this.index = 0;
    this.end = undefined;
    this.rows = [];
    this.scanned = 0;
    this.loading = false;
    this.error = null;
    this.generation = 0;
  }

  get hasPrevious() { return this.index > 0; }

  /** Whether another page may follow; it can be empty when a filter matches nothing further. */
  get hasNext() { return Boolean(this.end); }

  /** The position of the first row shown, from 0. */
  get firstRow() { return this.index * this.pageSize; }

  first() { this.index = 0; this.starts.length = 1; return this.load(); }

  next() {
    if (!this.end) return Promise.resolve(this.rows);
    this.starts[this.index + 1] = this.end;
    this.starts.length = this.index + 2;
    this.index += 1;
    return this.load();
  }

  previous() {
    if (this.index === 0) return Promise.resolve(this.rows);
    this.index -= 1;
    return this.load();
  }

  /** Reads the page shown again, from the API: after a change, so that what is shown is what the API answers. */
  reload() {
    this.cache.clear();
    this.starts.length = this.index + 1;
    return this.load();
  }

  async load() {
    this.generation += 1;
    const generation = this.generation;
    this.loading = true;
    this.error = null;
    this.rows = [];
    this.emit();
    try {
      const { rows, end } = await this.collect(this.starts[this.index], generation);
      if (generation !== this.generation) return this.rows;
      this.rows = rows;
      this.end = end;
    } catch (e) {
      if (generation !== this.generation) return this.rows;
      this.error = e;
      this.end = undefined;
    }
    this.loading = false;
    this.emit();
    return this.rows;
  }

  emit() {
    this.onUpdate({
      rows: this.rows, loading: this.loading, done: !this.loading, scanned: this.scanned, error: this.error,
      hasNext: this.hasNext, hasPrevious: this.hasPrevious, firstRow: this.firstRow,
    });
  }

  async collect(start, generation) {
    let { cursor, offset } = start;
    const rows = [];
    for (;;) {
      const page = await this.read(cursor);
      if (generation !== this.generation) return { rows, end: null };
      const { items } = page;
      for (let i = offset; i < items.length; i += 1) {
        this.scanned += 1;
        if (!this.filter || this.filter(items[i])) {
          rows.push(items[i]);
          if (rows.length === this.pageSize) {
            let end = null;
            if (i + 1 < items.length) end = { cursor, offset: i + 1 };
            else if (page.next) end = { cursor: page.next, offset: 0 };
            return { rows, end };
          }
        }
      }
      if (!page.next) return { rows, end: null };
      // Rows found so far are shown while the next API page is read.
      this.rows = rows.slice();
      this.emit();
      cursor = page.next;
      offset = 0;
    }
  }

  read(cursor) {
    const key = cursor ?? '';
    if (!this.cache.has(key)) {
      const p = this.fetchPage(cursor);
      this.cache.set(key, p);
      p.catch(() => this.cache.delete(key));
      while (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value);
    }
    return this.cache.get(key);
  }
}
