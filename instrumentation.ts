// Runs once when a server process starts (next start, next dev).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // The first PDF would otherwise wait for a render thread to load its layout engine and fonts.
  const { warmRenderPool } = await import("@/lib/documents/render-pool");
  void warmRenderPool();
  // A certificate that cannot be read, or has expired, is said now rather than at the first document.
  const { reportSigningCertificate } = await import("@/lib/documents/signing/certificate");
  reportSigningCertificate();
}
