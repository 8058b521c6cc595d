/**
 * Opens /review/ and waits until it is ready for the reviewer: the island has hydrated and the
 * reviewer's saved progress has been read, so a name typed next is not replaced by either.
 */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export async function openReview(page: Page, address = '/review/'): Promise<void> {
  await page.goto(address);
  await expect(page.locator('.review-app')).toHaveAttribute('data-ready', 'true');
}
