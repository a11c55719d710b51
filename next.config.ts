import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// Headers that do not depend on the request. The Content-Security-Policy carries a per-request nonce
// and is set in proxy.ts; HSTS is added there too when the app is served over https.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Compression belongs to the reverse proxy in front (README, production notes): done here it costs
  // the single Node.js process CPU on every response.
  compress: false,
  typedRoutes: false,
  experimental: {
    // forbidden() renders app/forbidden.tsx with status 403.
    authInterrupts: true,
    // proxy.ts sees every request; bodies beyond this are cut before a route reads them: evidence
    // files may be up to EVIDENCE_MAX_MB (read again when `next start` loads this file).
    proxyClientMaxBodySize: `${(Number(process.env.EVIDENCE_MAX_MB) || 20) + 1}mb`,
  },
  // Loaded in Node from node_modules, not bundled: @react-pdf/renderer (its own font and layout
  // engines), exceljs (CommonJS with optional dependencies), piscina (it starts worker threads from
  // its own files on disk) and the PDF signing libraries.
  serverExternalPackages: [
    "@react-pdf/renderer",
    "exceljs",
    "piscina",
    "@signpdf/signpdf",
    "@signpdf/placeholder-plain",
    "@signpdf/utils",
    "node-forge",
    "pkijs",
  ],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default withNextIntl(nextConfig);
