import { InvalidRulesError } from '../data/eligibility/eligibilityRules.js';
import { InvalidOffersError } from '../data/offers/offerStore.js';
import { startApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';

/** `npm start`: the bot on its embedded defaults, or on whatever the environment configures. */
try {
  const app = await startApp(loadConfig());
  const stop = () => void app.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  if (error instanceof InvalidOffersError || error instanceof InvalidRulesError || error instanceof ConfigError) {
    console.error(`The bot did not start.\n${error.message}`);
    process.exit(1);
  }
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`The bot did not start: port ${process.env.PORT ?? 3978} is in use (set PORT to another one).`);
    process.exit(1);
  }
  throw error;
}
