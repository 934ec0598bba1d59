// Renders an article as a realistic news web page (about 100 KB): everything a real outlet wraps
// around the story — CSS, analytics and ad scripts, JSON-LD, navigation, ticker, sidebars, ad
// slots, share buttons, comments, footer. Used by extraction tests, replay tests and benchmarks,
// so it must stay free of test-runner imports and fully deterministic (seeded by url and title).

import { escapeHtml } from '../shared/util/escape-html.ts';

export interface NewsPageArticle {
  title: string;
  /** Plain text; FA-KES content is one long line, split here into paragraphs of ~3 sentences. */
  content: string;
  /** Outlet id ("reuters", "sana", ...); picks the template and the outlet's name. */
  source: string;
  /** ISO yyyy-mm-dd or full ISO date-time, or null when the page states no date. */
  date: string | null;
  url: string;
  byline?: string;
}

type TemplateId = 'wire' | 'portal' | 'agency';

interface Outlet {
  name: string;
  template: TemplateId;
}

const OUTLETS: Record<string, Outlet> = {
  reuters: { name: 'Reuters', template: 'wire' },
  trt: { name: 'TRT World', template: 'wire' },
  dailysabah: { name: 'Daily Sabah', template: 'wire' },
  jordantimes: { name: 'The Jordan Times', template: 'wire' },
  alaraby: { name: 'The New Arab', template: 'portal' },
  arabiya: { name: 'Al Arabiya English', template: 'portal' },
  asharqalawsat: { name: 'Asharq Al-Awsat', template: 'portal' },
  alalam: { name: 'Al-Alam News Network', template: 'portal' },
  manar: { name: 'Al-Manar TV', template: 'portal' },
  ahram: { name: 'Ahram Online', template: 'portal' },
  etilaf: {
    name: 'National Coalition of Syrian Revolution and Opposition Forces',
    template: 'agency',
  },
  tass: { name: 'TASS', template: 'agency' },
  sputnik: { name: 'Sputnik International', template: 'agency' },
  sana: { name: 'Syrian Arab News Agency', template: 'agency' },
  nna: { name: 'National News Agency', template: 'agency' },
};

const TEMPLATES: TemplateId[] = ['wire', 'portal', 'agency'];

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

function hash32(s: string): number {
  // FNV-1a: stable across runs and platforms.
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

interface Rng {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    // mulberry32
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick from empty list');
      return item;
    },
    chance: (p) => next() < p,
  };
}

// ---------------------------------------------------------------------------------------------
// Escaping and text

const esc = escapeHtml;

/** JSON safe inside <script>: no `</script>` or `<!--` can appear. */
function scriptJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'story'
  );
}

/** Sentences of a one-line text; keeps abbreviations like "U.S." together. */
function sentences(text: string): string[] {
  const parts = text
    .replace(/\s+/g, ' ')
    .trim()
    .split(/(?<=[.!?]["'\u201d]?)\s+(?=["'\u201c]?[A-Z0-9])/);
  const out: string[] = [];
  for (const p of parts) {
    const prev = out[out.length - 1];
    // "U.S. officials" and "Mr. Assad" split wrongly; glue back short fragments.
    if (
      prev !== undefined &&
      (/\b[A-Z]\.$|\b(?:Mr|Mrs|Dr|Gen|Col|Lt|St|No)\.$/.test(prev) || prev.length < 20)
    ) {
      out[out.length - 1] = `${prev} ${p}`;
    } else {
      out.push(p);
    }
  }
  return out.filter((s) => s.length > 0);
}

/** Paragraphs of 2-4 sentences (mostly 3). */
function splitParagraphs(text: string, r: Rng): string[] {
  const ss = sentences(text);
  const paras: string[] = [];
  let i = 0;
  while (i < ss.length) {
    const n = r.pick([2, 3, 3, 3, 4]);
    paras.push(ss.slice(i, i + n).join(' '));
    i += n;
  }
  return paras;
}

const PLACES = [
  'Aleppo',
  'Idlib',
  'Raqqa',
  'Deir ez-Zor',
  'Homs',
  'Hama',
  'Daraa',
  'eastern Ghouta',
  'Manbij',
  'Afrin',
  'Palmyra',
  'Hasaka',
  'Qamishli',
  'Latakia',
  'Douma',
  'Mosul',
  'Beirut',
  'Amman',
  'Ankara',
  'Geneva',
  'Astana',
  'Moscow',
  'Washington',
];
const ACTORS = [
  'UN envoy',
  'Rebel commanders',
  'Government forces',
  'Kurdish-led fighters',
  'Aid agencies',
  'The Syrian Observatory',
  'Russian officials',
  'Turkish troops',
  'The coalition',
  'Opposition negotiators',
  'Civil defence workers',
  'Health officials',
  'The World Food Programme',
  'Residents',
  'Foreign ministers',
];
const VERBS = [
  'warn of',
  'report',
  'call for',
  'reject',
  'prepare for',
  'deny',
  'welcome',
  'condemn',
  'push for',
  'brace for',
  'discuss',
  'confirm',
];
const OBJECTS = [
  'new ceasefire talks',
  'fresh displacement',
  'an offensive',
  'aid convoy delays',
  'water shortages',
  'a prisoner exchange',
  'border crossing closures',
  'renewed shelling',
  'evacuation plans',
  'reconstruction funds',
  'a humanitarian corridor',
  'winter fuel shortages',
  'election preparations',
  'hospital closures',
];
const OTHER_TOPICS = [
  'Oil prices edge higher as supply concerns persist',
  'Central bank holds rates steady amid inflation worries',
  'Football: league leaders held to a draw in derby',
  'Tech giant unveils new smartphone line-up',
  'Heatwave grips southern Europe as temperatures soar',
  'Tourism rebounds as flights resume to coastal resorts',
  'Stock markets close mixed after volatile session',
  'Film festival opens with record number of entries',
  'Parliament debates new budget proposal',
  'Scientists report breakthrough in battery research',
  'Wildfires force evacuations in several villages',
  'Airline announces new routes to the Gulf',
];
const FIRST_NAMES = [
  'Ahmad',
  'Sarah',
  'Omar',
  'Lena',
  'John',
  'Maria',
  'Yusuf',
  'Dmitry',
  'Nour',
  'Karim',
  'Emily',
  'Hassan',
  'Olga',
  'Tarek',
  'Rania',
  'Mehmet',
];
const LAST_NAMES = [
  'Haddad',
  'Collins',
  'Khalil',
  'Petrova',
  'Yilmaz',
  'Nasser',
  'Brooks',
  'Aziz',
  'Ivanov',
  'Saleh',
  'Morgan',
  'Darwish',
  'Kaya',
  'Fares',
];
const COMMENT_OPENERS = [
  'This is heartbreaking.',
  'Where is the international community?',
  'Thank you for reporting this.',
  'I do not trust these numbers at all.',
  'Every side in this war has blood on its hands.',
  'My family lives near there and they say it was much worse.',
  'How many more have to die before anything changes?',
  'Good article, but it leaves out important context.',
  'The media only covers this when it suits them.',
  'Praying for the people of Syria.',
];
const COMMENT_TAILS = [
  'Nobody in the West seems to care anymore, and the politicians only talk.',
  'The article should mention who controls the area and who benefits from the fighting.',
  'We saw the same story last year and nothing was done then either.',
  'I hope the reporters keep following this instead of moving on tomorrow.',
  'People need food, medicine and safety, not more speeches and conferences.',
  'Independent investigators should be allowed in before the evidence disappears.',
  'Both sides keep using civilians as shields and then blame each other.',
  'It is easy to comment from far away; the people there have no choice.',
];

function headline(r: Rng): string {
  return `${r.pick(ACTORS)} ${r.pick(VERBS)} ${r.pick(OBJECTS)} in ${r.pick(PLACES)}`;
}

function teaser(r: Rng): string {
  const place = r.pick(PLACES);
  const n = r.int(3, 40);
  return r.pick([
    `${r.pick(ACTORS)} said on ${r.pick(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'])} that the situation in ${place} remained tense after days of clashes, with at least ${n} families forced to leave their homes.`,
    `Talks in ${r.pick(PLACES)} ended without agreement as delegations traded accusations over violations of the truce around ${place}.`,
    `Officials in ${place} say supplies of bread and fuel are running low, and aid groups warn of a worsening crisis over the coming weeks.`,
    `A convoy of ${n} trucks carrying food and medical supplies reached ${place}, the first delivery in more than a month, according to the UN.`,
    `Analysts say the fighting around ${place} could reshape the balance of power in the region ahead of the next round of negotiations.`,
  ]);
}

function personName(r: Rng): string {
  return `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`;
}

// ---------------------------------------------------------------------------------------------
// Page furniture

interface Ctx {
  r: Rng;
  /** Class-name prefix of the template, e.g. "rtr-", so templates differ in markup vocabulary. */
  p: string;
  t: TemplateId;
  origin: string;
  outlet: Outlet;
  sourceId: string;
}

const SECTIONS = [
  'World',
  'Middle East',
  'Syria',
  'Iraq',
  'Turkey',
  'Business',
  'Markets',
  'Politics',
  'Opinion',
  'Sport',
  'Culture',
  'Technology',
  'Health',
  'Science',
  'Video',
  'Pictures',
];

const CSS_COMPONENTS = [
  'header',
  'nav',
  'nav__item',
  'nav__link',
  'ticker',
  'ticker__item',
  'article',
  'article__title',
  'article__byline',
  'article__date',
  'article__body',
  'article__figure',
  'sidebar',
  'card',
  'card__title',
  'card__teaser',
  'most-read',
  'most-read__item',
  'ad-slot',
  'share',
  'share__button',
  'comments',
  'comment',
  'comment__author',
  'comment__body',
  'footer',
  'footer__col',
  'footer__link',
  'newsletter',
  'breadcrumbs',
  'tag',
  'btn',
  'modal',
  'cookie-banner',
];

const CSS_COLORS = [
  '#111',
  '#222',
  '#333',
  '#555',
  '#767676',
  '#d0021b',
  '#fa6400',
  '#0a58ca',
  '#fff',
  '#f4f4f4',
  '#e5e5e5',
];

function cssProps(r: Rng): string {
  const list = [
    `color:${r.pick(CSS_COLORS)}`,
    `background-color:${r.pick(CSS_COLORS)}`,
    `margin:${r.int(0, 32)}px ${r.pick(['0', 'auto', `${r.int(0, 24)}px`])}`,
    `padding:${r.int(0, 24)}px ${r.int(0, 24)}px`,
    `font-size:${r.pick(['.75rem', '.875rem', '1rem', '1.125rem', '1.5rem', '2rem', '14px', '16px'])}`,
    `line-height:${r.pick(['1.2', '1.4', '1.5', '1.6', '24px'])}`,
    `display:${r.pick(['block', 'flex', 'grid', 'inline-block', 'none'])}`,
    `border-bottom:1px solid ${r.pick(CSS_COLORS)}`,
    `font-family:${r.pick(['"Source Sans Pro",Helvetica,Arial,sans-serif', 'Georgia,"Times New Roman",serif', 'var(--font-sans)', 'Roboto,-apple-system,BlinkMacSystemFont,"Segoe UI",sans-serif'])}`,
    `transition:${r.pick(['color .2s ease', 'opacity .3s ease-in-out', 'transform .25s cubic-bezier(.4,0,.2,1)'])}`,
    `grid-template-columns:repeat(${r.int(2, 4)},minmax(0,1fr))`,
    `box-shadow:0 ${r.int(1, 4)}px ${r.int(2, 12)}px rgba(0,0,0,.${r.int(5, 30)})`,
    `text-transform:${r.pick(['uppercase', 'none'])}`,
    `letter-spacing:${r.pick(['.02em', '.05em', '0'])}`,
    `max-width:${r.pick(['1200px', '100%', '680px', '300px', 'calc(100% - 32px)'])}`,
  ];
  const n = r.int(2, 6);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(r.pick(list));
  return out.join(';');
}

function cssRule(ctx: Ctx): string {
  const { r, p } = ctx;
  const c = r.pick(CSS_COMPONENTS);
  const sel = r.pick([
    `.${p}${c}`,
    `.${p}${c}:hover`,
    `.${p}${c} a`,
    `.${p}${c}>.${p}${r.pick(CSS_COMPONENTS)}`,
    `.${p}${c}--${r.pick(['active', 'large', 'compact', 'dark', 'featured'])}`,
    `.${p}${c} .${p}${r.pick(CSS_COMPONENTS)}:not(:last-child)`,
    `[data-${p}${c}="true"]`,
    `.${p}${c}::before`,
  ]);
  return `${sel}{${cssProps(r)}}`;
}

function css(ctx: Ctx, blocks: number): string[] {
  const { r, p } = ctx;
  const out: string[] = [];
  for (let b = 0; b < blocks; b++) {
    const parts: string[] = [];
    if (b === 0) {
      parts.push(
        `:root{--font-sans:"Source Sans Pro",Helvetica,Arial,sans-serif;--c-brand:${r.pick(CSS_COLORS)};--c-text:#222;--gutter:16px;--max:1200px}`,
        '*,*::before,*::after{box-sizing:border-box}html{-webkit-text-size-adjust:100%}body{margin:0;font-family:var(--font-sans);color:var(--c-text);background:#fff}',
        `@font-face{font-family:"Source Sans Pro";font-style:normal;font-weight:400;font-display:swap;src:url(${ctx.origin}/static/fonts/ssp-regular.woff2) format("woff2"),url(${ctx.origin}/static/fonts/ssp-regular.woff) format("woff")}`,
        `@font-face{font-family:"Source Sans Pro";font-style:normal;font-weight:700;font-display:swap;src:url(${ctx.origin}/static/fonts/ssp-bold.woff2) format("woff2")}`,
        `@keyframes ${p}ticker-scroll{0%{transform:translateX(0)}100%{transform:translateX(-50%)}}`,
        'img{max-width:100%;height:auto}a{color:inherit;text-decoration:none}a:hover{text-decoration:underline}',
      );
    }
    const n = r.int(95, 135);
    for (let i = 0; i < n; i++) parts.push(cssRule(ctx));
    const inner: string[] = [];
    for (let i = 0; i < 10; i++) inner.push(cssRule(ctx));
    parts.push(`@media (min-width:${r.pick([600, 768, 1024, 1280])}px){${inner.join('')}}`);
    parts.push(
      `@media print{.${p}ad-slot,.${p}share,.${p}comments,.${p}nav{display:none!important}}`,
    );
    parts.push(`@supports (display:grid){.${p}sidebar{display:grid;grid-gap:var(--gutter)}}`);
    out.push(parts.join('\n'));
  }
  return out;
}

const ICONS: Record<string, string> = {
  facebook:
    '<path d="M22 12a10 10 0 1 0-11.6 9.9v-7H7.9V12h2.5V9.8c0-2.5 1.5-3.9 3.8-3.9 1.1 0 2.2.2 2.2.2v2.5h-1.3c-1.2 0-1.6.8-1.6 1.6V12h2.8l-.4 2.9h-2.4v7A10 10 0 0 0 22 12z"/>',
  twitter:
    '<path d="M18.2 2.3h3.4l-7.4 8.4 8.7 11.5h-6.8l-5.3-7-6.1 7H1.3l7.9-9L.8 2.3h7l4.8 6.4 5.6-6.4zm-1.2 17.9h1.9L7.1 4.2H5.1l11.9 16z"/>',
  whatsapp:
    '<path d="M12 2a10 10 0 0 0-8.6 15.1L2 22l5-1.3A10 10 0 1 0 12 2zm5.3 14.1c-.2.6-1.3 1.2-1.8 1.2-.5.1-1 .2-3.3-.7-2.8-1.1-4.6-4-4.7-4.2-.1-.2-1.1-1.5-1.1-2.8s.7-2 1-2.3c.2-.3.5-.3.7-.3h.5c.2 0 .4 0 .6.5l.9 2.1c.1.2.1.3 0 .5l-.4.5-.3.4c-.1.1-.3.3-.1.6.2.3.7 1.2 1.6 1.9 1.1 1 2 1.3 2.3 1.4.3.2.5.1.6-.1l.9-1c.2-.3.4-.2.6-.1l2 1c.3.1.5.2.5.3.1.2.1.7-.1 1.3z"/>',
  telegram:
    '<path d="M9.8 15.6l-.4 5.5c.6 0 .8-.3 1.1-.6l2.7-2.6 5.6 4.1c1 .6 1.8.3 2-1l3.7-17.2c.3-1.5-.6-2.1-1.6-1.7L1.3 10.1c-1.5.6-1.5 1.4-.3 1.8l5.6 1.7L19.5 5.5c.6-.4 1.2-.2.7.2"/>',
  email:
    '<rect x="2" y="4" width="20" height="16" rx="2"/><path d="M22 6l-10 7L2 6" fill="none" stroke="currentColor" stroke-width="2"/>',
  print:
    '<path d="M6 9V2h12v7"/><rect x="6" y="14" width="12" height="8"/><path d="M6 18H4a2 2 0 0 1-2-2v-5a2 2 0 0 1 2-2h16a2 2 0 0 1 2 2v5a2 2 0 0 1-2 2h-2"/>',
  search:
    '<circle cx="11" cy="11" r="7" fill="none" stroke="currentColor" stroke-width="2"/><line x1="21" y1="21" x2="16.6" y2="16.6" stroke="currentColor" stroke-width="2"/>',
  menu: '<line x1="3" y1="6" x2="21" y2="6"/><line x1="3" y1="12" x2="21" y2="12"/><line x1="3" y1="18" x2="21" y2="18"/>',
};

function icon(name: string, p: string): string {
  return `<svg class="${p}icon ${p}icon--${name}" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">${ICONS[name] ?? ''}</svg>`;
}

function navigation(ctx: Ctx): string {
  const { r, p, origin } = ctx;
  const cols = SECTIONS.map((s) => {
    const subs: string[] = [];
    const n = r.int(4, 8);
    for (let i = 0; i < n; i++) {
      const label = r.pick([
        ...PLACES,
        'Analysis',
        'Explainers',
        'Live',
        'Podcasts',
        'Interviews',
        'Features',
        'Data',
      ]);
      subs.push(
        `<li class="${p}nav__sub-item"><a class="${p}nav__sub-link" href="${origin}/${slug(s)}/${slug(label)}/">${esc(label)}</a></li>`,
      );
    }
    return `<li class="${p}nav__item" data-section="${slug(s)}"><a class="${p}nav__link" href="${origin}/${slug(s)}/">${esc(s)}</a><ul class="${p}nav__submenu">${subs.join('')}</ul></li>`;
  });
  const langs = ['English', 'العربية', 'Türkçe', 'Français', 'Русский'];
  return `<header class="${p}header" role="banner">
<div class="${p}header__top"><a class="${p}skip-link" href="#main-content">Skip to main content</a>
<ul class="${p}header__langs">${langs.map((l) => `<li><a href="${origin}/${slug(l) || 'ar'}/" hreflang="xx">${esc(l)}</a></li>`).join('')}</ul>
<div class="${p}header__date">${esc(r.pick(['Live updates', 'Breaking coverage', 'Latest news']))}</div>
<a class="${p}header__subscribe" href="${origin}/subscribe/">Subscribe</a> <a class="${p}header__login" href="${origin}/account/login/">Sign in</a></div>
<div class="${p}header__main"><button class="${p}header__menu-btn" type="button" aria-label="Open menu">${icon('menu', p)}</button>
<a class="${p}logo" href="${origin}/" aria-label="${esc(ctx.outlet.name)} homepage"><svg class="${p}logo__svg" viewBox="0 0 160 32" width="160" height="32" role="img"><title>${esc(ctx.outlet.name)}</title><rect width="32" height="32" rx="4"/><path d="M8 8h16v4H8zM8 14h16v4H8zM8 20h10v4H8z" fill="#fff"/></svg></a>
<form class="${p}search" action="${origin}/search/" role="search"><label for="${p}q" class="${p}sr-only">Search</label><input id="${p}q" name="q" type="search" placeholder="Search ${esc(ctx.outlet.name)}"><button type="submit" aria-label="Search">${icon('search', p)}</button></form></div>
<nav class="${p}nav" role="navigation" aria-label="Main"><ul class="${p}nav__list">${cols.join('\n')}</ul></nav>
</header>`;
}

function ticker(ctx: Ctx): string {
  const { r, p, origin } = ctx;
  const items: string[] = [];
  const n = r.int(6, 10);
  for (let i = 0; i < n; i++) {
    const h = headline(r);
    items.push(
      `<li class="${p}ticker__item"><span class="${p}ticker__time">${String(r.int(0, 23)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}</span> <a href="${origin}/news/${slug(h)}-${r.int(1000, 9999)}/">${esc(h)}</a></li>`,
    );
  }
  return `<div class="${p}ticker" role="region" aria-label="Breaking news"><span class="${p}ticker__label">Breaking</span><ul class="${p}ticker__list">${items.join('')}</ul></div>`;
}

function adSlot(ctx: Ctx, name: string, w: number, h: number): string {
  const { p, r } = ctx;
  return `<!-- ad slot: ${name} --><div class="${p}ad-slot ${p}ad-slot--${name}" id="ad-${name}-${r.int(100, 999)}" data-ad-unit="/${r.int(1000000, 9999999)}/${ctx.sourceId}/${name}" data-sizes="[[${w},${h}]]" style="min-height:${h}px;width:${w}px;margin:0 auto"><span class="${p}ad-slot__label">Advertisement</span></div>`;
}

function mostRead(ctx: Ctx): string {
  const { r, p, origin } = ctx;
  const items: string[] = [];
  for (let i = 1; i <= 10; i++) {
    const h = r.chance(0.3) ? r.pick(OTHER_TOPICS) : headline(r);
    items.push(
      `<li class="${p}most-read__item"><span class="${p}most-read__rank">${i}</span><a class="${p}most-read__link" href="${origin}/news/${slug(h)}-${r.int(10000, 99999)}/">${esc(h)}</a></li>`,
    );
  }
  return `<section class="${p}most-read" aria-labelledby="${p}most-read-title"><h2 id="${p}most-read-title" class="${p}section-title">Most Read</h2><ol class="${p}most-read__list">${items.join('\n')}</ol></section>`;
}

function related(ctx: Ctx, n: number, title: string): string {
  const { r, p, origin } = ctx;
  const cards: string[] = [];
  for (let i = 0; i < n; i++) {
    const h = headline(r);
    const href = `${origin}/news/${slug(h)}-${r.int(10000, 99999)}/`;
    cards.push(
      `<article class="${p}card"><a class="${p}card__media" href="${href}" tabindex="-1"><img src="${origin}/images/${r.int(100000, 999999)}_320x180.jpg" alt="" width="320" height="180" loading="lazy"></a><div class="${p}card__content"><span class="${p}card__kicker">${esc(r.pick(SECTIONS))}</span><h3 class="${p}card__title"><a href="${href}">${esc(h)}</a></h3><p class="${p}card__teaser">${esc(teaser(r))}</p><time class="${p}card__time">${r.int(1, 23)} hours ago</time></div></article>`,
    );
  }
  return `<section class="${p}related" aria-label="${esc(title)}"><h2 class="${p}section-title">${esc(title)}</h2><div class="${p}related__grid">${cards.join('\n')}</div></section>`;
}

function shareBar(ctx: Ctx, url: string, title: string): string {
  const { p } = ctx;
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  const links: Array<[string, string]> = [
    ['facebook', `https://www.facebook.com/sharer/sharer.php?u=${u}`],
    ['twitter', `https://twitter.com/intent/tweet?url=${u}&text=${t}`],
    ['whatsapp', `https://api.whatsapp.com/send?text=${t}%20${u}`],
    ['telegram', `https://t.me/share/url?url=${u}&text=${t}`],
    ['email', `mailto:?subject=${t}&body=${u}`],
  ];
  return `<div class="${p}share" role="group" aria-label="Share this article">${links
    .map(
      ([n, href]) =>
        `<a class="${p}share__button ${p}share__button--${n}" href="${esc(href)}" target="_blank" rel="noopener noreferrer" aria-label="Share on ${n}">${icon(n, p)}</a>`,
    )
    .join(
      '',
    )}<button class="${p}share__button ${p}share__button--print" type="button" onclick="window.print()" aria-label="Print">${icon('print', p)}</button></div>`;
}

function comments(ctx: Ctx): string {
  const { r, p } = ctx;
  const n = r.int(4, 9);
  const items: string[] = [];
  for (let i = 0; i < n; i++) {
    const author = r.chance(0.3)
      ? `${r.pick(FIRST_NAMES).toLowerCase()}${r.int(1, 99)}`
      : personName(r);
    const text = `${r.pick(COMMENT_OPENERS)} ${r.pick(COMMENT_TAILS)}${r.chance(0.5) ? ` ${r.pick(COMMENT_TAILS)}` : ''}`;
    items.push(
      `<li class="${p}comment" id="comment-${r.int(100000, 999999)}"><div class="${p}comment__meta"><img class="${p}comment__avatar" src="${ctx.origin}/avatars/${r.int(1, 500)}.png" alt="" width="32" height="32"><span class="${p}comment__author">${esc(author)}</span> <time class="${p}comment__time">${r.int(1, 59)} minutes ago</time></div><div class="${p}comment__body"><p>${esc(text)}</p></div><div class="${p}comment__actions"><button type="button" class="${p}btn ${p}btn--link">Reply</button> <button type="button" class="${p}btn ${p}btn--link">Like (${r.int(0, 120)})</button> <button type="button" class="${p}btn ${p}btn--link">Report</button></div></li>`,
    );
  }
  return `<section class="${p}comments" id="comments" aria-label="Comments"><h2 class="${p}section-title">${n} Comments</h2><form class="${p}comments__form" action="/comments/post" method="post"><textarea name="body" rows="3" placeholder="Join the discussion..."></textarea><button type="submit" class="${p}btn">Post comment</button></form><ol class="${p}comments__list">${items.join('\n')}</ol><p class="${p}comments__policy">Comments are moderated. Please read our <a href="/community-guidelines/">community guidelines</a> before posting.</p></section>`;
}

function footer(ctx: Ctx): string {
  const { r, p, origin } = ctx;
  const groups: Array<[string, string[]]> = [
    ['Sections', SECTIONS],
    [
      'About',
      [
        'About us',
        'Careers',
        'Code of ethics',
        'Corrections',
        'Contact us',
        'Advertise with us',
        'Press office',
      ],
    ],
    [
      'Follow us',
      [
        'Facebook',
        'Twitter',
        'Instagram',
        'YouTube',
        'Telegram',
        'RSS feeds',
        'Newsletters',
        'Podcasts',
      ],
    ],
    [
      'Legal',
      [
        'Terms of use',
        'Privacy policy',
        'Cookie policy',
        'Cookie settings',
        'Accessibility',
        'Sitemap',
      ],
    ],
  ];
  const cols = groups.map(
    ([h, links]) =>
      `<div class="${p}footer__col"><h3 class="${p}footer__heading">${esc(h)}</h3><ul class="${p}footer__list">${links.map((l) => `<li><a class="${p}footer__link" href="${origin}/${slug(l)}/">${esc(l)}</a></li>`).join('')}</ul></div>`,
  );
  return `<footer class="${p}footer" role="contentinfo"><div class="${p}newsletter"><h3>Get the ${esc(ctx.outlet.name)} daily briefing</h3><p>The top stories of the day, in your inbox every morning.</p><form action="${origin}/newsletter/subscribe" method="post"><input type="email" name="email" placeholder="Your email address" required> <button type="submit" class="${p}btn">Sign up</button></form></div><div class="${p}footer__cols">${cols.join('\n')}</div><p class="${p}footer__copy">&copy; ${r.int(2016, 2019)} ${esc(ctx.outlet.name)}. All rights reserved. Reproduction without permission is prohibited.</p></footer>`;
}

function headScripts(ctx: Ctx, article: NewsPageArticle, paras: string[]): string {
  const { r, p, origin } = ctx;
  const gtm = `GTM-${r.int(100000, 999999).toString(36).toUpperCase()}`;
  const ga = `UA-${r.int(1000000, 9999999)}-${r.int(1, 9)}`;
  const adsConfig = {
    network: r.int(1000000, 9999999),
    site: ctx.sourceId,
    section: r.pick(SECTIONS).toLowerCase(),
    targeting: { page: 'article', topic: ['syria', 'conflict', 'middle-east'], lang: 'en' },
    slots: ['leaderboard', 'mpu-1', 'mpu-2', 'native-1', 'billboard'].map((s) => ({
      id: s,
      sizes: [
        [728, 90],
        [300, 250],
        [970, 250],
      ],
      lazy: s !== 'leaderboard',
    })),
    prebid: { timeout: 1200, bidders: ['appnexus', 'rubicon', 'criteo', 'ix', 'pubmatic'] },
    consent: { tcf: true, gdprApplies: null },
  };
  const analytics = `(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src='https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer','${gtm}');
window.dataLayer = window.dataLayer || [];
function gtag(){dataLayer.push(arguments);}
gtag('js', new Date());
gtag('config', '${ga}', { anonymize_ip: true, page_type: 'article', content_group: '${ctx.sourceId}' });
window._sf_async_config = { uid: ${r.int(10000, 99999)}, domain: '${new URL(origin).hostname}', useCanonical: true, sections: 'world,middle-east', authors: ${scriptJson(article.byline ?? 'staff')} };
(function() { function loadChartbeat() { var e = document.createElement('script'); e.setAttribute('language', 'javascript'); e.setAttribute('type', 'text/javascript'); e.setAttribute('src', '//static.chartbeat.com/js/chartbeat.js'); document.body.appendChild(e); } var oldonload = window.onload; window.onload = (typeof window.onload != 'function') ? loadChartbeat : function() { oldonload(); loadChartbeat(); }; })();
!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?n.callMethod.apply(n,arguments):n.queue.push(arguments)};if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window,document,'script','https://connect.facebook.net/en_US/fbevents.js');
fbq('init', '${r.int(100000000, 999999999)}'); fbq('track', 'PageView');`;
  const parts = [
    `<script async src="https://www.googletagmanager.com/gtag/js?id=${ga}"></script>`,
    `<script>${analytics}</script>`,
    `<script>window.${p.replace(/-/g, '')}AdsConfig = ${scriptJson(adsConfig)};
window.googletag = window.googletag || { cmd: [] };
googletag.cmd.push(function () { var cfg = window.${p.replace(/-/g, '')}AdsConfig; cfg.slots.forEach(function (s) { if (s.id && document.getElementById('ad-' + s.id)) { googletag.defineSlot('/' + cfg.network + '/' + cfg.site + '/' + s.id, s.sizes, 'ad-' + s.id).addService(googletag.pubads()); } }); googletag.pubads().enableSingleRequest(); googletag.pubads().collapseEmptyDivs(); googletag.enableServices(); });</script>`,
    `<script async src="https://securepubads.g.doubleclick.net/tag/js/gpt.js"></script>`,
    `<script defer src="${origin}/static/js/vendor.${r.int(100000, 999999).toString(16)}.js"></script>`,
    `<script defer src="${origin}/static/js/main.${r.int(100000, 999999).toString(16)}.js"></script>`,
  ];
  if (ctx.t === 'wire') {
    // React-style sites ship the whole story again as hydration state.
    const state = {
      article: {
        id: r.int(1e8, 9e8),
        headline: article.title,
        url: article.url,
        published: article.date,
        authors: article.byline ? [{ name: article.byline }] : [],
        body: paras.map((text, i) => ({ type: 'paragraph', id: `p-${i}`, content: text })),
        tags: ['Syria', 'Middle East', 'Conflict'],
      },
      config: {
        env: 'production',
        cdn: `${origin}/static/`,
        features: { comments: true, paywall: false, liveblog: false },
      },
    };
    parts.push(`<script>window.__INITIAL_STATE__ = ${scriptJson(state)};</script>`);
  }
  return parts.join('\n');
}

function jsonLd(ctx: Ctx, a: NewsPageArticle, published: string | null): string {
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': a.url },
    headline: a.title,
    image: [`${ctx.origin}/images/${ctx.r.int(100000, 999999)}_1200x675.jpg`],
    publisher: {
      '@type': 'Organization',
      name: ctx.outlet.name,
      logo: { '@type': 'ImageObject', url: `${ctx.origin}/static/logo-600x60.png` },
    },
  };
  if (published) {
    data.datePublished = published;
    data.dateModified = published;
  }
  if (a.byline) data.author = [{ '@type': 'Person', name: a.byline }];
  return `<script type="application/ld+json">${scriptJson(data)}</script>`;
}

// ---------------------------------------------------------------------------------------------
// The page

function publishedIso(date: string | null, r: Rng): string | null {
  if (!date) return null;
  if (/T\d\d:\d\d/.test(date)) return date;
  const hh = String(r.int(5, 21)).padStart(2, '0');
  const mm = String(r.int(0, 59)).padStart(2, '0');
  return `${date}T${hh}:${mm}:00Z`;
}

function humanDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const months = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  return `${months[d.getUTCMonth()] ?? ''} ${d.getUTCDate()}, ${d.getUTCFullYear()} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')} GMT`;
}

function articleBody(ctx: Ctx, paras: string[], url: string): string {
  const { r, p, origin } = ctx;
  const out: string[] = [];
  paras.forEach((text, i) => {
    const cls =
      ctx.t === 'wire'
        ? ` class="${p}text ${p}article__paragraph" data-testid="paragraph-${i}"`
        : ctx.t === 'portal'
          ? ''
          : ` class="${p}text-block"`;
    out.push(`<p${cls}>${esc(text)}</p>`);
    if (i === 1) {
      out.push(
        `<figure class="${p}article__figure"><img src="${origin}/images/${r.int(100000, 999999)}_800x450.jpg" alt="" width="800" height="450"><figcaption class="${p}article__caption">File photo. (${esc(ctx.outlet.name)})</figcaption></figure>`,
      );
    }
    if (i === 2 && paras.length > 5) out.push(adSlot(ctx, 'mpu-1', 300, 250));
    if (i === 4 && ctx.t === 'portal' && r.chance(0.4)) {
      // Video embeds are the one kind of iframe Readability keeps.
      out.push(
        `<div class="${p}embed ${p}embed--video"><iframe width="560" height="315" src="https://www.youtube.com/embed/${r.int(1e9, 9e9).toString(36)}" title="YouTube video player" frameborder="0" allow="accelerometer; autoplay; encrypted-media; picture-in-picture" allowfullscreen></iframe></div>`,
      );
    }
    if (i === 3 && paras.length > 6 && ctx.t !== 'agency') {
      const h = headline(r);
      out.push(
        `<aside class="${p}read-more"><span>Read more:</span> <a href="${origin}/news/${slug(h)}/">${esc(h)}</a></aside>`,
      );
    }
  });
  void url;
  return out.join('\n');
}

/** The outlet a source id names; an unknown source gets a template by its hash. */
function outletFor(source: string): { sourceId: string; outlet: Outlet } {
  // Goes into URLs, attributes and script strings unescaped: keep it to a safe alphabet.
  const sourceId = source.toLowerCase().replace(/[^a-z0-9_-]/g, '') || 'news';
  const outlet = OUTLETS[sourceId] ?? {
    name: source || 'News',
    template: TEMPLATES[hash32(sourceId) % TEMPLATES.length] ?? 'wire',
  };
  return { sourceId, outlet };
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'https://news.example';
  }
}

/** What the head and the article's frame share. */
interface PageFacts {
  section: string;
  description: string;
  published: string | null;
}

function metaTags(ctx: Ctx, a: NewsPageArticle, f: PageFacts): string {
  const { r, origin, outlet, sourceId } = ctx;
  const { section, description, published } = f;
  return [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(a.title)} ${r.pick(['|', '-', '—'])} ${esc(outlet.name)}</title>`,
    `<meta name="description" content="${esc(description)}">`,
    `<meta name="keywords" content="Syria, war, ${esc(section)}, ${esc(r.pick(PLACES))}">`,
    `<link rel="canonical" href="${esc(a.url)}">`,
    `<meta property="og:type" content="article">`,
    `<meta property="og:title" content="${esc(a.title)}">`,
    `<meta property="og:description" content="${esc(description)}">`,
    `<meta property="og:url" content="${esc(a.url)}">`,
    `<meta property="og:site_name" content="${esc(outlet.name)}">`,
    `<meta property="og:image" content="${origin}/images/${r.int(100000, 999999)}_1200x675.jpg">`,
    '<meta name="twitter:card" content="summary_large_image">',
    `<meta name="twitter:site" content="@${esc(sourceId)}">`,
    `<meta property="article:section" content="${esc(section)}">`,
    published ? `<meta property="article:published_time" content="${published}">` : '',
    published ? `<meta property="article:modified_time" content="${published}">` : '',
    a.byline ? `<meta name="author" content="${esc(a.byline)}">` : '',
    `<link rel="icon" href="${origin}/favicon.ico" sizes="any">`,
    `<link rel="apple-touch-icon" href="${origin}/apple-touch-icon.png">`,
    `<link rel="preconnect" href="https://fonts.gstatic.com" crossorigin>`,
    `<link rel="preload" href="${origin}/static/fonts/ssp-regular.woff2" as="font" type="font/woff2" crossorigin>`,
    `<link rel="stylesheet" href="${origin}/static/css/main.${r.int(100000, 999999).toString(16)}.css">`,
    `<link rel="stylesheet" href="${origin}/static/css/article.${r.int(100000, 999999).toString(16)}.css" media="all">`,
    `<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Source+Sans+Pro:wght@400;700&display=swap">`,
    `<link rel="alternate" type="application/rss+xml" title="${esc(outlet.name)} - Middle East" href="${origin}/rss/middle-east.xml">`,
    `<link rel="amphtml" href="${esc(a.url)}?amp=1">`,
  ]
    .filter(Boolean)
    .join('\n');
}

function articleHeader(ctx: Ctx, a: NewsPageArticle, f: PageFacts): string {
  const { p, origin } = ctx;
  const { section, published } = f;
  const dateLine = published
    ? `<time class="${p}article__date" datetime="${published}">${esc(humanDate(published))}</time>`
    : '';
  const bylineLine = a.byline
    ? ctx.t === 'wire'
      ? `<div class="${p}article__byline"><span>By </span><a rel="author" href="${origin}/authors/${slug(a.byline)}/">${esc(a.byline)}</a></div>`
      : ctx.t === 'portal'
        ? `<div class="${p}article__author author"><span class="${p}author__name">${esc(a.byline)}</span></div>`
        : `<p class="${p}byline">By ${esc(a.byline)}</p>`
    : '';
  return `<header class="${p}article__header"><span class="${p}article__kicker">${esc(section)}</span><h1 class="${p}article__title">${esc(a.title)}</h1>${ctx.t === 'agency' ? `<div class="${p}article__meta">${dateLine}</div>${bylineLine}` : `${bylineLine}<div class="${p}article__meta">${dateLine} <span class="${p}article__reading-time">${Math.max(1, Math.round(a.content.split(/\s+/).length / 220))} min read</span></div>`}</header>`;
}

/** The page around the article: breadcrumbs, consent and paywall dialogs, tags. */
function pageChrome(ctx: Ctx, section: string) {
  const { r, p, origin, outlet } = ctx;
  const breadcrumbs = `<nav class="${p}breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="${origin}/">Home</a></li><li><a href="${origin}/${slug(section)}/">${esc(section)}</a></li></ol></nav>`;
  const cookie = `<template id="${p}cookie-banner-tpl"><div class="${p}cookie-banner" role="dialog" aria-label="Cookie consent"><p>We use cookies to improve your experience and to show you personalised advertising. By continuing you agree to our <a href="${origin}/cookie-policy/">cookie policy</a>.</p><button type="button" class="${p}btn">Accept all</button> <button type="button" class="${p}btn ${p}btn--secondary">Manage settings</button></div></template>`;
  const modal = `<div class="${p}modal" id="${p}paywall-modal" style="display:none" aria-hidden="true"><div class="${p}modal__inner"><h2>You have reached your limit of free articles</h2><p>Subscribe for unlimited access to award-winning journalism from ${esc(outlet.name)}.</p><a class="${p}btn" href="${origin}/subscribe/">Subscribe now</a></div></div>`;
  const gtmNoscript = `<noscript><iframe src="https://www.googletagmanager.com/ns.html?id=GTM-${r.int(100000, 999999)}" height="0" width="0" style="display:none;visibility:hidden"></iframe></noscript>`;
  const tags = `<div class="${p}tags"><span>Topics:</span> ${['Syria', 'Conflict', section, r.pick(PLACES)].map((t) => `<a class="${p}tag" href="${origin}/tag/${slug(t)}/">${esc(t)}</a>`).join(' ')}</div>`;
  return { breadcrumbs, cookie, modal, gtmNoscript, tags };
}

type Chrome = ReturnType<typeof pageChrome>;

function wireMain(ctx: Ctx, a: NewsPageArticle, header: string, body: string, c: Chrome): string {
  const { p, origin, outlet } = ctx;
  const { breadcrumbs, tags } = c;
  return `<main id="main-content" class="${p}main">${breadcrumbs}
<article class="${p}article" data-testid="Article">${header}
${shareBar(ctx, a.url, a.title)}
<div class="${p}article__body article-body__content" data-testid="ArticleBody">
${body}
<p class="${p}article__trust"><a href="${origin}/trust-principles/">Our Standards: The Trust Principles.</a></p>
</div>
${tags}
</article>
<aside class="${p}sidebar" aria-label="Sidebar">${adSlot(ctx, 'mpu-2', 300, 600)}${mostRead(ctx)}</aside>
${related(ctx, 6, 'Related Coverage')}
${related(ctx, 4, `More from ${outlet.name}`)}
</main>`;
}

function portalMain(ctx: Ctx, a: NewsPageArticle, header: string, body: string, c: Chrome): string {
  const { p } = ctx;
  const { breadcrumbs, tags } = c;
  return `<div class="${p}container"><div class="${p}row">
<div class="${p}col-main" id="main-content">${breadcrumbs}
<div class="${p}article-wrap"><div class="${p}article-header">${header}</div>
${shareBar(ctx, a.url, a.title)}
<div class="${p}wysiwyg ${p}wysiwyg--all-content">
${body}
</div>
${tags}
${shareBar(ctx, a.url, a.title)}
</div>
${related(ctx, 6, 'Related')}
${comments(ctx)}
</div>
<div class="${p}col-side">${adSlot(ctx, 'mpu-2', 300, 250)}${mostRead(ctx)}${related(ctx, 3, 'Editor\u2019s Picks')}${adSlot(ctx, 'half-page', 300, 600)}</div>
</div></div>`;
}

function agencyMain(ctx: Ctx, a: NewsPageArticle, header: string, body: string, c: Chrome): string {
  const { p } = ctx;
  const { breadcrumbs, tags } = c;
  return `<table class="${p}layout" width="100%" cellpadding="0" cellspacing="0" role="presentation"><tr>
<td class="${p}layout__main" valign="top" id="main-content">${breadcrumbs}
<div class="${p}news-item">${header}
<div class="${p}news-content" id="news-content">
${body}
</div>
${shareBar(ctx, a.url, a.title)}
${tags}
</div>
${comments(ctx)}
</td>
<td class="${p}layout__side" valign="top" width="320"><div class="${p}side-block">${mostRead(ctx)}</div><div class="${p}side-block">${related(ctx, 5, 'Latest News')}</div>${adSlot(ctx, 'side', 300, 250)}</td>
</tr></table>`;
}

export function renderNewsPage(a: NewsPageArticle): string {
  const r = rng(hash32(`${a.url}\u0000${a.title}`));
  const { sourceId, outlet } = outletFor(a.source);
  const origin = originOf(a.url);
  const p = { wire: 'rtr-', portal: 'pt-', agency: 'ag-' }[outlet.template];
  const ctx: Ctx = { r, p, t: outlet.template, origin, outlet, sourceId };
  const paras = splitParagraphs(a.content, r);
  const published = publishedIso(a.date, r);
  const description = (paras[0] ?? a.title).slice(0, 200);
  const styles = css(ctx, 3);
  const facts: PageFacts = {
    section: r.pick(['Middle East', 'World', 'Syria']),
    description,
    published,
  };
  const meta = metaTags(ctx, a, facts);
  const chrome = pageChrome(ctx, facts.section);
  const { modal, cookie, gtmNoscript } = chrome;
  const header = articleHeader(ctx, a, facts);
  const body = articleBody(ctx, paras, a.url);
  const layout = { wire: wireMain, portal: portalMain, agency: agencyMain }[ctx.t];
  const main = layout(ctx, a, header, body, chrome);

  return `<!DOCTYPE html>
<html lang="en" dir="ltr" class="no-js">
<head>
${meta}
<!--[if lt IE 9]><script src="${origin}/static/js/html5shiv.min.js"></script><![endif]-->
<style id="${p}critical-css">${styles[0] ?? ''}</style>
${jsonLd(ctx, a, published)}
${headScripts(ctx, a, paras)}
<style>${styles[1] ?? ''}</style>
</head>
<body class="${p}page ${p}page--article ${p}template-${ctx.t}">
${gtmNoscript}
${navigation(ctx)}
${ticker(ctx)}
${adSlot(ctx, 'leaderboard', 728, 90)}
${main}
${modal}
${cookie}
<style media="print">${styles[2] ?? ''}</style>
${footer(ctx)}
<script>document.documentElement.className = document.documentElement.className.replace('no-js', 'js');
(function () { var t = document.getElementById('${p}cookie-banner-tpl'); if (t && !document.cookie.match(/consent=1/)) { document.body.appendChild(t.content.cloneNode(true)); } })();</script>
<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>
</body>
</html>
`;
}
