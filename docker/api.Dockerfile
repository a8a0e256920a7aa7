# syntax=docker/dockerfile:1
# Plexus API image (also serves the built web app from WEB_DIST). Build context: the repository root.
#   docker build -f docker/api.Dockerfile -t plexus-api .
# The deps and build stages are identical in api/worker/web Dockerfiles, so BuildKit reuses them across images.
ARG NODE_IMAGE=node:24-bookworm-slim

# All packages, for building. `npm install`, not `npm ci`: the lockfile lacks other platforms' optional packages.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV PUPPETEER_SKIP_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
COPY package.json package-lock.json .npmrc ./
RUN --mount=type=cache,target=/root/.npm npm install --no-audit --no-fund

FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NX_DAEMON=false NX_NO_CLOUD=true NG_CLI_ANALYTICS=false NX_TUI=false
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json nx.json tsconfig.base.json ./
COPY libs ./libs
COPY apps ./apps
RUN npx nx run-many -t build --projects=api,worker,web --outputStyle=static

# Production packages only: dist/apps/*/main.js is bundled with node_modules left external.
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
ENV PUPPETEER_SKIP_DOWNLOAD=1
COPY package.json package-lock.json .npmrc ./
RUN --mount=type=cache,target=/root/.npm npm install --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 WEB_DIST=/app/dist/apps/web/browser
COPY package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist/apps/api ./dist/apps/api
COPY --from=build /app/dist/apps/web/browser ./dist/apps/web/browser
# Files stay root-owned and read-only to the app; it runs as the image's unprivileged `node` user (uid 1000).
RUN mkdir -p /app/var/documents && chown -R node:node /app/var
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Other commands: `migrate` (as DATABASE_OWNER_URL) and `seed`.
CMD ["node", "dist/apps/api/main.js", "serve"]
