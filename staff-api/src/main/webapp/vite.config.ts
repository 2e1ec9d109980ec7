import { defineConfig } from 'vite';
import { resolve } from 'node:path';
import { devBackend } from './scripts/dev-backend';

// The client is served by staff-api at / (same origin as the API). The build must produce index.html plus hashed
// files under /assets/ only: the server lets /assets/* through without sign-in and answers index.html for the app's
// routes. Nothing is inlined as data: URLs (fonts must come from 'self' under the strict Content-Security-Policy).
export default defineConfig(({ command }) => ({
    base: '/',
    resolve: {
        alias: {
            // dkfds' package.json "exports" only exposes its JS; its CSS, fonts and icons are reached through this alias.
            'dkfds-dist': resolve(__dirname, 'node_modules/dkfds/dist'),
        },
    },
    build: {
        outDir: process.env.SKP_CLIENT_OUT_DIR || 'dist',
        // SKP_CLIENT_OUT_DIR is META-INF/resources in the Java build's classes, which may hold other resources: only
        // dist/ is ours to empty (`mvn clean` clears old hashed files from target/).
        emptyOutDir: !process.env.SKP_CLIENT_OUT_DIR,
        assetsDir: 'assets',
        assetsInlineLimit: 0,
        modulePreload: { polyfill: false },
        sourcemap: false,
        target: 'es2022',
    },
    // `npm run dev`: see scripts/dev-backend.ts and README.md
    plugins: command === 'serve' ? [devBackend()] : [],
    server: { port: Number(process.env.SKP_DEV_PORT || 5173), strictPort: true },
}));
