import { NotFoundError } from "@/server/errors/domain-errors";
import type { ContributorActor } from "@/server/identity/actor";
import { getSubmissionRating } from "@/server/questionnaires/get-submission-rating";
import { Alert, Button, Card } from "@/ui";
import { rateSubmissionAction } from "../actions";
import { pageFlash, RATING_FORM } from "../_lib/flash";
import { QuestionFields } from "./QuestionFields";

/**
 * Under the confirmation of a request just sent: the optional one-question
 * rating of how easy sending it was, stored anonymously (F16), or the
 * outcome of rating it.
 */
export async function SubmissionRating({
  actor,
  requestId,
  flashToken,
}: {
  actor: ContributorActor;
  requestId: string;
  flashToken?: string;
}) {
  const flash = await pageFlash(flashToken);
  const outcome = flash?.form === RATING_FORM || flash?.tone === "success" ? flash : null;
  if (outcome?.tone === "success") return <Alert tone="success" title={outcome.message} id={RATING_FORM} important />;
  const campaign = await getSubmissionRating(actor, requestId).catch((error: unknown) => {
    // Someone else sent the request (its holder reading it): no rating to offer them.
    if (error instanceof NotFoundError) return null;
    throw error;
  });
  if (!campaign) return null;
  return (
    <div className="mb-8" id={RATING_FORM}>
      <Card title="Ci aiuti a migliorare?">
        <form action={rateSubmissionAction} noValidate>
          <p className="mb-4">{campaign.intro}</p>
          {outcome ? <Alert tone="danger" title={outcome.message} /> : null}
          <input type="hidden" name="richiesta" value={requestId} />
          <QuestionFields questions={campaign.questions} values={outcome?.values} errors={outcome?.errors} />
          <Button variant="secondary">Invia la valutazione</Button>
        </form>
      </Card>
    </div>
  );
}
