/** The browser's localStorage, held in memory, for the tests of what the site keeps in it. */
export class MemoryStorage {
  readonly map: Map<string, string>;

  constructor(initial: Record<string, string> = {}) {
    this.map = new Map(Object.entries(initial));
  }

  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    this.map.set(key, value);
  }

  removeItem(key: string): void {
    this.map.delete(key);
  }
}
