// DASHBOARD_TOKEN as the operator typed it, kept in this browser only.
const KEY = "streamsocial.dashboard-token";
/** When localStorage is disabled the token lasts for this page's life. */
let memory: string | null = null;

export function readToken(): string | null {
  try {
    return window.localStorage.getItem(KEY) ?? memory;
  } catch {
    return memory;
  }
}

export function saveToken(token: string): void {
  memory = token;
  try {
    window.localStorage.setItem(KEY, token);
  } catch {
    // storage disabled: memory keeps it
  }
}

export function forgetToken(): void {
  memory = null;
  try {
    window.localStorage.removeItem(KEY);
  } catch {
    // nothing stored
  }
}
