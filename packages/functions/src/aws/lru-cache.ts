/**
 * The least-recently-used map the DynamoDB client's endpoint-discovery cache keeps its endpoints in,
 * standing in for mnemonist's (about 6 KB with its typed-array helpers) in Lambda bundles: the same
 * get/set/has/peek/clear, on a Map, whose insertion order is the recency order.
 */
export default class LRUCache<K, V> {
  private readonly items = new Map<K, V>();
  constructor(private readonly capacity: number) {}
  get(key: K): V | undefined {
    if (!this.items.has(key)) return undefined;
    const value = this.items.get(key)!;
    this.items.delete(key);
    this.items.set(key, value);
    return value;
  }
  peek(key: K): V | undefined {
    return this.items.get(key);
  }
  has(key: K): boolean {
    return this.items.has(key);
  }
  set(key: K, value: V): this {
    this.items.delete(key);
    this.items.set(key, value);
    if (this.items.size > this.capacity) this.items.delete(this.items.keys().next().value!);
    return this;
  }
  clear() {
    this.items.clear();
  }
  get size() {
    return this.items.size;
  }
}
