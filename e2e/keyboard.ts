// Keyboard-only reach: Tab from where focus is until `target` has it (bounded),
// as a keyboard user gets there. Shared by the local and the scale suites.
import type { Locator, Page } from "@playwright/test";

export async function tabUntilFocused(page: Page, target: Locator, maxTabs: number): Promise<boolean> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return true;
  }
  return false;
}
