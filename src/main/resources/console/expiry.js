// Expiry of grants as a person types and reads it. The field is a datetime-local (the browser's own time zone);
// the API takes an RFC 3339 instant in the future and at most a year ahead, so the dialog says so before asking.

const YEAR_MS = 366 * 24 * 3600 * 1000;

/**
 * What a datetime-local field's value asks for: {expiresAt: null} when empty (the grant does not expire),
 * {expiresAt: "2027-03-01T09:00:00.000Z"} for a time ahead, or {error: words} for a time that cannot be one.
 * {@code now} is a Date; the year's bound is only a first check, the API keeps the last word.
 */
export function expiryFromField(value, now = new Date()) {
  const text = String(value || '').trim();
  if (!text) return { expiresAt: null };
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!m) return { error: `'${text}' is not a date and time` };
  const [, y, mo, d, hh, mm, ss] = m.map((x) => (x === undefined ? 0 : Number(x)));
  const at = new Date(y, mo - 1, d, hh, mm, ss || 0);
  if (Number.isNaN(at.getTime()) || at.getMonth() !== mo - 1 || at.getDate() !== d) {
    return { error: `'${text}' is not a date and time` };
  }
  if (at.getTime() <= now.getTime()) return { error: 'the expiry must be in the future' };
  if (at.getTime() - now.getTime() > YEAR_MS) return { error: 'the expiry may be at most a year ahead' };
  return { expiresAt: at.toISOString() };
}

/** "5 Dec 2026, 10:00" in the reader's own time zone. */
export function formatTime(iso) {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return String(iso);
  return at.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** "expires 5 Dec 2026, 10:00 (in 3 days)", or null for a grant that does not expire. */
export function expiryWords(iso, now = new Date()) {
  if (!iso) return null;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  const left = at.getTime() - now.getTime();
  if (left <= 0) return `expired ${formatTime(iso)}`;
  return `expires ${formatTime(iso)} (${inWords(left)})`;
}

function inWords(ms) {
  const minutes = Math.round(ms / 60000);
  if (minutes < 1) return 'in less than a minute';
  if (minutes < 60) return `in ${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `in ${hours} hour${hours === 1 ? '' : 's'}`;
  const days = Math.round(hours / 24);
  return `in ${days} days`;
}

/** The value a datetime-local field starts a year's choice from: the earliest minute it may hold, now + 1 minute. */
export function fieldBounds(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  const local = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const min = new Date(now.getTime() + 60000);
  const max = new Date(now.getTime());
  max.setFullYear(max.getFullYear() + 1);
  return { min: local(min), max: local(max) };
}
