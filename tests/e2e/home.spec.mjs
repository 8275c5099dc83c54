// Home tells a member what others added since they last looked.
import { test, expect, openApp, navigate, checkAccessibility } from './fixtures.mjs';
import { kinds, createKind, contribute } from './kinds.mjs';

test('changes by others since the last visit are listed, not my own', async ({ page }) => {
  await openApp(page);
  await createKind(page, kinds[0], { author: 'Robin' });
  await contribute(page, kinds[0], 'Lee');
  await createKind(page, kinds[1], { author: 'Kim', title: 'A request from Kim' });
  // Kim's name is now remembered; sign back in as Robin for the next visit.
  await createKind(page, kinds[2], { author: 'Robin', title: 'My own experience question' });
  await page.reload();
  await navigate(page, 'Home');
  const news = page.getByRole('region', { name: 'Since your last visit' });
  await expect(news.getByRole('listitem')).toHaveText([/A request from Kim \(new\)/, new RegExp(`${kinds[0].title} \\(1 new contribution\\)`)]);
  await expect(news).not.toContainText('My own experience question');
  await checkAccessibility(page, 'Home with news');
  await page.reload();
  await expect(news).toContainText('Nothing new from others since');
});
