# One image for every process: `node dist/apps/api/main.js`, `node dist/apps/projector/main.js`
# or `node dist/apps/ingest/main.js` (docker-compose.yml runs all three).
FROM node:26-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY libs libs
COPY apps apps
COPY scripts scripts
RUN npm run build && npm prune --omit=dev

FROM node:26-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production DATA_DIR=/data HOST=0.0.0.0
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY package.json ./
# Owned by the runtime user, so a fresh named volume mounted here is writable by it.
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node
CMD ["node", "--max-old-space-size=512", "dist/apps/api/main.js"]
