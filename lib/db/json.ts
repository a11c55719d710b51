import type { z } from "zod";
import type { Prisma } from "./client";

// JSON columns, typed: each column has one zod schema (in its feature, e.g. lib/votes/columns.ts) and
// reads and writes through it, so no code casts a column's JSON to the type it hopes it holds.

export interface JsonColumn<T> {
  /** The column's value as its type; a value that does not match the schema is a bug (throws). */
  read(value: Prisma.JsonValue): T;
  /** The value to store, checked against the schema first. */
  write(value: T): Prisma.InputJsonValue;
}

/**
 * The reader and writer of a JSON column holding `schema`'s type. What a schema accepts is plain JSON
 * (objects, arrays, strings, numbers, booleans, null), so what it outputs is storable as it is.
 */
export function jsonColumn<S extends z.ZodType>(schema: S): JsonColumn<z.output<S>> {
  return {
    read: (value) => schema.parse(value),
    write: (value) => schema.parse(value) as Prisma.InputJsonValue,
  };
}
