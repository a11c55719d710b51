import { Prisma } from "./client";

/** The columns of the unique constraint a write violated, or null when it was another error. */
export function uniqueViolation(error: unknown): string[] | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return null;
  const meta = (error.meta ?? {}) as {
    target?: string[] | string;
    driverAdapterError?: { cause?: { constraint?: { fields?: string[]; index?: string } } };
  };
  const constraint = meta.driverAdapterError?.cause?.constraint;
  if (constraint?.fields?.length) return constraint.fields.map((field) => field.replace(/"/g, ""));
  if (Array.isArray(meta.target)) return meta.target;
  if (typeof meta.target === "string") return [meta.target];
  if (constraint?.index) return [constraint.index];
  return [];
}
