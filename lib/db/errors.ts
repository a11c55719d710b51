import { Prisma } from "./client";

/**
 * The columns of the unique constraint a write violated, or null when it was another error. Through
 * the pg driver adapter Prisma reports the index name ("Agency_code_key", Prisma's naming:
 * <Model>_<field>[_<field>...]_key), sometimes the fields themselves.
 */
export function uniqueViolation(error: unknown): string[] | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return null;
  const meta = (error.meta ?? {}) as {
    target?: string[] | string;
    driverAdapterError?: { cause?: { constraint?: { fields?: string[]; index?: string }; table?: string } };
  };
  const cause = meta.driverAdapterError?.cause;
  if (cause?.constraint?.fields?.length)
    return cause.constraint.fields.map((field) => field.replace(/"/g, ""));
  if (Array.isArray(meta.target)) return meta.target;
  const index = cause?.constraint?.index ?? (typeof meta.target === "string" ? meta.target : undefined);
  const match = index?.match(/^[A-Za-z0-9]+_(.+)_key$/);
  return match ? match[1]!.split("_") : [];
}
