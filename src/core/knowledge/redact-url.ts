// A schedule URL as it may be shown (reload replies, the audit log, start-up output, logs): a private schedule's URL
// can carry a password (https://user:pass@host/...) or a key in its query (?token=...). The host and path stay, so
// the admin can still tell which URL failed.

export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.replace(/\/\/[^/@\s]*@/, "//***@").replace(/([?&][^=&#]*)=[^&#]*/g, "$1=***");
  }
  const credentials = parsed.username || parsed.password ? "***@" : "";
  const query = [...parsed.searchParams.keys()].map((key) => `${encodeURIComponent(key)}=***`).join("&");
  return `${parsed.protocol}//${credentials}${parsed.host}${parsed.pathname}${query ? `?${query}` : ""}`;
}
