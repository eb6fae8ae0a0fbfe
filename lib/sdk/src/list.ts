import type { ResponseMeta } from './types.js';

export interface List<T> {
  object: 'list';
  data: T[];
  hasMore: boolean;
  lastResponse?: ResponseMeta;
}

/**
 * What a `list()` returns: await it for one page, or iterate it with `for await` for every item
 * of every page, fetched a page at a time (newest first).
 */
export class ListPromise<T extends { id: string }> implements PromiseLike<List<T>>, AsyncIterable<T> {
  private first: Promise<List<T>> | undefined;

  constructor(private readonly fetchPage: (startingAfter: string | undefined) => Promise<List<T>>, private readonly startingAfter?: string) {}

  private page(): Promise<List<T>> {
    return (this.first ??= this.fetchPage(this.startingAfter));
  }

  then<A = List<T>, B = never>(onFulfilled?: ((value: List<T>) => A | PromiseLike<A>) | null, onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<A | B> {
    return this.page().then(onFulfilled, onRejected);
  }

  catch<B = never>(onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<List<T> | B> {
    return this.page().catch(onRejected);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    let page = await this.page();
    for (;;) {
      yield* page.data;
      const last = page.data.at(-1);
      if (!page.hasMore || !last) return;
      page = await this.fetchPage(last.id);
    }
  }

  /** Every item of every page, as one array (mind the size of what you list). */
  async toArray(): Promise<T[]> {
    const items: T[] = [];
    for await (const item of this) items.push(item);
    return items;
  }
}
