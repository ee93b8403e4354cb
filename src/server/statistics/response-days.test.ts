import { describe, expect, it } from "vitest";
import { bucketPercentile, bucketRange, histogramPercentiles, HOUR_BUCKETS, LAST_BUCKET } from "./response-days";

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

  it("read a histogram's median and 90th percentile from its buckets in any order", () => {
    // Ten values: one in bucket 0, eight in bucket 2, one in bucket 50 (4–5 days). Median between the 5th and 6th (bucket 2);
    // p90 at position 8.1, between the 9th (bucket 2) and the 10th (bucket 50).
    const { median, p90 } = histogramPercentiles([50, 2, 0], [1, 8, 1]);
    expect(median).toBe(2.5 * HOUR);
    expect(p90).toBeCloseTo(2.5 * HOUR + 0.1 * (4.5 * DAY - 2.5 * HOUR));
    expect(histogramPercentiles([], [])).toEqual({ median: null, p90: null });
    expect(histogramPercentiles([7], [1])).toEqual({ median: 7.5 * HOUR, p90: 7.5 * HOUR });
  });
});
