import { Text } from '@fluentui/react-components';
import { EmptyState } from '../../components/status.tsx';

/** Organisation: this page is being built. */
const Page = ({ rest }: { rest: readonly string[] }) => (
  <>
    <Text as="h1" block size={700} weight="semibold">
      Organisation
    </Text>
    <EmptyState title="Not available yet">
      {rest.length === 0 ? 'This page is on its way.' : 'Nothing to show here yet.'}
    </EmptyState>
  </>
);

export default Page;
