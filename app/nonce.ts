import { createContext, useContext } from "react";

/**
 * A marker for the inline scripts Remix renders, provided by entry.server: it hashes the marked scripts into the CSP and
 * removes the marker, so no nonce reaches the browser and a page is the same for every visitor (docs/decisions/015).
 */
export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
