// The words the layer shows: what a finding costs, a check's name, a deadline and its
// countdown, the sentence the live region announces. Everything is read from the Report's
// data (codes, points, instants); no message string is ever parsed.

/** `owner-not-a-person` → `Owner not a person`. */
export function checkLabel(id) {
  const words = String(id).replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The rubric check a diagnostic belongs to (`rubric/<id>`), or null. */
export function checkOf(diagnostic, report) {
  const code = String(diagnostic.code ?? '');
  if (!code.startsWith('rubric/')) return null;
  const id = code.slice('rubric/'.length);
  return report?.score?.checks?.find((check) => check.id === id) ?? null;
}

/** What a finding costs, in words: the points its check lost, or the cap an error imposes. */
export function cost(diagnostic, report) {
  const check = checkOf(diagnostic, report);
  const parts = [];
  if (check) {
    const lost = Math.max(0, (check.max_points ?? 0) - (check.points ?? 0));
    const shared = report.diagnostics.filter((d) => d.code === diagnostic.code).length;
    if (check.status === 'not_applicable') parts.push(`${checkLabel(check.id)}: does not apply, no points at stake.`);
    else if (lost > 0) {
      parts.push(`Costs ${lost} of ${check.max_points} points (${checkLabel(check.id)})${shared > 1 ? `, shared by ${shared} findings` : ''}.`);
    } else parts.push(`Advice only: ${checkLabel(check.id)} kept all ${check.max_points} points.`);
  }
  if (diagnostic.severity === 'error' && report?.score?.cap) {
    parts.push(`An error: the grade stays ${report.score.cap.grade} at most until it is fixed.`);
  }
  return parts.join(' ');
}

/** `2 h 05 min`, `45 s`, `3 d 4 h` for a duration in milliseconds (sign ignored). */
export function duration(ms) {
  const total = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  if (minutes > 0) return `${minutes} min ${String(seconds).padStart(2, '0')} s`;
  return `${seconds} s`;
}

/** The SLA's status at `nowMs`: the report's instants decide, so the colour changes live. */
export function liveStatus(sla, nowMs) {
  if (sla.status === 'paused') return 'paused';
  const deadline = Date.parse(sla.deadline);
  if (Number.isNaN(deadline) || Number.isNaN(nowMs)) return sla.status ?? 'on_track';
  if (nowMs >= deadline) return 'breached';
  const warn = sla.warn_at ? Date.parse(sla.warn_at) : NaN;
  if (!Number.isNaN(warn) && nowMs >= warn) return 'at_risk';
  return 'on_track';
}

/** `in 2 h 05 min` or `overdue by 12 min 30 s`. */
export function countdown(sla, nowMs) {
  const deadline = Date.parse(sla.deadline);
  if (Number.isNaN(deadline) || Number.isNaN(nowMs)) return '';
  const left = deadline - nowMs;
  return left > 0 ? `in ${duration(left)}` : `overdue by ${duration(left)}`;
}

const STATUS_WORDS = { on_track: 'On track', at_risk: 'At risk', breached: 'Breached', paused: 'Paused' };

export function statusWord(status) {
  return STATUS_WORDS[status] ?? 'On track';
}

// One formatter per time zone: building an Intl.DateTimeFormat costs more than a check.
const formatters = new Map();

/** The deadline on the receiving team's calendar, e.g. `Fri 20 Nov, 15:00 (Europe/Paris)`. */
export function deadlineText(sla) {
  try {
    let format = formatters.get(sla.time_zone);
    if (!format) {
      format = new Intl.DateTimeFormat('en-GB', {
        timeZone: sla.time_zone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit',
      });
      formatters.set(sla.time_zone, format);
    }
    const when = format.format(new Date(sla.deadline));
    return `${when} (${sla.time_zone})`;
  } catch {
    return String(sla.deadline_local ?? sla.deadline);
  }
}

/** What the live region says after a check. */
export function announcement(report) {
  const count = report.diagnostics.length;
  const findings = `${count} finding${count === 1 ? '' : 's'}`;
  if (!report.score) return `Handoff checked: ${findings}.`;
  const ready = report.score.cap ? 'not ready' : 'ready';
  return `Handoff score ${report.score.value}, grade ${report.score.grade}, ${ready}, ${findings}.`;
}

/** A kit failure in words (a HandoffKitError's kind and message, or any thrown value). */
export function failure(error) {
  if (error && typeof error === 'object' && 'message' in error) {
    const kind = typeof error.kind === 'string' ? ` (${error.kind})` : '';
    return `The check failed${kind}: ${String(error.message)}`;
  }
  return `The check failed: ${String(error)}`;
}
