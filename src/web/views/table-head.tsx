import type { Translate } from '../i18n/i18n.js'

/** A table's header row: one column header per message key, in the reader's language. */
export function TableHead(props: { t: Translate; keys: string[] }) {
  return (
    <thead>
      <tr>
        {props.keys.map((k) => (
          <th scope="col" safe>
            {props.t(k)}
          </th>
        ))}
      </tr>
    </thead>
  )
}
