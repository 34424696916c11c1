/**
 * An in-memory stand-in for `storage.local`, with the same promise API, for the Node tests.
 * Values are copied through JSON on the way in and out, as the browser's structured clone
 * would. `failWrites` makes the next writes throw the browser's quota error.
 */
export class MemoryArea {
  constructor(initial = {}) {
    this.data = structuredClone(initial);
    this.failWrites = 0;
  }

  async get(keys) {
    if (keys === null || keys === undefined) return structuredClone(this.data);
    const list = typeof keys === 'string' ? [keys] : keys;
    return Object.fromEntries(list.filter((key) => key in this.data)
      .map((key) => [key, structuredClone(this.data[key])]));
  }

  async set(items) {
    if (this.failWrites > 0) {
      this.failWrites--;
      throw new Error('QUOTA_BYTES quota exceeded');
    }
    Object.assign(this.data, structuredClone(items));
  }

  async remove(keys) {
    for (const key of typeof keys === 'string' ? [keys] : keys) delete this.data[key];
  }

  async clear() {
    this.data = {};
  }
}
