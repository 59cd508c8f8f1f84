// One instance per server process, kept on globalThis: Next's module reloading
// (dev) and its separate route bundles each evaluate our modules anew, and would
// otherwise build (and poll with) several monitors or services.

type Holder = Record<symbol, Promise<unknown> | undefined>;

/** The instance registered under `name`, created by `create` on first use. */
export function processSingleton<T>(name: string, create: () => Promise<T>): Promise<T> {
  const holder = globalThis as unknown as Holder;
  const key = Symbol.for(`streamsocial.${name}`);
  holder[key] ??= create();
  return holder[key] as Promise<T>;
}
