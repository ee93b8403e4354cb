import Link from "next/link";
import { OUTCOME_NOTICE_ID } from "@/app/_lib/form-flash";
import type { ContributorActor } from "@/server/identity/actor";
import { getQuestionnaireInvitation } from "@/server/questionnaires/get-questionnaire-invitation";
import { Alert, Button, buttonClasses, Card } from "@/ui";
import { dismissInvitationAction } from "../actions";
import { INVITATION_FORM, pageFlash } from "../_lib/flash";

/**
 * On the Cassetto's home, for professionals (F16): the invitation to the open
 * questionnaire until they answer or close it, or the outcome of closing it.
 */
export async function QuestionnaireInvitation({ actor, flashToken }: { actor: ContributorActor; flashToken?: string }) {
  const flash = await pageFlash(flashToken);
  if (flash?.form === INVITATION_FORM || flash?.tone === "success") {
    return <Alert tone={flash.tone} title={flash.message} id={OUTCOME_NOTICE_ID} />;
  }
  const invitation = await getQuestionnaireInvitation(actor);
  if (!invitation) return null;
  return (
    <div className="mb-8">
      <Card title={invitation.title}>
        <p className="mb-4">{invitation.intro}</p>
        <div className="flex flex-wrap items-center gap-4">
          <Link href={`/cassetto/questionario/${invitation.slug}`} className={buttonClasses("primary")}>
            Rispondi al questionario
          </Link>
          <form action={dismissInvitationAction}>
            <input type="hidden" name="campagna" value={invitation.slug} />
            <Button variant="secondary">Non ora, grazie</Button>
          </form>
        </div>
      </Card>
    </div>
  );
}
