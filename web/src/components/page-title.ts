import { createEffect } from "solid-js";

/** Keeps the tab title in step with the page heading, so each page is told apart in history and by screen readers. */
export function usePageTitle(title: () => string | undefined) {
  createEffect(() => {
    const text = title();
    document.title = text ? `${text} · Fidelio` : "Fidelio";
  });
}
