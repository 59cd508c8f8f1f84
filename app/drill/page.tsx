import type { Metadata } from "next";
import { DrillClient } from "./page-client";

export const metadata: Metadata = { title: "Drill · StreamSocial Cluster" };

export default function DrillPage() {
  return <DrillClient />;
}
