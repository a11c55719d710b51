import { describe, expect, it } from "vitest";
import { OPERATIONS, openApiDocument } from "./openapi";

type Json = Record<string, unknown>;
const doc = openApiDocument() as unknown as {
  openapi: string;
  paths: Record<string, Record<string, Json>>;
  components?: Json;
  servers?: unknown;
};

const METHODS = ["get", "post", "put", "patch", "delete"] as const;
const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
  METHODS.filter((method) => item[method]).map((method) => ({
    path,
    method,
    operation: item[method] as Json,
  })),
);

/** Follows a local $ref (#/components/schemas/X) if the generator used one. */
function resolve(schema: Json): Json {
  const ref = schema.$ref;
  if (typeof ref !== "string") return schema;
  const name = ref.replace("#/components/schemas/", "");
  return ((doc.components?.schemas as Record<string, Json> | undefined)?.[name] ?? {}) as Json;
}

describe("openApiDocument", () => {
  it("is OpenAPI 3.1", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers).toBeUndefined();
    expect((openApiDocument("https://thidua.example.vn") as unknown as { servers: unknown }).servers).toEqual(
      [{ url: "https://thidua.example.vn" }],
    );
  });

  it("describes the main paths", () => {
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/health",
        "/api/v1/me",
        "/api/v1/blocs",
        "/api/v1/blocs/{blocId}/years",
        "/api/v1/years/{yearId}",
        "/api/v1/agencies",
        "/api/v1/users",
        "/api/v1/audit",
      ]),
    );
    expect(doc.paths["/api/v1/years/{yearId}"]).toHaveProperty("patch");
    expect(doc.paths["/api/v1/years/{yearId}"]).toHaveProperty("get");
    expect(doc.paths["/api/v1/blocs/{blocId}/years"]).toHaveProperty("post");
  });

  it("describes every operation of OPERATIONS, once", () => {
    expect(operations).toHaveLength(OPERATIONS.length);
    for (const op of OPERATIONS)
      expect(doc.paths[op.path]?.[op.method], `${op.method} ${op.path}`).toBeDefined();
  });

  it("declares 401, 403 and 422 on every operation that needs a session, and the session security", () => {
    const secured = operations.filter(({ path }) => !OPERATIONS.find((op) => op.path === path)?.public);
    expect(secured.length).toBeGreaterThan(10);
    for (const { path, method, operation } of secured) {
      const responses = operation.responses as Json;
      for (const status of ["401", "403", "422"])
        expect(responses, `${method} ${path} ${status}`).toHaveProperty(status);
      expect(operation.security, `${method} ${path}`).toEqual([{ session: [] }]);
    }
  });

  it("leaves the public operations open", () => {
    const health = doc.paths["/api/health"]!.get!;
    expect(health.security).toEqual([]);
    expect(health.responses).not.toHaveProperty("401");
  });

  it("gives success statuses: 201 for creation", () => {
    expect(doc.paths["/api/v1/agencies"]!.post!.responses).toHaveProperty("201");
    expect(doc.paths["/api/v1/agencies"]!.get!.responses).toHaveProperty("200");
  });

  it("takes the request body of POST /api/v1/agencies from the zod schema", () => {
    const body = doc.paths["/api/v1/agencies"]!.post!.requestBody as {
      required: boolean;
      content: Record<string, { schema: Json }>;
    };
    expect(body.required).toBe(true);
    const schema = resolve(body.content["application/json"]!.schema);
    expect(schema.type).toBe("object");
    expect([...(schema.required as string[])].sort()).toEqual(["code", "name", "shortName"]);
    expect(schema.additionalProperties).toBe(false);
  });

  it("describes path parameters as UUIDs", () => {
    const params = doc.paths["/api/v1/years/{yearId}"]!.get!.parameters as {
      name: string;
      in: string;
      required: boolean;
      schema: Json;
    }[];
    expect(params).toEqual([
      expect.objectContaining({
        name: "yearId",
        in: "path",
        required: true,
        schema: expect.objectContaining({ format: "uuid" }),
      }),
    ]);
  });

  it("describes the error envelope with the error codes of the API", () => {
    const responses = doc.paths["/api/v1/me"]!.get!.responses as Record<
      string,
      { content: Record<string, { schema: Json }> }
    >;
    const json = JSON.stringify(responses["403"]!.content["application/json"]!.schema);
    for (const code of [
      "UNAUTHENTICATED",
      "FORBIDDEN",
      "NOT_FOUND",
      "CONFLICT",
      "WRONG_PHASE",
      "VALIDATION",
      "RATE_LIMITED",
      "INTERNAL",
    ])
      expect(json).toContain(code);
  });
});
