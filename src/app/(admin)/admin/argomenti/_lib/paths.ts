/** Addresses of the subject-tree pages. */

export const treePath = (gestione: string) => `/admin/argomenti/${encodeURIComponent(gestione)}`;
export const subjectPath = (gestione: string, subjectId: string) => `${treePath(gestione)}/${encodeURIComponent(subjectId)}`;
export const importPath = (gestione: string) => `${treePath(gestione)}/importazione`;
export const importPreviewPath = (gestione: string, importId: string) => `${importPath(gestione)}/${encodeURIComponent(importId)}`;
export const importUploadPath = (gestione: string) => `/api/admin/argomenti/${encodeURIComponent(gestione)}/importazione`;
export const exportPath = (gestione: string, format: "json" | "csv") => `${treePath(gestione)}/esportazione?formato=${format}`;
