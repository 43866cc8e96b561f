/** Vite asset imports: `?url` gives the built file's URL. */
declare module '*?url' {
  const url: string;
  export default url;
}

/** Stylesheets imported for their side effect (Vite bundles them). */
declare module '*.css' {}
