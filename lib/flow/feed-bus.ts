// The "UI updated" stage's source: what the handlers' side effects would show a
// StreamSocial user (a post in a timeline, a like, an alert), pushed to every
// open Event flow page. A browser cannot paint 10,000 items a second, nor
// should it: at most PER_SLOT items per 100 ms go out (the rest are counted as
// not shown), and the newest KEEP are kept for a page that connects later.
import type { FeedItem } from "@/lib/model/flow";

const SLOT_MS = 100;
export const PER_SLOT = 4;
const KEEP = 30;

export type FeedListener = (item: FeedItem) => void;

export class FeedBus {
  private readonly listeners = new Set<FeedListener>();
  private readonly recent: FeedItem[] = [];
  private slot = -1;
  private inSlot = 0;
  shown = 0;
  notShown = 0;

  /**
   * Offers an item, built only when it will go out (false: over this slot's
   * share), so the handlers pay nothing for the events no one is shown.
   */
  offer(make: () => FeedItem | null, now: number): boolean {
    const slot = Math.floor(now / SLOT_MS);
    if (slot !== this.slot) {
      this.slot = slot;
      this.inSlot = 0;
    }
    if (this.inSlot >= PER_SLOT) {
      this.notShown++;
      return false;
    }
    const item = make();
    if (!item) return false;
    this.inSlot++;
    this.shown++;
    this.recent.push(item);
    if (this.recent.length > KEEP) this.recent.shift();
    for (const l of this.listeners) {
      try {
        l(item);
      } catch {
        // a broken listener (a closed stream) must not stop the handlers
      }
    }
    return true;
  }

  latest(): readonly FeedItem[] {
    return this.recent;
  }

  subscribe(listener: FeedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}
