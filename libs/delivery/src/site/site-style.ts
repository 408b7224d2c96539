import { createHash } from 'node:crypto';

/**
 * The story page's stylesheet, inline: one request less, and its hash lets the
 * page's Content-Security-Policy allow exactly this style and nothing else.
 * One column up to 44rem, system fonts, readable on a phone.
 */
export const SITE_CSS = `
:root{color-scheme:light;--ink:#1b1f24;--muted:#5b6470;--line:#d9dde3;--accent:#0a5a8c;--warn:#fff4d6}
*{box-sizing:border-box}
body{margin:0;font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fff}
header.site,main,footer.site{max-width:44rem;margin:0 auto;padding:0 1rem}
header.site{border-bottom:1px solid var(--line);padding-block:.75rem}
header.site .brand{margin:0;font-weight:700;letter-spacing:.02em}
.preview{background:var(--warn);border-bottom:1px solid #e6c45c;padding:.5rem 1rem;text-align:center;font-weight:600}
.section-name{margin:1.25rem 0 0;font-size:.875rem;text-transform:uppercase;letter-spacing:.06em;color:var(--accent)}
.kicker{margin:.5rem 0 0;font-weight:600;color:var(--muted)}
h1{margin:.25rem 0 .5rem;font-size:clamp(1.6rem,5vw,2.25rem);line-height:1.2}
.meta{margin:0 0 1rem;font-size:.9rem;color:var(--muted)}
.lead{font-size:1.15rem;font-weight:600}
figure{margin:1.25rem 0}
img{display:block;max-width:100%;height:auto;background:#eef0f3}
figcaption{font-size:.875rem;color:var(--muted);margin-top:.4rem}
.credit{display:block;font-size:.8rem}
h2{font-size:1.3rem;line-height:1.3;margin:1.75rem 0 .5rem}
h3{font-size:1.1rem;margin:1.5rem 0 .5rem}
blockquote{margin:1.25rem 0;padding-left:1rem;border-left:4px solid var(--accent);font-style:italic}
a{color:var(--accent)}
.corrections{margin:2rem 0;padding:1rem;background:#f5f6f8;border-left:4px solid var(--muted)}
.corrections h2{margin-top:0;font-size:1rem}
.more{margin:2.5rem 0;border-top:2px solid var(--ink);padding-top:1rem}
.more h2{margin-top:0;font-size:1.05rem}
.more ul{list-style:none;margin:0;padding:0}
.more li{display:flex;gap:.75rem;padding:.75rem 0;border-bottom:1px solid var(--line)}
.more li img{width:6.5rem;flex:none}
.more .date{font-size:.85rem;color:var(--muted)}
.more h3{margin:.1rem 0;font-size:1rem}
.more p{margin:.2rem 0;font-size:.95rem}
footer.site{border-top:1px solid var(--line);padding-block:1rem;color:var(--muted);font-size:.875rem}
@media (max-width:30rem){.more li img{width:4.5rem}}
`.trim();

/** For `style-src` of the page's Content-Security-Policy. */
export const SITE_CSS_HASH = `'sha256-${createHash('sha256').update(SITE_CSS).digest('base64')}'`;
