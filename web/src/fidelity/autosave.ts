import { createSignal, onCleanup } from "solid-js";

export type SaveState = "idle" | "pending" | "saving" | "saved" | "failed" | "blocked" | "stale";

/**
 * Debounced saving, one request at a time: a change while a save is in flight saves again after it,
 * so the last edit always reaches the server and two saves never race each other's version.
 */
export function createAutosave(options: { delay: number; save: () => Promise<"saved" | "blocked" | "stale" | "failed"> }) {
  const [state, setState] = createSignal<SaveState>("idle");
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    clearTimeout(timer);
    setState("saving");
    running = options
      .save()
      .then(setState, () => setState("failed"))
      .then(() => undefined);
    await running;
    running = undefined;
    if (again && state() === "saved") {
      again = false;
      return run();
    }
    again = false;
  };

  const changed = () => {
    if (state() === "stale") return;
    setState("pending");
    clearTimeout(timer);
    timer = setTimeout(() => void run(), options.delay);
  };

  onCleanup(() => clearTimeout(timer));
  return {
    state,
    setState,
    changed,
    /** Saves now (Retry, Submit), waiting for any save in flight first. */
    flush: async () => {
      if (running) await running;
      if (state() === "pending" || state() === "failed" || state() === "blocked") await run();
    },
  };
}
