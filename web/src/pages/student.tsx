import { A, useParams } from "../router";
import { createResource, For, lazy, Show, Suspense } from "solid-js";
import { api, call } from "../api";
import { t, tCode } from "../i18n";
import "../strings/pages";
import "../strings/people";
import "../strings/review-link";
import { formatDate } from "../format";
import { gradeAndSchool } from "../format-words";
import { useSession } from "../session";
import { usePageTitle } from "../components/page-title";
import { Loaded } from "../components/loaded";
import { IepSnapshot } from "../components/iep-snapshot";
import { EmailFlag } from "../components/email-flag";
import { RecordsRequests } from "../rights/records";

// Only the IEP's editors see who acknowledged the latest version: its chunk (and the fidelity words) loads
// for them alone, after the rest of the page (it is the last section: nothing below it moves).
const MakeUpPlans = lazy(() => import("../rights/make-up").then((m) => ({ default: m.MakeUpPlans })));
const AmendmentAcknowledgments = lazy(() => import("../components/amendment-acknowledgments").then((m) => ({ default: m.AmendmentAcknowledgments })));

const loadStudent = (id: string) => call(api.students[":id"].$get({ param: { id } }));
export type StudentDetail = Awaited<ReturnType<typeof loadStudent>>;

export function Student() {
  const params = useParams<{ id: string }>();
  const [detail, { refetch }] = createResource(() => params.id, loadStudent);
  return (
    <Loaded resource={detail} what={t("whatRecord")} onRetry={refetch}>
      {(loaded) => <StudentView detail={loaded()} />}
    </Loaded>
  );
}

function StudentView(props: { detail: StudentDetail }) {
  const session = useSession();
  const student = () => props.detail.student;
  usePageTitle(() => student().name);
  return (
    <>
      <h1>{student().name}</h1>
      <p class="muted lead">{gradeAndSchool(student())}</p>
      <ul class="card-links">
        <Show when={props.detail.can.viewFidelity}>
          <li>
            <A href={`/students/${student().id}/fidelity`}>{t("fidelityLink")}</A>
          </li>
          <li>
            <A href={`/students/${student().id}/iep/review`}>{t("review.link")}</A>
          </li>
        </Show>
        <Show when={props.detail.can.editIep}>
          <li>
            <A href={`/students/${student().id}/iep/new`}>{t("editIep")}</A>
          </li>
        </Show>
        <Show when={props.detail.can.viewAudit}>
          <li>
            <A href={`/students/${student().id}/audit`} state={{ name: student().name }}>
              {t("whoViewedLink")}
            </A>
          </li>
        </Show>
      </ul>
      <Show when={props.detail.can.fileConcern}>
        <section aria-labelledby="concerns-title">
          <h2 id="concerns-title">{t("concernsAbout")}</h2>
          <p>{t("concernsAboutIntro")}</p>
          <ul class="card-links">
            <li>
              <A href={`/students/${student().id}/concern`} class="button-link">
                {t("raiseConcern")}
              </A>
            </li>
            <li>
              <A href="/concerns">{t("seeYourConcerns")}</A>
            </li>
          </ul>
        </section>
      </Show>
      <Show when={props.detail.can.requestRecords || props.detail.can.releaseRecords}>
        <RecordsRequests
          studentId={student().id}
          canRequest={props.detail.can.requestRecords}
          canRelease={props.detail.can.releaseRecords}
          timeZone={session.me()?.district.timeZone ?? "America/Los_Angeles"}
        />
      </Show>
      <Show when={props.detail.can.viewFidelity}>
        <Suspense>
          <MakeUpPlans studentId={student().id} />
        </Suspense>
      </Show>
      <section aria-labelledby="iep-title">
        <h2 id="iep-title">{t("iepTitle")}</h2>
        <Show when={props.detail.iep} fallback={<p class="empty">{t("noIep")}</p>}>
          {(iep) => (
            <>
              <p>{t("iepVersion", { version: iep().version, date: formatDate(iep().effectiveFrom) })}</p>
              <Show when={props.detail.myClasses.length > 0}>
                <p class="notice">{t("yourClasses", { classes: props.detail.myClasses.map((c) => c.title).join(", ") })}</p>
              </Show>
              <IepSnapshot iep={iep()} />
            </>
          )}
        </Show>
      </section>
      <section aria-labelledby="team-title">
        <h2 id="team-title">{t("team")}</h2>
        <Show when={props.detail.team.length > 0} fallback={<p class="empty">{t("noTeam")}</p>}>
          <ul class="plain-list">
            <For each={props.detail.team}>
              {(member) => (
                <li>
                  <strong>{member.name}</strong>
                  {member.userId === session.me()?.user.id ? ` (${t("you")})` : ""} · {tCode("role", member.role)}
                  <EmailFlag flag={member.emailUndeliverable} />
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
      <Show when={props.detail.amendment}>
        {(amendment) => (
          <Suspense>
            <AmendmentAcknowledgments amendment={amendment()} />
          </Suspense>
        )}
      </Show>
    </>
  );
}
