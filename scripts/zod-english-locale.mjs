// Stands in for zod's locale index in every bundle (see zodEnglishOnly in build.mjs): English, zod's default
// and the only language the extension shows, is all that is kept.
export { default as en } from 'zod/v4/locales/en.js';
