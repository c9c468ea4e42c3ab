const HTML_SPECIAL = /[&<>"']/g
const HTML_ENTITY: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
/** Characters XML 1.0 forbids even as escapes (C0 controls except tab, LF, CR). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to drop
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g
const SCRIPT_UNSAFE = /[<>&\u2028\u2029]/g

/** Text or attribute value → HTML (both contexts: quotes are escaped too). */
export const escapeHtml = (s: string): string => s.replace(HTML_SPECIAL, (c) => HTML_ENTITY[c]!)

/** Text or attribute value → XML, dropping characters XML cannot carry. */
export const escapeXml = (s: string): string => escapeHtml(s.replace(XML_FORBIDDEN, ''))

/** JSON for a `<script type="application/ld+json">` block: no `</script>` or `<!--` can end it early. */
export const jsonForScript = (value: unknown): string =>
  JSON.stringify(value).replace(SCRIPT_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
