# syntax=docker/dockerfile:1
# Plexus worker image (BullMQ jobs; prints PDFs with puppeteer-core driving Debian's Chromium).
# Build context: the repository root.   docker build -f docker/worker.Dockerfile -t plexus-worker .
# The deps and build stages are identical in api/worker/web Dockerfiles, so BuildKit reuses them across images.
ARG NODE_IMAGE=node:24-bookworm-slim

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

FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
ENV PUPPETEER_SKIP_DOWNLOAD=1
COPY package.json package-lock.json .npmrc ./
RUN --mount=type=cache,target=/root/.npm npm install --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
# tini reaps Chromium's child processes and forwards SIGTERM to node.
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-liberation tini \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production CHROMIUM_PATH=/usr/bin/chromium PUPPETEER_SKIP_DOWNLOAD=1
COPY package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist/apps/worker ./dist/apps/worker
COPY docker/worker-healthcheck.js ./docker/worker-healthcheck.js
RUN mkdir -p /app/var/documents && chown -R node:node /app/var
USER node
# No HTTP server: healthy while this container's heartbeat key is present in Redis (see the script).
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
  CMD ["node", "docker/worker-healthcheck.js"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/apps/worker/main.js"]
