// The options page: the agent's settings, with the administrator's (managed) values shown
// locked, and which bundle is active and why the last update was refused.
const api = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);
const FIELDS = ['bundle_url', 'bundle_integrity', 'gate', 'enabled_hosts'];

async function ask(message) {
  const answer = await api.runtime.sendMessage(message);
  if (!answer?.ok) throw new Error(answer?.error?.message ?? 'no answer from the extension');
  return answer.value;
}

function when(iso) {
  return iso ? new Date(iso).toLocaleString() : '';
}

function render(status) {
  const { settings, locked, active, attempt } = status;
  for (const key of FIELDS) {
    const field = $(key);
    const value = settings[key];
    field.value = Array.isArray(value) ? value.join('\n') : value ?? '';
    field.disabled = locked.includes(key);
    document.querySelector(`[data-lock="${key}"]`).hidden = !locked.includes(key);
  }
  const name = `${active.name} ${active.version}`;
  $('active').textContent =
    active.source === 'built-in'
      ? `Active bundle: the built-in bundle (${name}).`
      : `Active bundle: ${name}, from ${active.source === 'managed' ? 'your administrator (policy)' : active.url}, applied ${when(active.applied_at)}.`;
  const a = $('attempt');
  if (!attempt) {
    a.textContent = '';
  } else if (attempt.ok) {
    a.dataset.ok = 'true';
    a.textContent = `Last update ${when(attempt.at)}: ${attempt.reason === 'applied' ? 'applied' : attempt.reason}.`;
  } else {
    a.dataset.ok = 'false';
    a.textContent = `Update refused ${when(attempt.at)}${attempt.url ? ` (${attempt.url})` : ''}: ${attempt.reason}. The active bundle is kept.`;
  }
}

function values() {
  return {
    bundle_url: $('bundle_url').value,
    bundle_integrity: $('bundle_integrity').value,
    gate: $('gate').value,
    enabled_hosts: $('enabled_hosts').value.split('\n').map((s) => s.trim()).filter(Boolean),
  };
}

$('form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const v = values();
  // Ask for the hosts first, while the click still counts as the agent's gesture.
  const origins = [...v.enabled_hosts];
  try {
    if (v.bundle_url) origins.push(`${new URL(v.bundle_url).origin}/*`);
  } catch {
    // not a URL: the background says so
  }
  if (origins.length && !$('enabled_hosts').disabled) {
    try {
      await api.permissions.request({ origins });
    } catch (error) {
      $('attempt').dataset.ok = 'false';
      $('attempt').textContent = `Host access not granted: ${error.message}`;
    }
  }
  try {
    render(await ask({ type: 'save', settings: v }));
  } catch (error) {
    $('attempt').dataset.ok = 'false';
    $('attempt').textContent = `Could not save: ${error.message}`;
  }
});

$('refresh').addEventListener('click', async () => {
  render(await ask({ type: 'refresh' }));
});

ask({ type: 'status' }).then(render, (error) => {
  $('active').textContent = `The extension did not answer: ${error.message}`;
});
