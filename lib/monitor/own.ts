// Kafka topic names may be "constructor" or "__proto__" (letters, digits, . _ -),
// so records keyed by topic are read through own properties only.
type Keyed<V> = { readonly [key: string]: V } | { readonly [key: number]: V };

export function own<V>(record: Keyed<V> | null | undefined, key: string | number): V | undefined {
  if (record == null || !Object.hasOwn(record, key)) return undefined;
  return (record as { readonly [key: string]: V })[key];
}
