import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The API serves the built panel same-origin under /admin, so every request is
 * a relative `/api/...` call carrying the session cookie. In development the
 * Vite server proxies /api to the API on its default port.
 */
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      // The panel, and the public signing page, which carries none of the panel's code.
      input: { main: 'index.html', sign: 'sign.html' },
      output: {
        // Libraries in their own chunks: they stay cached across panel releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/, priority: 3 },
            // The charts and the d3 they draw with, apart from the components, so each chunk stays small and is cached on its own.
            { name: 'charts', test: /node_modules[\\/](@mui[\\/]x-charts[a-z-]*|d3-[a-z-]+|@mui[\\/]x-internals)[\\/]/, priority: 3 },
            { name: 'mui', test: /node_modules[\\/](@mui|@emotion|@popperjs)[\\/]/, priority: 2 },
            { name: 'react-admin', test: /node_modules[\\/](react-admin|ra-[a-z-]+|@tanstack)[\\/]/, priority: 2 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
    },
  },
});
