/**
 * Open Graph and Twitter card metadata: what a link to a page shows when it is pasted. One list of
 * tags, used by the ShareMeta component on Astro pages and by the share pages of notes, which the
 * build writes without Astro (see src/integrations/share-pages.ts).
 */
import { SITE } from './site.ts';
import { OG_HEIGHT, OG_WIDTH } from './og-image.ts';

export interface Share {
  title: string;
  description: string;
  /** Absolute URL of the 1200 × 630 image. */
  image: string;
  imageAlt: string;
  type?: 'website' | 'article';
}

/** A meta tag: `property` (Open Graph) or `name` (Twitter), and its content. */
export interface MetaTag {
  attribute: 'property' | 'name';
  key: string;
  content: string;
}

/**
 * The tags for `share`, with `url` as og:url. A note's share page names its own address there,
 * not its canonical one, or unfurlers that follow og:url would read the article's metadata
 * instead; a page without an address of its own (the 404 page) has none.
 */
export function shareMetaTags(share: Share, url: string | undefined): MetaTag[] {
  const og = (key: string, content: string): MetaTag => ({ attribute: 'property', key: `og:${key}`, content });
  const twitter = (key: string, content: string): MetaTag => ({ attribute: 'name', key: `twitter:${key}`, content });
  return [
    og('site_name', SITE.title),
    og('type', share.type ?? 'website'),
    og('locale', 'en_GB'),
    ...(url ? [og('url', url)] : []),
    og('title', share.title),
    og('description', share.description),
    og('image', share.image),
    og('image:type', 'image/png'),
    og('image:width', String(OG_WIDTH)),
    og('image:height', String(OG_HEIGHT)),
    og('image:alt', share.imageAlt),
    twitter('card', 'summary_large_image'),
    twitter('title', share.title),
    twitter('description', share.description),
    twitter('image', share.image),
    twitter('image:alt', share.imageAlt),
  ];
}
