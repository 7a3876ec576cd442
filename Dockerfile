# The bot in a container: a slim Node 20 image, no dev dependencies, a non-root user.
# Build:  docker build -t job-assistant .
# Run:    docker run -p 3978:3978 --env-file .env job-assistant
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY bot bot
COPY dialogs dialogs
COPY data data
COPY cli cli
COPY scripts scripts
COPY types types
RUN npm run build

FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --omit=dev --no-audit --no-fund --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist dist
# Read at run time: the offers and rules files, the pages' assets, the language model.
COPY data data
COPY bot/webchat bot/webchat
COPY bot/admin/admin.css bot/admin/handoff.js bot/admin/
COPY deployment/clu deployment/clu
RUN mkdir -p state && chown -R node:node /app/state /app/data
USER node
EXPOSE 3978
# One process per core (WEB_CONCURRENCY to choose): it needs AZURE_STORAGE_CONNECTION_STRING and the
# Azure Bot channel; for the embedded defaults run dist/bot/index.js instead.
CMD ["node", "dist/bot/cluster.js"]
