// The data folder the shared test server serves at /data/: a fresh copy of data/ for each run, so
// a test can put an article of its own into its raw/ (the server serves data/raw only from the
// live folder, never from the build's copy) without touching the repository's data/.
import { join } from "node:path";
import { ROOT } from "../../scripts/data-files.ts";

export const SERVED_DATA = join(ROOT, "test-output", "data");
