import "server-only";
import { createHash } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";

/** Passes bytes through unchanged, counting them and computing their SHA-256 on the way. */
export class DigestingStream extends Transform {
  size = 0;
  private readonly hash = createHash("sha256");

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    this.hash.update(chunk);
    callback(null, chunk);
  }

  /** The hex SHA-256 of all that went through: call it once the stream has ended. */
  sha256(): string {
    return this.hash.digest("hex");
  }
}
