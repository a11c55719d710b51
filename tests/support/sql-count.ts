// Counting the SQL statements a piece of work sends to PostgreSQL: every query of every pooled
// connection of this process goes through pg.Client#query (BEGIN and COMMIT included).
import pg from "pg";

export async function countStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
  let statements = 0;
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    statements += 1;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    const result = await work();
    return { result, statements };
  } finally {
    pg.Client.prototype.query = original;
  }
}
