// Keyboard help for every page: "/" focuses the first search box, "g h" goes to the overview.
// On the triage queue: j/k move between rows, x selects, s marks seen, a assigns to me, Enter opens.
// On a trained topic's page: y / n label the first suggested article in / out of the topic.
// On the sources list: the header checkbox selects every source of the page.
;(() => {
  let last = ''
  const form = document.getElementById('triage-form')
  const rows = form ? Array.from(form.querySelectorAll('tbody tr')) : []
  let current = -1
  const focusRow = (i) => {
    if (rows.length === 0) return
    current = Math.max(0, Math.min(rows.length - 1, i))
    rows.forEach((r, k) => {
      r.classList.toggle('current', k === current)
    })
    rows[current].querySelector('a')?.focus()
  }
  const submitFor = (field, value) => {
    const row = rows[current]
    if (!form || !row) return
    const boxes = form.querySelectorAll('input[name=ids]:checked')
    if (boxes.length === 0) row.querySelector('input[name=ids]').checked = true
    const input = form.querySelector(`[name=${field}]`)
    if (input.type === 'checkbox') input.checked = true
    else input.value = value
    form.submit()
  }
  document.addEventListener('keydown', (e) => {
    const t = e.target
    if (
      t instanceof HTMLElement &&
      (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))
    )
      return
    if (e.ctrlKey || e.metaKey || e.altKey) return
    if (e.key === '/') {
      const box = document.querySelector('input[type=search]')
      if (box instanceof HTMLElement) {
        e.preventDefault()
        box.focus()
      }
    } else if (last === 'g' && e.key === 'h') {
      window.location.href = '/'
    } else if (form && e.key === 'j') focusRow(current + 1)
    else if (form && e.key === 'k') focusRow(current - 1)
    else if (form && e.key === 'x' && rows[current]) {
      const box = rows[current].querySelector('input[name=ids]')
      box.checked = !box.checked
    } else if (form && e.key === 's' && rows[current]) submitFor('status', 'seen')
    else if (form && e.key === 'a' && rows[current]) submitFor('assign_me', '1')
    else if (e.key === 'y' || e.key === 'n') {
      const button = document.querySelector(`button[data-key="${e.key}"]`)
      if (button instanceof HTMLButtonElement) {
        e.preventDefault()
        button.click()
      }
    }
    last = e.key
  })
  // A header checkbox selects every row's checkbox of the same name (bulk actions on a list page).
  document.addEventListener('change', (e) => {
    const all = e.target
    if (!(all instanceof HTMLInputElement) || !all.dataset.selectAll) return
    for (const box of document.querySelectorAll(`input[type=checkbox][name="${all.dataset.selectAll}"]`))
      box.checked = all.checked
  })
  // An htmx request the server refused (expired session, deleted article) swaps nothing: say so.
  const htmxError = (shown) => {
    const box = document.querySelector('[data-htmx-error]')
    if (box instanceof HTMLElement) box.hidden = !shown
  }
  document.addEventListener('htmx:responseError', () => htmxError(true))
  document.addEventListener('htmx:sendError', () => htmxError(true))
  document.addEventListener('htmx:afterSwap', () => htmxError(false))
})()
