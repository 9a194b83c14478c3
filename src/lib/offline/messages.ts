/** The message the page posts to a waiting service worker to make it take over (see service-worker.ts). */
export const SKIP_WAITING = 'trustwalk:skip-waiting';
