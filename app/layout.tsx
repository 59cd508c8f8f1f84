import type { Metadata } from "next";
import { LoginGate } from "@/components/auth/login-gate";
import { TopNav } from "@/components/nav/top-nav";
import "./globals.css";

export const metadata: Metadata = {
  title: "StreamSocial Cluster",
  description: "Live health and failover drills for a 3-broker Kafka KRaft cluster",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <TopNav />
        {children}
        <LoginGate />
      </body>
    </html>
  );
}
