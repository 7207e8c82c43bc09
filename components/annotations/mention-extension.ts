import Mention from "@tiptap/extension-mention";
import type { SuggestionKeyDownProps, SuggestionProps } from "@tiptap/suggestion";
import type { MentionPerson } from "./mention-source";

/** Where the editor asks for suggestions; read at each "@", so it can change while the editor lives. */
export class MentionItems {
  current: ((query: string) => Promise<MentionPerson[]>) | null = null;
  /** The lookup from now on (null: no suggestions). */
  use(lookup: ((query: string) => Promise<MentionPerson[]>) | null) {
    this.current = lookup;
  }
}

/**
 * The @mention node of lib/rich-text ({ id, label }), with a small list of
 * suggestions under the caret: arrows move, Enter or Tab picks, Escape
 * closes. Plain DOM (no popper library): it is a list of buttons placed at
 * the caret's rectangle, inside the page's CSP.
 */
export function createMentionExtension(items: MentionItems) {
  return Mention.configure({
    HTMLAttributes: { class: "mention" },
    renderText: ({ node }) => `@${node.attrs.label ?? ""}`,
    suggestion: {
      char: "@",
      allowSpaces: false,
      items: async ({ query }) => (items.current ? await items.current(query) : []),
      command: ({ editor, range, props }) => {
        const person = props as unknown as MentionPerson;
        editor
          .chain()
          .focus()
          .insertContentAt(range, [
            { type: "mention", attrs: { id: person.id, label: person.name } },
            { type: "text", text: " " },
          ])
          .run();
      },
      render: () => new MentionPopup(),
    },
  });
}

let lists = 0;

/**
 * The suggestion list's lifecycle, as @tiptap/suggestion calls it. Focus
 * stays in the editor, so the editor says which list it controls
 * (aria-controls, aria-autocomplete) and which option is active
 * (aria-activedescendant) for a screen reader to announce as the arrows
 * move. No aria-expanded: the editor's role is textbox, which does not take
 * it, and a multi-line editor is no combobox.
 */
class MentionPopup {
  private root: HTMLUListElement | null = null;
  private editorDom: HTMLElement | null = null;
  private props: SuggestionProps<MentionPerson> | null = null;
  private active = 0;
  private readonly listId = `mention-suggestions-${++lists}`;

  onStart = (props: SuggestionProps<MentionPerson>) => {
    this.root = document.createElement("ul");
    this.root.id = this.listId;
    this.root.className = "mention-suggestions";
    this.root.setAttribute("role", "listbox");
    this.root.setAttribute("aria-label", "People you can mention");
    document.body.appendChild(this.root);
    this.editorDom = props.editor.view.dom;
    this.editorDom.setAttribute("aria-controls", this.listId);
    this.editorDom.setAttribute("aria-autocomplete", "list");
    this.onUpdate(props);
  };

  onUpdate = (props: SuggestionProps<MentionPerson>) => {
    this.props = props;
    this.active = Math.min(this.active, Math.max(0, props.items.length - 1));
    this.draw();
  };

  onKeyDown = ({ event }: SuggestionKeyDownProps): boolean => {
    const items = this.props?.items ?? [];
    if (event.key === "Escape") {
      this.onExit();
      return true;
    }
    if (items.length === 0) return false;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      this.active = (this.active + (event.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
      this.draw();
      return true;
    }
    if (event.key === "Enter" || event.key === "Tab") {
      this.pick(this.active);
      return true;
    }
    return false;
  };

  onExit = () => {
    this.root?.remove();
    this.root = null;
    this.props = null;
    for (const name of ["aria-controls", "aria-autocomplete", "aria-activedescendant"]) this.editorDom?.removeAttribute(name);
    this.editorDom = null;
  };

  private pick(index: number) {
    const person = this.props?.items[index];
    if (person) this.props?.command(person);
  }

  private draw() {
    const root = this.root;
    const props = this.props;
    if (!root || !props) return;
    root.replaceChildren();
    if (props.items.length === 0) {
      const empty = document.createElement("li");
      empty.className = "mention-empty";
      empty.textContent = "Nobody here can see this to be mentioned.";
      root.appendChild(empty);
    }
    props.items.forEach((person, i) => {
      const li = document.createElement("li");
      li.id = `${this.listId}-${i}`;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", String(i === this.active));
      li.className = i === this.active ? "is-active" : "";
      li.textContent = person.isTeacher ? `${person.name} (teacher)` : person.name;
      // Keep the editor's focus and selection: pick on mousedown.
      li.addEventListener("mousedown", (event) => {
        event.preventDefault();
        this.pick(i);
      });
      root.appendChild(li);
    });
    if (props.items.length > 0) this.editorDom?.setAttribute("aria-activedescendant", `${this.listId}-${this.active}`);
    else this.editorDom?.removeAttribute("aria-activedescendant");
    const rect = props.clientRect?.();
    if (rect) {
      root.style.left = `${Math.max(8, Math.min(rect.left, window.innerWidth - 248))}px`;
      root.style.top = `${rect.bottom + 4}px`;
    }
  }
}
