// Where the scripts find PostgreSQL: DATABASE_URL when set, else the embedded server in ./.data (demo mode).
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded";

export const DATA_DIR = path.resolve(import.meta.dirname, "../../.data");

export interface Database {
  url: string;
  /** True when the embedded server was started for us: demo mode. */
  embedded: boolean;
  stop(): Promise<void>;
}

export async function openDatabase(log: (message: string) => void = () => undefined): Promise<Database> {
  const external = process.env.DATABASE_URL;
  if (external) return { url: external, embedded: false, stop: async () => undefined };
  const port = Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329);
  const db: EmbeddedDatabase = await startEmbeddedPostgres({
    dataDir: path.join(DATA_DIR, "postgres"),
    port,
    persistent: true,
    log,
  });
  return { url: db.url, embedded: true, stop: db.stop };
}

/** Scripts end explicitly: the wasm schema engine leaves a timer pending for ~10 s. */
export function finish(promise: Promise<unknown>): void {
  promise.then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
