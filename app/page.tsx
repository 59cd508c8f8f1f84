import { OverviewClient } from "./page-client";

export default function OverviewPage() {
  return <OverviewClient />;
}
