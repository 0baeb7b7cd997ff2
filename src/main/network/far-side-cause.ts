/**
 * SSH servers and proxies resolve and connect on their side and report failures as text
 * (OpenSSH: "Name or service not known"); this reads the cause back so messages can say it plainly.
 */

/** Causes in the words the SSH step uses. */
export const FAR_SIDE_WORDS = { ENOTFOUND: 'the name does not resolve there', ECONNREFUSED: 'the connection is refused there', ETIMEDOUT: 'no answer from there', EHOSTUNREACH: 'unreachable from there' } as const;

/** The errno-like cause of a failure on the far side of a tunnel or proxy, from the text it gave. */
export function farSideCause(text: string): keyof typeof FAR_SIDE_WORDS | null {
  if (/not known|no address|could not resolve|name resolution|ENOTFOUND|getaddrinfo|host not found|Unknown host/i.test(text)) return 'ENOTFOUND';
  if (/refused/i.test(text)) return 'ECONNREFUSED';
  if (/timed? ?out/i.test(text)) return 'ETIMEDOUT';
  if (/unreachable/i.test(text)) return 'EHOSTUNREACH';
  return null;
}
