import { NextResponse } from "next/server";
import { databaseIsUp } from "@/lib/health";

// No authentication: for load balancers and monitoring.
export async function GET(): Promise<Response> {
  const up = await databaseIsUp();
  return NextResponse.json(
    { status: up ? "ok" : "error", database: up ? "ok" : "down" },
    { status: up ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
