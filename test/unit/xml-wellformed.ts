// A tiny XML well-formedness check for the SVG the reports embed: every tag
// closed in order, attributes quoted, no raw `<` or stray `&` in text or
// attribute values, exactly one root. Returns the problem, or null.
const TAG = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>/y;
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;

const badAmp = (s: string) => s.replace(ENTITY, "").includes("&");

export function xmlProblem(xml: string): string | null {
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    if (badAmp(text)) return `a bare & in text: ${JSON.stringify(text.slice(0, 60))}`;
    if (stack.length === 0 && text.trim() !== "") return `text outside the root: ${JSON.stringify(text.slice(0, 60))}`;
    if (lt === -1) break;
    TAG.lastIndex = lt;
    const m = TAG.exec(xml);
    if (!m) return `not a well-formed tag at ${lt}: ${JSON.stringify(xml.slice(lt, lt + 60))}`;
    const [whole, closing, name = "", attrs = "", selfClosing] = m;
    if (badAmp(attrs) || attrs.includes("<")) return `a bad attribute value in <${name}>`;
    if (closing) {
      if (attrs.trim() !== "" || selfClosing) return `a closing tag with attributes: ${whole}`;
      const open = stack.pop();
      if (open !== name) return `</${name}> closes <${open ?? "nothing"}>`;
    } else {
      if (stack.length === 0) roots++;
      if (!selfClosing) stack.push(name);
    }
    i = lt + whole.length;
  }
  if (stack.length > 0) return `unclosed <${stack.join("> <")}>`;
  return roots === 1 ? null : `${roots} root elements`;
}
