// The parse worker's client, made on mount and disposed on unmount.
import { useEffect, useState } from "react";
import { createParseClient, type ParseClient } from "../data/parseClient.ts";

export function useParseClient(): ParseClient | null {
  const [client, setClient] = useState<ParseClient | null>(null);
  useEffect(() => {
    const created = createParseClient();
    setClient(created);
    return () => created.dispose();
  }, []);
  return client;
}
