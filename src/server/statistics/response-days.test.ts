import { describe, expect, it } from "vitest";
import { bucketPercentile, bucketRange, HOUR_BUCKETS, LAST_BUCKET } from "./response-days";

const HOUR = 3600;
const DAY = 24 * HOUR;

describe("the response-time histograms' buckets", () => {
  it("are an hour each for two days, then a day each, the last open", () => {
    expect(bucketRange(0)).toEqual({ from: 0, to: HOUR });
    expect(bucketRange(HOUR_BUCKETS - 1)).toEqual({ from: 47 * HOUR, to: 2 * DAY });
    expect(bucketRange(HOUR_BUCKETS)).toEqual({ from: 2 * DAY, to: 3 * DAY });
    expect(bucketRange(LAST_BUCKET)).toEqual({ from: 367 * DAY, to: null });
  });

  it("read a percentile as percentile_cont would, each rank standing for its bucket's middle", () => {
    // One value in bucket 3 (3–4 h): its middle.
    expect(bucketPercentile(0.5, 1, 3, 3)).toBe(3.5 * HOUR);
    // Four values, the median halfway between the 2nd (bucket 1) and the 3rd (bucket 5).
    expect(bucketPercentile(0.5, 4, 1, 5)).toBe(3.5 * HOUR);
    // p90 of 11 values: the 10th exactly (position 9).
    expect(bucketPercentile(0.9, 11, HOUR_BUCKETS, HOUR_BUCKETS)).toBe(2.5 * DAY);
    // The open bucket stands for its start.
    expect(bucketPercentile(0.5, 1, LAST_BUCKET, LAST_BUCKET)).toBe(367 * DAY);
    expect(bucketPercentile(0.5, 0, null, null)).toBeNull();
  });
});
