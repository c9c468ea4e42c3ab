// Keyboard help for every page: "/" focuses the first search box, "g h" goes to the overview.
;(() => {
  let last = ''
  document.addEventListener('keydown', (e) => {
    const t = e.target
    if (
      t instanceof HTMLElement &&
      (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))
    )
      return
    if (e.key === '/') {
      const box = document.querySelector('input[type=search]')
      if (box instanceof HTMLElement) {
        e.preventDefault()
        box.focus()
      }
    } else if (last === 'g' && e.key === 'h') {
      window.location.href = '/'
    }
    last = e.key
  })
})()
