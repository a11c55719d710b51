// Runs once when a server process starts (next start, next dev).
export async function register(): Promise<void> {
  // The first PDF would otherwise wait for a render thread to load its layout engine and fonts.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { warmRenderPool } = await import("@/lib/documents/render-pool");
    void warmRenderPool();
  }
}
