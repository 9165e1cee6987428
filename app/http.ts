// Response headers for document requests: Remix uses a route's `headers` export, not what loader/action returned.

/** Action headers (Retry-After on a 429) win over loader headers (Cache-Control) when an action ran. */
export function forwardHeaders({ loaderHeaders, actionHeaders }: { loaderHeaders: Headers; actionHeaders: Headers }): Headers {
  const headers = new Headers(loaderHeaders);
  actionHeaders.forEach((value, key) => headers.set(key, value));
  return headers;
}
