// `npm run extract -- --in DIR --out FILE [--regions FILE] [--jobs N]`: the command line. Parses
// arguments, wires the process (streams, signals, exit status) to the flows in extract/node/run.ts.
import { availableParallelism, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { spawnSync } from "node:child_process";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { readManifest, staleInput } from "./node/freshness.ts";
import { ConfigError } from "./node/config.ts";
import { streamSink } from "./node/output.ts";
import { GUESSED_LISTED } from "./node/report.ts";
import { defaultJobs, EXIT, runFolder, runStream, type RunEnvironment } from "./node/run.ts";

const HELP = `Extracts dated economic facts from Chinese news articles into a CSV (see data/CONTRACT.md).

usage: npm run extract -- [--in DIR] [--out FILE] [--regions FILE] [--reviews FILE] [--jobs N]
                          [--verbose]
       npm run extract -- --in - [--no-header] < documents.jsonl > facts.csv

  --in DIR        folder of .txt/.md documents (UTF-8 or GB18030/GBK) and saved web pages
                  (.html/.htm: their article text is read, and kept in article-text/), with an
                  optional sources.csv (file,published,…)                default: data/raw
                  "-" reads JSON Lines {"id","text","published"} from standard input and
                  writes CSV to standard output (a map step for Hadoop Streaming, Spark
                  RDD.pipe, GNU parallel); rows keep the input order
  --out FILE      the CSV to write, replaced atomically            default: data/indicators.csv
                  (with --in -: standard output unless given)
  --regions FILE  the region table (key,name,aliases,adcode,parent,members)
                                                                 default: data/regions.csv
  --reviews FILE  a person's decisions (reviewed_at,action,fact_id,source,start,end,text,…),
                  applied on every run: corrected, rejected, added, confirmed or stale
                  default: data/reviews.csv when --in is left at data/raw (if it exists)
  --jobs N        worker threads extracting in parallel; the output is the same for any N
                  default: one per free core (${availableParallelism()} cores, fewer when the load
                  average says some are busy), fewer for a small corpus
                  (a thread costs its start and its own warm-up: one per 4 MiB of input
                  at most; with --in -, threads start once 4 MiB have come in)
  -v, --verbose   list every document whose publication date was guessed (the report
                  shows how many, and the first ${GUESSED_LISTED})
  --no-header     with --in -: rows only, no header line, so the outputs of many map tasks
                  concatenate into one CSV (add the header once: --in - < /dev/null)
  -h, --help      this text

A report goes to standard error: documents read, facts written, dates guessed, documents skipped,
reviews applied, stale and applied to nothing (each named; the file is never changed).
Documents over 256 MiB are skipped. Exit status: 0 done, 1 nothing could be read (output left
as it was), 2 bad arguments or configuration, 3 an unexpected failure (output left as it was
in both cases).
`;

interface CliOptions {
  inDir: string;
  outFile: string | undefined;
  regionsFile: string;
  /** The reviews file, and whether it was asked for by name (then it must exist). */
  reviews: { file: string; mustExist: boolean } | undefined;
  jobs: number;
  jobsAreDefault: boolean;
  header: boolean;
  verbose: boolean;
  help: boolean;
}

function parseCli(argv: string[]): CliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        in: { type: "string" },
        out: { type: "string" },
        regions: { type: "string" },
        reviews: { type: "string" },
        jobs: { type: "string" },
        "no-header": { type: "boolean" },
        verbose: { type: "boolean", short: "v" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new ConfigError([
      `${error instanceof Error ? error.message : String(error)} (see --help)`,
    ]);
  }
  const jobsText = values.jobs ?? String(defaultJobs(availableParallelism(), loadavg()[0] ?? 0));
  const jobs = Number(jobsText);
  if (!/^\d+$/.test(jobsText) || !Number.isSafeInteger(jobs) || jobs < 1) {
    throw new ConfigError([`--jobs must be a whole number of at least 1, not "${jobsText}"`]);
  }
  for (const name of ["in", "out", "regions", "reviews"] as const) {
    if (values[name] === "") throw new ConfigError([`--${name} needs a value`]);
  }
  if (values["no-header"] && values.in !== "-") {
    throw new ConfigError(["--no-header applies to --in - only (a folder run writes a whole CSV)"]);
  }
  return {
    inDir: values.in ?? "data/raw",
    outFile: values.out,
    regionsFile: values.regions ?? "data/regions.csv",
    reviews:
      values.reviews !== undefined
        ? { file: values.reviews, mustExist: true }
        : values.in === undefined
          ? { file: "data/reviews.csv", mustExist: false }
          : undefined,
    jobs,
    jobsAreDefault: values.jobs === undefined,
    header: !values["no-header"],
    verbose: values.verbose ?? false,
    help: values.help ?? false,
  };
}

const INTERRUPTS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
const SIGNAL_NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;

const environment: RunEnvironment = {
  stderr: process.stderr,
  now: () => performance.now(),
  onInterrupt(cleanup) {
    const handlers = INTERRUPTS.map((signal) => {
      const handler = () => {
        cleanup();
        process.stderr.write(`\nextract: interrupted by ${signal}; output left as it was\n`);
        process.exit(128 + SIGNAL_NUMBERS[signal]);
      };
      process.on(signal, handler);
      return () => process.off(signal, handler);
    });
    return () => handlers.forEach((off) => off());
  },
};

async function main(argv: string[]): Promise<number> {
  const options = parseCli(argv);
  if (options.help) {
    process.stdout.write(HELP);
    return EXIT.ok;
  }
  if (options.inDir === "-" && options.reviews) {
    throw new ConfigError(["--reviews applies to a folder run (--in DIR), not to --in -"]);
  }
  if (options.inDir === "-") {
    // A reader that stops early (`| head`) is not an error for a filter.
    process.stdout.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(EXIT.ok);
      throw error;
    });
    return runStream(
      {
        input: process.stdin,
        output: options.outFile
          ? { file: options.outFile }
          : { sink: streamSink(process.stdout), name: "standard output" },
        regionsFile: options.regionsFile,
        jobs: options.jobs,
        header: options.header,
        jobsAreDefault: options.jobsAreDefault,
        verbose: options.verbose,
      },
      environment,
    );
  }
  return runFolder(
    {
      inDir: options.inDir,
      outFile: options.outFile ?? "data/indicators.csv",
      regionsFile: options.regionsFile,
      jobs: options.jobs,
      jobsAreDefault: options.jobsAreDefault,
      verbose: options.verbose,
      ...(options.reviews ? { reviews: options.reviews } : {}),
    },
    environment,
  );
}

/** When this is the built command and a file it was built from has changed since (a cue word
 * edited in extract/lexicon), rebuild and run the new build instead: the exit status of that run,
 * or undefined to go on here. */
const REBUILT_ENV = "JM_EXTRACT_REBUILT";

function rerunIfStale(): number | undefined {
  const here = fileURLToPath(import.meta.url);
  const dist = dirname(here);
  // A run started by a rebuild does not check again: were the check to find the new build stale
  // too (a file it cannot see as rebuilt), each run would rebuild and start the next, forever.
  if (basename(dist) !== "dist" || process.env[REBUILT_ENV]) return undefined;
  const root = join(dist, "..", "..");
  const manifest = readManifest(dist);
  const changed = manifest && staleInput(root, manifest);
  if (!changed) return undefined;
  process.stderr.write(`extract: ${changed} changed since the command was built; rebuilding\n`);
  const build = spawnSync(process.execPath, [join(root, "scripts", "build-cli.mjs"), "--quiet"], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (build.status !== 0) return EXIT.config;
  const again = spawnSync(process.execPath, [here, ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, [REBUILT_ENV]: "1" },
  });
  return again.status ?? EXIT.failed;
}

const rerun = rerunIfStale();
if (rerun !== undefined) process.exitCode = rerun;
else
  main(process.argv.slice(2)).then(
    (status) => {
      process.exitCode = status;
    },
    (error: unknown) => {
      if (error instanceof ConfigError) {
        for (const message of error.messages) process.stderr.write(`extract: ${message}\n`);
        process.exitCode = EXIT.config;
      } else {
        process.stderr.write(
          `extract: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
        );
        process.exitCode = EXIT.failed;
      }
    },
  );
