import { z } from "zod";

/**
 * Record ids as they arrive in download URLs. Anything that is not a UUID
 * cannot name a file, so the services answer "not found" rather than
 * "invalid": the URL is all there is, and there is nothing to correct.
 */
export const recordIdSchema = z.uuid();
