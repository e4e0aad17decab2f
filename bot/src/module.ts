import type { Clock } from '@pc/core';
import type { Server } from 'restify';
import type { AppServices } from './compose.ts';
import type { AppConfig } from './config.ts';
import type { Store } from './cosmos/index.ts';
import type { Logger } from './logging.ts';

/** The store every module shares: the Cosmos store, with key-value collections for later features. */
export type AppStore = Store;

export interface AppModuleContext {
  readonly server: Server;
  readonly config: AppConfig;
  readonly store: AppStore;
  readonly logger: Logger;
  readonly clock: Clock;
  /** The server's version, from bot/package.json. */
  readonly version: string;
  /** The use-case deps and bot state, built once in compose.ts and shared by every edge. */
  readonly services: AppServices;
}

/** A surface that registers routes: the Teams bot endpoint, the REST API for the tab and add-in. */
export interface AppModule {
  readonly name: string;
  register(context: AppModuleContext): void | Promise<void>;
  /** Stops background work the module started (timers, queues); called by App.close. */
  close?(): Promise<void>;
}
