import { Field, Input, Select, Textarea } from '@fluentui/react-components';
import { NATIONS, ROLES, THEME_HEADINGS, type AdminView, type SettingsDraft } from './settings-draft.ts';

const THEME_LABELS: Readonly<Record<(typeof THEME_HEADINGS)[number], string>> = {
  trainingNeeds: 'Training needs heading',
  systemNeeds: 'Systems heading',
  resourcingNeeds: 'Resourcing heading',
  otherThemes: 'Other themes heading',
  summary: 'Summary heading',
};

const ROLE_LABELS: Readonly<Record<(typeof ROLES)[number], string>> = {
  admin: 'Administrators group',
  hr: 'HR group',
  coordinator: 'Coordinators group',
  auditor: 'Auditors group',
  'senior-manager': 'Senior managers group',
};

interface Props {
  readonly view: AdminView;
  readonly draft: SettingsDraft;
  readonly set: (change: Partial<SettingsDraft>) => void;
}

/** The organisation and its notifications: name, nation, time zone, quiet hours, check-ins. */
export const OrganisationFields = ({ draft, set }: Pick<Props, 'draft' | 'set'>) => (
  <>
    <Field label="Organisation name" required>
      <Input
        value={draft.name}
        onChange={(_, d) => {
          set({ name: d.value });
        }}
      />
    </Field>
    <Field label="Nation (for bank holidays)">
      <Select
        value={draft.nation}
        onChange={(_, d) => {
          set({ nation: d.value as SettingsDraft['nation'] });
        }}
      >
        {Object.entries(NATIONS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </Select>
    </Field>
    <Field label="Time zone">
      <Input
        value={draft.timeZone}
        onChange={(_, d) => {
          set({ timeZone: d.value });
        }}
      />
    </Field>
    <Field label="Quiet hours start" hint="No nudges from this time…">
      <Input
        type="time"
        value={draft.quietStart}
        onChange={(_, d) => {
          set({ quietStart: d.value });
        }}
      />
    </Field>
    <Field label="Quiet hours end" hint="…until this time, and never at weekends.">
      <Input
        type="time"
        value={draft.quietEnd}
        onChange={(_, d) => {
          set({ quietEnd: d.value });
        }}
      />
    </Field>
    <Field label="Check-in every (weeks)">
      <Input
        type="number"
        min={1}
        max={12}
        value={draft.checkinEveryWeeks}
        onChange={(_, d) => {
          set({ checkinEveryWeeks: d.value });
        }}
      />
    </Field>
  </>
);

/** What the scheme's policy leaves to the organisation. */
export const SchemeFields = ({ view, draft, set }: Props) => (
  <>
    {view.schemeDefaults.regularEveryWeeks === null ? null : (
      <Field
        label="Regular conversations every (weeks), until a pair agrees its own"
        hint={`The scheme's default is ${String(view.schemeDefaults.regularEveryWeeks)} weeks.`}
      >
        <Input
          type="number"
          min={1}
          max={26}
          value={draft.regularEveryWeeks}
          onChange={(_, d) => {
            set({ regularEveryWeeks: d.value });
          }}
        />
      </Field>
    )}
    {view.schemeDefaults.retentionKeepYears === null ? (
      <Field
        label="Keep leavers' archived records for (years)"
        hint="The policy sets no keeping period. Left empty, the product's default applies (HR's retention section shows it). Nothing is deleted when it ends: HR is asked to decide."
      >
        <Input
          type="number"
          min={1}
          max={100}
          value={draft.retentionKeepYears ?? ''}
          onChange={(_, d) => {
            set({ retentionKeepYears: d.value });
          }}
        />
      </Field>
    ) : null}
    {view.schemeDefaults.hasBigPicture ? (
      <Field label="Big Picture questions" hint="One question per line. Everyone's next Big Picture agenda uses them.">
        <Textarea
          resize="vertical"
          rows={6}
          value={draft.bigPicture}
          onChange={(_, d) => {
            set({ bigPicture: d.value });
          }}
        />
      </Field>
    ) : null}
    {THEME_HEADINGS.map((id) => (
      <Field key={id} label={THEME_LABELS[id]}>
        <Input
          value={draft.themes[id]}
          onChange={(_, d) => {
            set({ themes: { ...draft.themes, [id]: d.value } });
          }}
        />
      </Field>
    ))}
  </>
);

/** Entra groups whose members hold each role, besides the app roles. */
export const RoleGroupFields = ({ draft, set }: Props) => (
  <>
    {ROLES.map((role) => (
      <Field key={role} label={ROLE_LABELS[role]} hint="Entra group object ids, separated by commas.">
        <Input
          value={draft.groups[role]}
          onChange={(_, d) => {
            set({ groups: { ...draft.groups, [role]: d.value } });
          }}
        />
      </Field>
    ))}
  </>
);
