// A static, client-only app: no server renders pages, and every route is prerendered to a shell.
export const ssr = false;
export const prerender = true;
