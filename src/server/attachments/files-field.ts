/** The file input of every form that takes attachments; light, so that pages can name it without the upload code. */
export const FILES_FIELD = "allegati";
