/** What `el` takes as children: nodes and text; `undefined` and `false` are left out. */
export type Child = Node | string | number | undefined | false

type Attributes = Readonly<Record<string, string | number | boolean | undefined>>

/**
 * Makes an element in `doc`: attributes are set as attributes (`true` as an empty one, `false` and
 * `undefined` left out), children appended as nodes or text. Text is never parsed as HTML: what
 * the panel shows comes from the wire and may be hostile.
 */
export function el(
  doc: Document,
  tag: string,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElement {
  const element = doc.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue
    element.setAttribute(name, value === true ? '' : String(value))
  }
  for (const child of children) {
    if (child === undefined || child === false) continue
    element.append(typeof child === 'object' ? child : String(child))
  }
  return element
}
