// How the Docker runtime recognises its containers: by label only, never by a
// name it guessed. A container is ours when it carries this cluster's label;
// which broker it runs comes from the broker-id label.

export const CLUSTER_LABEL = "io.streamsocial.cluster";
export const BROKER_ID_LABEL = "io.streamsocial.broker-id";

export type Labels = Readonly<Record<string, string>> | null | undefined;

/** The broker id of a container of cluster `project`, or undefined when it is not one of ours. */
export function brokerIdOf(labels: Labels, project: string): number | undefined {
  if (!labels || labels[CLUSTER_LABEL] !== project) return undefined;
  const raw = labels[BROKER_ID_LABEL];
  if (raw === undefined || !/^[0-9]{1,9}$/.test(raw)) return undefined;
  return Number(raw);
}

/** The filter that makes Docker list (or stream events of) our containers only. */
export function clusterLabelFilter(project: string): string {
  return `${CLUSTER_LABEL}=${project}`;
}

/** The fields of Docker's container list this module reads. */
export interface ListedContainer {
  Id: string;
  Names?: string[];
  Labels?: Record<string, string> | null;
  State?: string;
  /** Creation time, epoch seconds. */
  Created?: number;
}

const LIVE = new Set(["running", "paused", "restarting"]);

/**
 * One container per broker id of `project`. Two containers may claim the same
 * id (a half-finished re-create, a copy started by hand): the live one wins,
 * then the newest, so actions reach the broker that is actually serving.
 */
export function brokerContainers<T extends ListedContainer>(containers: readonly T[], project: string): Map<number, T> {
  const byId = new Map<number, T>();
  for (const c of containers) {
    const id = brokerIdOf(c.Labels, project);
    if (id === undefined) continue;
    const have = byId.get(id);
    if (!have || rank(c) > rank(have)) byId.set(id, c);
  }
  return byId;
}

function rank(c: ListedContainer): number {
  return (LIVE.has(c.State ?? "") ? 1e12 : 0) + (c.Created ?? 0);
}

/** True when `ref` names this container: its full id, an id prefix of 12+ characters, or its name. */
export function refersTo(c: ListedContainer, ref: string): boolean {
  if (ref.length >= 12 && /^[0-9a-f]+$/.test(ref) && c.Id.startsWith(ref)) return true;
  const name = ref.startsWith("/") ? ref : `/${ref}`;
  return (c.Names ?? []).includes(name);
}
