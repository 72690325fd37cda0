/** Adds `item` to the list kept under `key` in `groups`, starting the list with the first. */
export function groupInto<K, V>(groups: Map<K, V[]>, key: K, item: V): void {
  const list = groups.get(key);
  if (list) list.push(item);
  else groups.set(key, [item]);
}
