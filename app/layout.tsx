import type { Metadata, Viewport } from "next";
import { SchoolTimeZoneProvider } from "@/components/ui/school-time-zone";
import { SiteHeader } from "@/components/ui/site-header";
import { getSchoolTimeZone } from "@/lib/env";
import { inter } from "./fonts";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Marginalia", template: "%s · Marginalia" },
  description: "Read assigned sources together: highlight, discuss, and flag the errors.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={inter.variable}>
      <body>
        <SchoolTimeZoneProvider timeZone={getSchoolTimeZone()}>
          <a className="skip-link" href="#main">
            Skip to content
          </a>
          <SiteHeader />
          <main id="main" tabIndex={-1}>
            {children}
          </main>
        </SchoolTimeZoneProvider>
      </body>
    </html>
  );
}
