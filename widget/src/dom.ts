/**
 * The form's renderer: `h()` for JSX, and `render()`, which brings a DOM subtree in line with
 * a new tree of virtual nodes. It does what the form needs of Preact, which it replaces: the
 * form redraws its whole view on every change, and the DOM nodes must stay the same across
 * redraws (the inputs are uncontrolled: the DOM holds their values, their focus, their caret).
 *
 * Children are matched by position, not by key: the form's structure is stable (a field's
 * label and input come first, a form type's fields keep their order), so an input is always
 * matched with itself. A node of another tag at a position is replaced. Props are attributes
 * (`class`, `for`, `aria-*`; `true` sets an empty one, `false`/`null`/`undefined` removes it),
 * or event handlers (`onInput` → `input`), one listener per element and event, the handler
 * swapped on each redraw. 0.5 KB gzip where Preact took 4.5 KB of widget.js's 10 KB.
 */

/** Props of an element: attributes and `on*` handlers. */
export type Props = Record<string, unknown>;

/** A virtual node: an element, or a text. */
export type VNode = { tag: string; props: Props; children: VNode[] } | string;

/** What JSX may put among children: nodes, texts, numbers, lists, and nothing (`false`, `null`, `undefined`). */
export type Child = VNode | number | boolean | null | undefined | Child[];

/** An element as rendered: the tree it shows, and its handlers by event. */
type Rendered = Node & { vnodes?: [VNode, Node][]; handlers?: Record<string, ((event: Event) => void) | undefined> };

/**
 * An element's virtual node (the JSX factory, `@jsx h`).
 * @example h('p', { class: 'err' }, 'Required')
 */
export function h(tag: string, props: Props | null, ...children: Child[]): VNode {
  return { tag, props: props ?? {}, children: flat(children) };
}

/** The JSX types of {@link h}: any tag, any prop. */
export declare namespace h {
  namespace JSX {
    type Element = VNode;
    interface IntrinsicElements {
      [tag: string]: Props;
    }
    interface ElementChildrenAttribute {
      children: unknown;
    }
  }
}

/** Children as a flat list of nodes: lists flattened, nothing dropped, numbers as texts. */
const flat = (children: Child[]): VNode[] =>
  (children.flat(9) as Child[])
    .filter((child) => child != null && child !== false && child !== true)
    .map((child) => (typeof child === 'object' ? (child as VNode) : String(child)));

/** Renders `vnode` as the content of `root`, reusing what the last render of it made. */
export function render(vnode: VNode, root: Element): void {
  update(root, [vnode]);
}

/** Brings `parent`'s children in line with `next`, position by position. */
function update(parent: Rendered, next: VNode[]): void {
  const old = parent.vnodes ?? [];
  parent.vnodes = next.map((vnode, i) => {
    const [was, node] = old[i] ?? [];
    if (node && (typeof vnode === 'string' ? typeof was === 'string' : typeof was !== 'string' && was!.tag === vnode.tag)) {
      if (typeof vnode === 'string') {
        if (node.nodeValue !== vnode) node.nodeValue = vnode;
      } else {
        patch(node as Element, (was as Exclude<VNode, string>).props, vnode.props);
        update(node, vnode.children);
      }
      return [vnode, node];
    }
    const made = create(vnode);
    node ? parent.replaceChild(made, node) : parent.appendChild(made);
    return [vnode, made];
  });
  for (const [, node] of old.slice(next.length)) parent.removeChild(node);
}

/** A new DOM node for `vnode`. */
function create(vnode: VNode): Node {
  if (typeof vnode === 'string') return document.createTextNode(vnode);
  const node = document.createElement(vnode.tag);
  patch(node, {}, vnode.props);
  update(node, vnode.children);
  return node;
}

/** Sets what changed between `old` and `props` on `node`. */
function patch(node: Element & Rendered, old: Props, props: Props): void {
  for (const name in { ...old, ...props }) {
    const value = props[name];
    if (name[0] === 'o' && name[1] === 'n') {
      const type = name.slice(2).toLowerCase();
      const handlers = (node.handlers ??= {});
      if (!(type in handlers)) node.addEventListener(type, (event) => handlers[type]?.(event));
      handlers[type] = value as (event: Event) => void;
    } else if (name !== 'key' && value !== old[name]) {
      value == null || value === false ? node.removeAttribute(name) : node.setAttribute(name, value === true ? '' : String(value));
    }
  }
}
