import { describe, expect, it } from "vitest";
import { diskOf } from "./log-dirs";

const part = (partitionIndex: number, size: number) => ({ partitionIndex, partitionSize: BigInt(size), offsetLag: 0n, isFutureKey: false });
const dir = (logDir: string, over: Partial<{ errorCode: number; totalBytes: bigint; usableBytes: bigint }> = {}, sizes: number[] = []) => ({
  errorCode: 0,
  logDir,
  topics: [{ name: "t", partitions: sizes.map((s, i) => part(i, s)) }],
  totalBytes: 1000n,
  usableBytes: 400n,
  ...over,
});

describe("diskOf", () => {
  it("sums replica sizes and the filesystems' total and usable bytes over the log dirs", () => {
    const d = diskOf({ errorCode: 0, results: [dir("/a", {}, [10, 20]), dir("/b", { totalBytes: 2000n, usableBytes: 100n }, [5])] }, 7);
    expect(d).toEqual({ at: 7, logDirs: 2, sizeBytes: 35, totalBytes: 3000, usableBytes: 500, estimate: false });
  });

  it("leaves out a log dir that answered with an error and marks the figures an estimate", () => {
    const d = diskOf({ errorCode: 0, results: [dir("/a", {}, [10]), dir("/bad", { errorCode: 56 }, [999])] }, 1);
    expect(d).toMatchObject({ sizeBytes: 10, totalBytes: 1000, usableBytes: 400, estimate: true, error: "/bad: error 56" });
  });

  it("does not know total or usable bytes when a broker reports -1 for any dir, or no dir answered", () => {
    expect(diskOf({ errorCode: 0, results: [dir("/a", { totalBytes: -1n, usableBytes: -1n }, [3]), dir("/b")] }, 1)).toMatchObject({ totalBytes: null, usableBytes: null, sizeBytes: 3 });
    expect(diskOf({ errorCode: 0, results: [dir("/a", { errorCode: 56 })] }, 1)).toMatchObject({ totalBytes: null, usableBytes: null, estimate: true });
  });
});
