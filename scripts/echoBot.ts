import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import restify from 'restify';

/**
 * The plainest Bot Framework bot, as the samples write it (restify, CloudAdapter, ActivityHandler
 * echoing the message): the yardstick `npm run bench -- turns` measures the full bot against.
 */
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new ActivityHandler();
bot.onMessage(async (context, next) => {
  await context.sendActivity(`Echo: ${context.activity.text ?? ''}`);
  await next();
});
const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
server.listen(Number(process.env.PORT ?? 0), () => {
  console.log(JSON.stringify({ message: 'echo bot listening', url: `http://localhost:${(server.address() as { port: number }).port}` }));
});
