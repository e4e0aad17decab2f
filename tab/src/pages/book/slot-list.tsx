import { Button, Field, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { bookedTime } from '@pc/core/api';
import { formatDate } from '../../components/format.ts';
import { readerZone, type Slot } from './choices.ts';
import type { Found } from './use-booking.ts';

const endTime = (iso: string): string => bookedTime(iso, readerZone()).split(', ')[1] ?? iso;

/** The times free in both calendars, one to choose; or why there are none, and a way to look later. */
export const SlotList = ({
  found,
  selected,
  onSelect,
  onLater,
}: {
  found: Found;
  selected: Slot | undefined;
  onSelect: (slot: Slot) => void;
  onLater: () => void;
}) => {
  const range = `${formatDate(found.range.from)} to ${formatDate(found.range.to)}`;
  return (
    <>
      {found.slots.length === 0 ? (
        <Text as="p" block role="status">
          {found.explanation ?? 'No time is free in both calendars then.'} ({range})
        </Text>
      ) : (
        <Field label={`Times you are both free, ${range}`}>
          <RadioGroup
            value={selected?.start ?? ''}
            onChange={(_, d) => {
              const slot = found.slots.find((s) => s.start === d.value);
              if (slot !== undefined) onSelect(slot);
            }}
          >
            {found.slots.map((s) => (
              <Radio
                key={s.start}
                value={s.start}
                label={`${bookedTime(s.start, readerZone())} to ${endTime(s.end)}`}
              />
            ))}
          </RadioGroup>
        </Field>
      )}
      <div>
        <Button appearance="subtle" onClick={onLater}>
          Show later times
        </Button>
      </div>
    </>
  );
};
