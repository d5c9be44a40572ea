import { expect, test } from "@playwright/test";
import { HomePage } from "./pages/home-page";

test("the home page lists every document of the corpus, read from the database", async ({ page }) => {
  const home = new HomePage(page);
  await home.goto();
  await expect(home.documents).toHaveCount(2);
  await expect(home.document(/全球网络空间治理/)).toContainText("徐龙第");
  await expect(home.document(/全球网络空间治理/)).toContainText("欧洲研究");
  await expect(home.document(/网络空间命运共同体/)).toBeVisible();
  // Counts come from the ingested rows, not from metadata.
  const paragraphs = await home.document(/全球网络空间治理/).getByText("Paragraphs").locator("..").locator("dd").innerText();
  expect(Number(paragraphs)).toBeGreaterThan(20);
});
