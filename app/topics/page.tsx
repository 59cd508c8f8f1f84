import type { Metadata } from "next";
import { TopicsClient } from "./page-client";

export const metadata: Metadata = { title: "Topics · StreamSocial Cluster" };

export default function TopicsPage() {
  return <TopicsClient />;
}
