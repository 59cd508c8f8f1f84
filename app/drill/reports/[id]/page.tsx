import type { Metadata } from "next";
import { isReportId } from "@/lib/drill/report-id";
import { ReportPrintClient } from "./page-client";
import "./print.css";

type Props = { params: Promise<{ id: string }> };

// The title is what a browser offers as the PDF's file name: the report's id.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: isReportId(id) ? `${id} · StreamSocial Cluster` : "Report · StreamSocial Cluster" };
}

export default async function ReportPrintPage({ params }: Props) {
  const { id } = await params;
  return <ReportPrintClient id={id} />;
}
