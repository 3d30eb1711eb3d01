// Stands in for handoff-kit/ui when the packed package predates it (.ci/www warns): the note is
// checked and the report reaches onReport, but nothing is drawn over the editor.
export function attach(editable, { kit, scenario, context, format, now, onReport, debounce = 150 } = {}) {
  let timer;
  let last = null;
  let serial = 0;
  const read = () => (format === 'html' ? editable.innerHTML : editable.value);
  const refresh = async () => {
    const mine = ++serial;
    try {
      const report = await kit.checkNote(read(), { format, context, now, scenario });
      if (mine !== serial) return;
      last = report;
      onReport?.(report);
    } catch (error) {
      if (mine === serial) onReport?.(null, error);
    }
  };
  const onInput = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, debounce);
  };
  editable.addEventListener('input', onInput);
  refresh();
  return {
    update(next) { context = next; refresh(); },
    report: () => last,
    refresh,
    detach() { clearTimeout(timer); editable.removeEventListener('input', onInput); },
  };
}
