import { z } from "zod";

// Environment of the running app, validated once on first use (not at import: `next build` runs
// without a database or secrets). Every variable is documented in README.md and .env.example.
const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
    NEXTAUTH_SECRET: z
      .string()
      .min(32, "NEXTAUTH_SECRET must be at least 32 characters (openssl rand -base64 32)"),
    NEXTAUTH_URL: z.url().default("http://localhost:3000"),
    /** Key of the HMAC seals on signatures; kept outside the database (rotating it makes old seals unverifiable). */
    SIGNATURE_SEAL_KEY: z
      .string()
      .min(32, "SIGNATURE_SEAL_KEY must be at least 32 characters (openssl rand -base64 32)"),
    /**
     * PKCS#12 file (.p12/.pfx) of the organisation's document certificate: every issued PDF is signed
     * with it (PAdES). Generated into ./.data in demo mode; `npm start` requires it otherwise (issuing a
     * document without it fails).
     */
    DOCUMENT_SIGNING_P12: z.string().min(1).optional(),
    DOCUMENT_SIGNING_P12_PASSWORD: z.string().default(""),
    /** Worker threads that render PDFs (default: one less than the cores, at most 2). */
    DOCUMENT_RENDER_THREADS: z.coerce.number().int().min(1).max(16).optional(),
    /** Time limit of one PDF render, queueing included, in milliseconds. */
    DOCUMENT_RENDER_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(45_000),
    /** smtp(s)://user:password@host:port — unset: no e-mail is sent (in-app notifications only). */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "SMTP_URL must be an smtp:// or smtps:// URL")
      .optional(),
    MAIL_FROM: z.string().default("Khối thi đua <no-reply@khoithidua.local>"),
    /** Folder of evidence files (minh chứng); the database keeps their SHA-256 and metadata. */
    EVIDENCE_DIR: z.string().default(".data/evidence"),
    /** Largest evidence file accepted, in MiB. */
    EVIDENCE_MAX_MB: z.coerce.number().int().min(1).max(200).default(20),
    /** "1" when the embedded database was started for us (demo accounts are shown on the sign-in page). */
    DEMO_MODE: z.enum(["0", "1"]).default("0"),
    /** Number of reverse proxies in front of the app whose X-Forwarded-For entries are trusted. */
    TRUSTED_PROXY_COUNT: z.coerce.number().int().min(0).max(5).default(0),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && env.DEMO_MODE === "0" && !env.NEXTAUTH_URL.startsWith("https://")) {
      ctx.addIssue({
        code: "custom",
        path: ["NEXTAUTH_URL"],
        message: "NEXTAUTH_URL must be an https:// URL in production (secure cookies and HSTS depend on it)",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `- ${issue.path.join(".")}: ${issue.message}`)
      .join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  cached = parsed.data;
  return cached;
}

/** The app is served over https: cookies are Secure and HSTS is sent. */
export function servedOverHttps(): boolean {
  return getEnv().NEXTAUTH_URL.startsWith("https://");
}
