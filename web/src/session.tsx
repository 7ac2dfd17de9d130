import { createContext, createEffect, createResource, on, useContext, type ParentProps, type Resource } from "solid-js";
import { api, call, isStatus } from "./api";
import { forgetPicked, languageKnown, pickedLanguage, rememberPicked, setLang, type Lang } from "./i18n";

async function loadMe() {
  try {
    // The answer names the reader's language, which the error words would wait for: not waited for here.
    return await call(api.me.$get(), { errorWords: false });
  } catch (error) {
    if (isStatus(error, 401)) return null;
    throw error;
  }
}

export type Me = NonNullable<Awaited<ReturnType<typeof loadMe>>>;
/** What the reader may do anywhere, as the API's one access policy computes it. */
export type Can = Me["can"];

interface Session {
  /** The signed-in user, `null` when signed out, `undefined` while loading. */
  me: Resource<Me | null>;
  refresh(): Promise<unknown>;
  signOut(): Promise<void>;
  /** False while loading or signed out. */
  can(flag: keyof Can): boolean;
  /** Switches the app's language and, when signed in, stores it for the person (their emails follow it). */
  chooseLanguage(next: Lang): Promise<void>;
}

const SessionContext = createContext<Session>();

export function SessionProvider(props: ParentProps) {
  const [me, { refetch, mutate }] = createResource(loadMe);
  const store = async (language: Lang) => {
    try {
      mutate(await call(api.me.$put({ json: { language } })));
      forgetPicked(language);
    } catch {
      // The switch already holds on this device; the stored choice is saved the next time it is used.
    }
  };
  // Once signed in, the app speaks the language the person stored, on any device, unless a pick on
  // this device is not stored yet (made before signing in, or just before the page was left while
  // the save was on its way): that choice is the one meant, and is stored.
  createEffect(
    on(me, (current) => {
      if (!current) return;
      const picked = pickedLanguage();
      if (picked && picked !== current.language) void store(picked);
      else if (picked) forgetPicked(picked);
      else if (current.language) setLang(current.language);
    }),
  );
  // Pages' words load in the reader's language once it is known: the person's, or this device's when signed out.
  createEffect(() => {
    if (me.state === "ready" || me.state === "errored") languageKnown();
  });
  const session: Session = {
    me,
    refresh: () => Promise.resolve(refetch()),
    async signOut() {
      // A session that already expired answers 401: the reader is signed out either way.
      await call(api.auth.signout.$post()).catch((error) => {
        if (!isStatus(error, 401)) throw error;
      });
      mutate(null);
    },
    can: (flag) => (me.state === "ready" && me()?.can[flag]) || false,
    async chooseLanguage(next) {
      setLang(next);
      rememberPicked(next);
      if (me.state === "ready" && me()) await store(next);
    },
  };
  return <SessionContext.Provider value={session}>{props.children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside SessionProvider");
  return session;
}
