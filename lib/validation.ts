import { z } from "zod";
import { invalid, notFound, type FieldIssue, type MessageParams } from "@/lib/errors";

// Validation messages are catalog keys under "validation." (translated at the edge, Vietnamese for the
// API). A schema may name its own key; zod's built-in issues are mapped to ours here.

function paramsOf(issue: z.core.$ZodIssue): MessageParams {
  const params: MessageParams = {};
  if ("minimum" in issue && issue.minimum !== undefined) params.min = Number(issue.minimum);
  if ("maximum" in issue && issue.maximum !== undefined) params.max = Number(issue.maximum);
  if (issue.code === "unrecognized_keys") params.keys = issue.keys.join(", ");
  // A custom issue of our own schemas carries its message's params (e.g. the limit and the count).
  if (issue.code === "custom" && issue.params) {
    for (const [name, value] of Object.entries(issue.params))
      if (typeof value === "number" || typeof value === "string") params[name] = value;
  }
  return params;
}

function keyFor(issue: z.core.$ZodIssue): string {
  if (issue.message.startsWith("validation.")) return issue.message;
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined || issue.input === null
        ? "validation.required"
        : "validation.invalidType";
    case "too_small":
      if (issue.origin === "string")
        return Number(issue.minimum) <= 1 ? "validation.required" : "validation.tooShort";
      if (issue.origin === "array" || issue.origin === "set") return "validation.tooFewItems";
      return "validation.tooSmall";
    case "too_big":
      if (issue.origin === "string") return "validation.tooLong";
      if (issue.origin === "array" || issue.origin === "set") return "validation.tooManyItems";
      return "validation.tooBig";
    case "invalid_format":
      return issue.format === "email" ? "validation.invalidEmail" : "validation.invalidFormat";
    case "invalid_value":
    case "invalid_union":
      return "validation.invalidOption";
    case "unrecognized_keys":
      return "validation.unknownFields";
    default:
      return "validation.invalid";
  }
}

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.join("."),
    message: keyFor(issue),
    params: paramsOf(issue),
  }));
}

/** Parses or throws VALIDATION with one issue per field; nothing is written when this throws. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  throw invalid(toFieldIssues(result.error));
}

/** Trimmed text that must be present. */
export const requiredText = (max: number) =>
  z.string().trim().min(1, "validation.required").max(max, "validation.tooLong");

/** Trimmed optional text: "" and null become null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .nullish()
    .transform((value) => (value ? value : null));

export const uuid = z.uuid("validation.invalidId");

/** A real calendar day: Date.parse alone accepts 2022-02-30 (as 2 March). */
function isCalendarDay(value: string): boolean {
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/** An ISO day (yyyy-MM-dd) that exists in the calendar. */
export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "validation.date", abort: true })
  .refine(isCalendarDay, "validation.date");

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id from a URL or a body: a malformed one is simply not found (never a database error). */
export function idOrNotFound(id: string, messageKey = "errors.notFound"): string {
  if (!UUID_PATTERN.test(id)) throw notFound(messageKey);
  return id.toLowerCase();
}
