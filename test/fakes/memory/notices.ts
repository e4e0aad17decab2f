import type { Notice, NoticeQueue } from '@pc/core/usecases';

/** The notice queue as use cases see it, keeping what was queued in order; a repeated id is refused, as the send queue does. */
export class RecordingNoticeQueue implements NoticeQueue {
  readonly queued: Notice[] = [];

  queue(notice: Notice): Promise<boolean> {
    if (this.queued.some((q) => q.id === notice.id)) return Promise.resolve(false);
    this.queued.push(notice);
    return Promise.resolve(true);
  }

  tabLink(route: string): string {
    return `https://app.example.test/tab/#${route}`;
  }
}
