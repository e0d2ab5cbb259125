// The write routes of `npm start`, one line per feature. Each route module validates its own
// body and owns its files under data/; the guard, body limit and JSON answers are api.ts's.
import type { WriteRoute } from "./api.ts";
import { articleRoutes } from "./articles.ts";
import { reviewsRoute } from "./reviews.ts";

export function writeRoutes(dataDir: string): WriteRoute[] {
  return [...articleRoutes(dataDir), reviewsRoute(dataDir)];
}
