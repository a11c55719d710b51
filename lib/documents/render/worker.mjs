// Entry of a PDF render worker thread (piscina, lib/documents/render-pool.ts). The templates are
// TypeScript/TSX: tsx compiles them in this thread, so the same sources serve `next start`, `next dev`,
// the tests and the scripts. The thread runs without the react-server condition, as react-pdf needs.
import { register } from "tsx/esm/api";

register();
const { default: renderTask, warm } = await import("./render.tsx");

export default renderTask;
export { warm };
