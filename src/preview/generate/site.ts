// The demo product the preview users browse: its pages, where visitors come from, what they click and
// the screens they use. Weights are relative; paths and referrers are what a browser would report.

export const SITE_ORIGIN = 'https://app.example.com';

export interface SitePage {
  path: string;
  /** Absolute URL, built once rather than per page view. */
  url: string;
  title: string;
}

type PageRow = readonly [path: string, title: string, landingWeight: number, navigationWeight: number];

// Landing weights pick the first page of a visit (returning users mostly open the app); navigation
// weights pick the pages after it.
const PAGE_ROWS: readonly PageRow[] = [
  ['/', 'Home', 22, 6],
  ['/pricing', 'Pricing', 8, 6],
  ['/docs', 'Documentation', 8, 7],
  ['/docs/getting-started', 'Getting started', 6, 6],
  ['/docs/api', 'API reference', 4, 6],
  ['/blog', 'Blog', 3, 3],
  ['/blog/launch-week', 'Launch week recap', 5, 2],
  ['/changelog', 'Changelog', 2, 3],
  ['/dashboard', 'Dashboard', 25, 14],
  ['/dashboard/users', 'Users', 4, 12],
  ['/dashboard/teams', 'Teams', 2, 8],
  ['/dashboard/analytics', 'Analytics', 4, 10],
  ['/settings', 'Settings', 1, 5],
  ['/settings/billing', 'Billing', 1, 3],
  ['/settings/api-keys', 'API keys', 1, 4],
  ['/sign-in', 'Sign in', 4, 2],
  ['/sign-up', 'Sign up', 0, 1],
];

export const PAGES: readonly SitePage[] = PAGE_ROWS.map(([path, title]) => ({
  path,
  url: `${SITE_ORIGIN}${path}`,
  title,
}));
export const LANDING_PAGE_WEIGHTS = PAGE_ROWS.map(([, , landing], i) => [PAGES[i] as SitePage, landing] as const);
export const NAVIGATION_PAGE_WEIGHTS = PAGE_ROWS.map(
  ([, , , navigation], i) => [PAGES[i] as SitePage, navigation] as const,
);

export function pageByPath(path: string): SitePage {
  const page = PAGES.find((p) => p.path === path);
  if (!page) throw new Error(`unknown page ${path}`);
  return page;
}

/** document.referrer of a landing page; '' is a direct visit. X/Twitter links arrive through t.co. */
export const REFERRER_WEIGHTS = [
  ['https://www.google.com/', 34],
  ['', 30],
  ['https://github.com/', 10],
  ['https://t.co/', 7],
  ['https://www.producthunt.com/', 7],
  ['https://news.ycombinator.com/', 6],
  ['https://www.reddit.com/', 6],
] as const;

export interface ClickTarget {
  selector: string;
  tagName: string;
  text?: string;
  href?: string;
}

export const CLICK_TARGET_WEIGHTS: readonly (readonly [ClickTarget, number])[] = [
  [{ selector: 'button[data-action="get-started"]', tagName: 'button', text: 'Get started' }, 10],
  [{ selector: 'nav a[href="/pricing"]', tagName: 'a', text: 'Pricing', href: '/pricing' }, 8],
  [{ selector: 'nav a[href="/docs"]', tagName: 'a', text: 'Docs', href: '/docs' }, 8],
  [{ selector: 'button#copy-api-key', tagName: 'button', text: 'Copy' }, 6],
  [{ selector: 'button.invite-member', tagName: 'button', text: 'Invite member' }, 5],
  [{ selector: 'a.github-link', tagName: 'a', text: 'GitHub', href: 'https://github.com/example/sdk' }, 4],
  [{ selector: 'button#export-csv', tagName: 'button', text: 'Export CSV' }, 3],
  [{ selector: 'input#search', tagName: 'input' }, 6],
];

export interface Device {
  screenWidth: number;
  screenHeight: number;
  viewportWidth: number;
  viewportHeight: number;
}

type DeviceRow = readonly [
  screenWidth: number,
  screenHeight: number,
  viewportWidth: number,
  viewportHeight: number,
  weight: number,
];

// Common desktop and phone screens; viewports leave room for browser chrome.
const DEVICE_ROWS: readonly DeviceRow[] = [
  [1920, 1080, 1903, 969, 30],
  [1536, 864, 1519, 730, 14],
  [1440, 900, 1440, 789, 14],
  [2560, 1440, 2543, 1309, 8],
  [1280, 800, 1280, 689, 6],
  [390, 844, 390, 664, 16],
  [414, 896, 414, 715, 8],
  [360, 800, 360, 652, 4],
];

export const DEVICE_WEIGHTS = DEVICE_ROWS.map(
  ([screenWidth, screenHeight, viewportWidth, viewportHeight, weight]) =>
    [{ screenWidth, screenHeight, viewportWidth, viewportHeight } satisfies Device, weight] as const,
);
