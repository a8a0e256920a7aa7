# syntax=docker/dockerfile:1
# Optional static front end: nginx serves dist/apps/web/browser and proxies /api/ to the api service.
# (The API image serves the same files itself; use this when you want nginx in front.)
# Build context: the repository root.   docker build -f docker/web.Dockerfile -t plexus-web .
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

# Runs as uid 101 and listens on 8080 (no root, no privileged port).
FROM nginxinc/nginx-unprivileged:stable-alpine AS runtime
COPY docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/dist/apps/web/browser /usr/share/nginx/html
EXPOSE 8080
