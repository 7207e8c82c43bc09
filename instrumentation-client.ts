import { z } from "zod";

// Runs in the browser before the app hydrates. zod 4 compiles fast parsers with
// `new Function`, and first probes whether it may; under our CSP (no
// 'unsafe-eval') that probe is refused and reported as a violation on every
// page. Forms here validate a few fields, so the interpreted path costs nothing.
z.config({ jitless: true });
