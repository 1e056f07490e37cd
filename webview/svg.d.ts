// esbuild inlines our media/*.svg icons as text (loader '.svg': 'text' in scripts/build.mjs).
declare module '*.svg' {
  const text: string;
  export default text;
}
