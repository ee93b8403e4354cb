/**
 * A stand-in for a portal process that gets killed: submits requests, each
 * with three 1 MB PDFs, through the same steps as the "Invia" route —
 * receiveUpload (staging), createRequest (files stored, then the
 * transaction), discard — from several lanes at once, until it is killed.
 * Prints "sent" after each committed request. Run with
 * `node --import tsx --conditions=react-server <this file> '<json>'`
 * (tests/integration/maintenance/kill-mid-upload.test.ts).
 */
import { randomUUID } from "node:crypto";
import { receiveUpload } from "@/server/attachments/receive-upload";
import type { ContributorActor } from "@/server/identity/actor";
import { createRequest } from "@/server/requests/create-request";

type Orders = { actor: ContributorActor; positionId: string; subjectId: string; lanes: number };
const orders = JSON.parse(process.argv[2] ?? "{}") as Orders;

const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n", "latin1");
const content = Buffer.concat([PDF, Buffer.alloc(1024 * 1024, 0x20)]);

function submission(): Request {
  const body = new FormData();
  body.append("positionId", orders.positionId);
  body.append("subjectId", orders.subjectId);
  body.append("text", "Trasmetto i documenti richiesti per la verifica della posizione.");
  body.append("email", "titolare@example.it");
  body.append("consentEmail", "on");
  body.append("idempotencyKey", randomUUID());
  for (const name of ["uno.pdf", "due.pdf", "tre.pdf"]) body.append("allegati", new Blob([content], { type: "application/pdf" }), name);
  return new Request("http://localhost/api/cassetto/richieste", { method: "POST", body });
}

async function lane(): Promise<never> {
  for (;;) {
    const upload = await receiveUpload(submission(), { maxFiles: 5, maxBytesPerFile: 5 * 1024 * 1024 });
    try {
      await createRequest(orders.actor, upload.fields, upload.files);
    } finally {
      await upload.discard();
    }
    process.stdout.write("sent\n");
  }
}

await Promise.all(Array.from({ length: orders.lanes }, lane));
