import type { APIRoute } from 'astro';
import { collectionResponse } from '../data/annotations.ts';

/** Every note of the edition as a W3C Web Annotation collection (see src/data/annotations.ts). */
export const GET: APIRoute = ({ site }) => collectionResponse(site);
