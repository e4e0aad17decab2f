import type { ResponseOf, Routes } from '@pc/core/api';

export type AppealView = ResponseOf<Routes['appeals.get']>;
export type AppealListItem = ResponseOf<Routes['appeals.list']>['items'][number];
export type AppealRole = AppealView['roles'][number];
export type Deadline = AppealView['deadlines'][number];
export type DisagreementView = ResponseOf<Routes['disagreements.list']>['items'][number];
