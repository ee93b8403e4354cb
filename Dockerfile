# Production image: the app; with `npx tsx scripts/worker.ts` (compose's `worker` service), the notification worker.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx next build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production APP_ENV=production
COPY --from=build /app ./
EXPOSE 3000
CMD ["npx", "tsx", "scripts/start.ts"]
