import { describe, expect, it } from "vitest";
import { decodeDrillRecord, encodeDrillRecord, type DrillRecord } from "./record";

const rec: DrillRecord = { producerId: "drill-abc-0", seq: 12345, key: "user-42", sentAt: 1_700_000_000_123 };

describe("drill record", () => {
  it("round-trips, from a string or bytes", () => {
    const s = encodeDrillRecord(rec);
    expect(s).toBe("ssd1|drill-abc-0|12345|user-42|1700000000123|");
    expect(decodeDrillRecord(s)).toEqual({ ok: true, value: rec });
    expect(decodeDrillRecord(new TextEncoder().encode(s))).toEqual({ ok: true, value: rec });
  });

  it("pads to the record size and still decodes", () => {
    for (const size of [64, 200, 10_000]) {
      const s = encodeDrillRecord(rec, size);
      expect(s.length).toBe(size);
      expect(decodeDrillRecord(s)).toEqual({ ok: true, value: rec });
    }
    // Never truncates a record bigger than the requested size.
    expect(encodeDrillRecord(rec, 10)).toBe(encodeDrillRecord(rec));
  });

  it("handles seq 0 and the largest safe seq", () => {
    for (const seq of [0, Number.MAX_SAFE_INTEGER]) {
      expect(decodeDrillRecord(encodeDrillRecord({ ...rec, seq }))).toEqual({ ok: true, value: { ...rec, seq } });
    }
  });

  it("refuses to encode what it could not decode", () => {
    expect(() => encodeDrillRecord({ ...rec, key: "a|b" })).toThrow(/key/);
    expect(() => encodeDrillRecord({ ...rec, producerId: "" })).toThrow(/producerId/);
    expect(() => encodeDrillRecord({ ...rec, seq: -1 })).toThrow(/seq/);
    expect(() => encodeDrillRecord({ ...rec, seq: 1.5 })).toThrow(/seq/);
    expect(() => encodeDrillRecord({ ...rec, sentAt: Number.NaN })).toThrow(/sentAt/);
  });

  it.each([
    [null, /empty/],
    ["", /empty/],
    ['{"producerId":"x"}', /not a drill record/],
    ["ssd2|p|1|k|1|", /not a drill record/],
    ["ssd1|p|1|k", /has 4 fields, expected 6/],
    ["ssd1|p|1|k|1|..|x", /more than 6 fields/],
    ["ssd1|p|-1|k|1|", /seq "-1" is not a whole number/],
    ["ssd1|p|01|k|1|", /seq "01"/],
    ["ssd1|p|1.5|k|1|", /seq "1.5"/],
    ["ssd1|p|99999999999999999|k|1|", /seq/],
    ["ssd1||1|k|1|", /producerId "" is not valid/],
    ["ssd1|p|1|a b|1|", /key "a b" is not valid/],
    ["ssd1|p|1|k|yesterday|", /sentAt "yesterday" is not epoch ms/],
  ])("refuses %j clearly", (value, reason) => {
    const r = decodeDrillRecord(value);
    expect(r.ok).toBe(false);
    expect(r.ok === false && r.error).toMatch(reason);
  });

  it("refuses random bytes", () => {
    const r = decodeDrillRecord(new Uint8Array([0xff, 0x00, 0x7c, 0x13]));
    expect(r.ok).toBe(false);
  });
});
