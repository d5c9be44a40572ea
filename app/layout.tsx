import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { ThemeToggle } from "@/components/reader/theme-toggle";
import { readSetting } from "@/lib/env";
import { APPLY_SAVED_THEME_SCRIPT } from "@/lib/theme/apply-saved-theme.mjs";
import { PATHS } from "@/lib/urls/url-grammar";
import "./globals.css";

export const metadata: Metadata = {
  // Link previews need absolute image URLs: the public address when configured, else this server.
  metadataBase: new URL(readSetting("DUIZHAO_PUBLIC_URL") ?? `http://localhost:${readSetting("PORT")}`),
  title: { default: "Duizhao 对照", template: "%s · Duizhao 对照" },
  description: "Read Chinese policy essays side by side, with their notes, sources and shared concepts connected.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fbfaf7" },
    { media: "(prefers-color-scheme: dark)", color: "#16171a" },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-Hans" suppressHydrationWarning>
      <head>
        {/* Applies the saved or preferred theme before first paint; allowed by its hash in the CSP. */}
        <script dangerouslySetInnerHTML={{ __html: APPLY_SAVED_THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-paper focus:p-2 dark:focus:bg-night">
          Skip to content
        </a>
        <header className="border-b border-rule dark:border-night-rule print:hidden">
          <nav aria-label="Site" className="mx-auto flex max-w-6xl items-center gap-6 px-4 py-3 text-sm">
            <Link href={PATHS.home} className="font-serif text-lg font-semibold tracking-wide no-underline">
              对照 <span className="font-sans text-sm font-normal text-muted dark:text-night-muted">Duizhao</span>
            </Link>
            <ul className="flex flex-1 flex-wrap items-center gap-x-5 gap-y-1">
              <li>
                <Link href={PATHS.concepts} className="hover:text-accent dark:hover:text-night-accent">
                  概念 <span lang="en" className="hidden sm:inline">Concepts</span>
                </Link>
              </li>
              <li>
                <Link href={PATHS.bibliography} className="hover:text-accent dark:hover:text-night-accent">
                  文献 <span lang="en" className="hidden sm:inline">Sources</span>
                </Link>
              </li>
              <li>
                <Link href={PATHS.search} className="hover:text-accent dark:hover:text-night-accent">
                  检索 <span lang="en" className="hidden sm:inline">Search</span>
                </Link>
              </li>
            </ul>
            <ThemeToggle />
          </nav>
        </header>
        <main id="main">
          {children}
        </main>
      </body>
    </html>
  );
}
