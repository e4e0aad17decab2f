/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The bot's Microsoft App ID, for the "chat with the bot" deep link in Teams. */
  readonly VITE_BOT_APP_ID?: string;
}
