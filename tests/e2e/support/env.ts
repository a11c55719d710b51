// Fixed ports of the end-to-end tier: the app under test and its embedded PostgreSQL.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DB_PORT = Number(process.env.E2E_DB_PORT ?? 54339);
export const E2E_DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${E2E_DB_PORT}/khoithidua`;
export const E2E_SECRET = "end-to-end-tests-secret-0123456789abcdef";
export const E2E_SEAL_KEY = "end-to-end-tests-seal-key-0123456789abcdef";
