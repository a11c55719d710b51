import { NextResponse } from "next/server";
import { openApiDocument } from "./openapi";

// Public: describes the API, exposes no data.
export async function GET(): Promise<Response> {
  return NextResponse.json(openApiDocument());
}
