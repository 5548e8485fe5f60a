/** The app's version, from package.json at build time (renderer/vite.config.ts `define`). */
declare const __APP_VERSION__: string;

export const APP_VERSION: string = __APP_VERSION__;
export const SOFTWARE = `JSNA Workbench ${APP_VERSION}`;
