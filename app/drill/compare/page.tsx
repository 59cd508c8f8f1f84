import type { Metadata } from "next";
import { CompareClient } from "./page-client";

export const metadata: Metadata = { title: "Compare reports · StreamSocial Cluster" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? null) : (v ?? null));

export default async function ComparePage({ searchParams }: Props) {
  const q = await searchParams;
  return <CompareClient a={first(q.a)} b={first(q.b)} />;
}
