import { For, Match, Switch, type JSX } from "solid-js";
import { insert } from "solid-js/web";

/**
 * Renders the Markdown of Fidelio's own guides (docs/*.md, bundled at build time) as elements, never
 * as HTML strings: headings, paragraphs, lists, tables, fenced code, **bold**, *emphasis* and `code`.
 * Headings move down `shift` levels so a guide sits under the page's own h1.
 */
type Block =
  | { kind: "heading"; level: number; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "list"; ordered: boolean; items: string[] }
  | { kind: "table"; head: string[]; rows: string[][] }
  | { kind: "code"; text: string };

const cells = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, "")
    .split("|")
    .map((cell) => cell.trim());

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!;
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (line.trim() === "") i++;
    else if (heading) {
      blocks.push({ kind: "heading", level: heading[1]!.length, text: heading[2]! });
      i++;
    } else if (line.startsWith("```")) {
      const end = lines.findIndex((l, j) => j > i && l.startsWith("```"));
      const stop = end === -1 ? lines.length : end;
      blocks.push({ kind: "code", text: lines.slice(i + 1, stop).join("\n") });
      i = stop + 1;
    } else if (line.startsWith("|")) {
      const rows: string[][] = [];
      for (; i < lines.length && lines[i]!.startsWith("|"); i++) if (!/^\|[\s|:-]+\|$/.test(lines[i]!.trim())) rows.push(cells(lines[i]!));
      blocks.push({ kind: "table", head: rows[0] ?? [], rows: rows.slice(1) });
    } else if (/^(-|\d+\.)\s/.test(line)) {
      const ordered = /^\d+\./.test(line);
      const items: string[] = [];
      for (; i < lines.length && lines[i]!.trim() !== "" && !lines[i]!.startsWith("#"); i++) {
        if (/^(-|\d+\.)\s/.test(lines[i]!)) items.push(lines[i]!.replace(/^(-|\d+\.)\s+/, ""));
        else items[items.length - 1] += ` ${lines[i]!.trim()}`;
      }
      blocks.push({ kind: "list", ordered, items });
    } else {
      const text: string[] = [];
      for (; i < lines.length && lines[i]!.trim() !== "" && !/^(#|```|\||-\s|\d+\.\s)/.test(lines[i]!); i++) text.push(lines[i]!.trim());
      blocks.push({ kind: "paragraph", text: text.join(" ") });
    }
  }
  return blocks;
}

/** `code`, **bold** and *emphasis*, in that order of precedence. */
function Inline(props: { text: string }): JSX.Element {
  const parts = props.text.split(/(`[^`]+`|\*\*[^*]+\*\*|\*[^*\s][^*]*\*)/g).filter(Boolean);
  return (
    <For each={parts}>
      {(part) =>
        part.startsWith("`") ? (
          <code>{part.slice(1, -1)}</code>
        ) : part.startsWith("**") ? (
          <strong>{part.slice(2, -2)}</strong>
        ) : part.startsWith("*") && part.length > 2 ? (
          <em>{part.slice(1, -1)}</em>
        ) : (
          part
        )
      }
    </For>
  );
}

export function Markdown(props: { source: string; shift?: number }) {
  // Made by hand, not with <Dynamic>: with a tag name it spreads its props, which brings Solid's tables of
  // every DOM property into every page's entry.
  const heading = (level: number, text: string) => {
    const element = document.createElement(`h${Math.min(6, level + (props.shift ?? 0))}`);
    insert(element, <Inline text={text} />);
    return element;
  };
  return (
    <For each={parseMarkdown(props.source)}>
      {(block) => (
        <Switch>
          <Match when={block.kind === "heading" && block}>{(b) => heading(b().level, b().text)}</Match>
          <Match when={block.kind === "paragraph" && block}>
            {(b) => (
              <p>
                <Inline text={b().text} />
              </p>
            )}
          </Match>
          <Match when={block.kind === "list" && block}>
            {(b) => {
              const items = (
                <For each={b().items}>
                  {(item) => (
                    <li>
                      <Inline text={item} />
                    </li>
                  )}
                </For>
              );
              return b().ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
            }}
          </Match>
          <Match when={block.kind === "table" && block}>
            {(b) => (
              // A wide table scrolls inside its own focusable region on a phone, not the whole page.
              <div class="table-scroll" tabindex="0" role="region" aria-label={b().head.join(", ")}>
                <table>
                  <thead>
                    <tr>
                      <For each={b().head}>
                        {(cell) => (
                          <th scope="col">
                            <Inline text={cell} />
                          </th>
                        )}
                      </For>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={b().rows}>
                      {(row) => (
                        <tr>
                          <For each={row}>
                            {(cell) => (
                              <td>
                                <Inline text={cell} />
                              </td>
                            )}
                          </For>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            )}
          </Match>
          <Match when={block.kind === "code" && block}>
            {(b) => (
              // Focusable, so a keyboard can scroll a long line.
              <pre tabindex="0">
                <code>{b().text}</code>
              </pre>
            )}
          </Match>
        </Switch>
      )}
    </For>
  );
}
