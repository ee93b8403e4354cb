/**
 * The office forms' limits, apart from the schemas (which import zod and the
 * state machine) so that the quesito page's client forms can show them.
 */
export const COMMENT_MAX_LENGTH = 2000;
export const BODY_MAX_LENGTH = 4000;
export const INTEGRATION_DEFAULT_WORKING_DAYS = 15;
export const INTEGRATION_MAX_WORKING_DAYS = 90;
