import { vi, type MessageKey } from "./vi";
// TEMPORARY placeholder until the English catalogue lands.
export const en: Record<MessageKey, string> = { ...vi };
