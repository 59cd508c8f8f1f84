import type { Metadata } from "next";
import { FlowClient } from "./page-client";

export const metadata: Metadata = { title: "Event flow · StreamSocial Cluster" };

export default function FlowPage() {
  return <FlowClient />;
}
