import { useVersions } from '../overview/overview-queries';

const older = (release: string, major: number, minor: number) => {
  const [a = 0, b = 0] = release.split('.').map(Number);
  return a < major || (a === major && b < minor);
};

/**
 * "Share groups: needs Kafka 4.2+ (this cluster runs 3.9)": said up front, from the brokers'
 * ApiVersions, instead of an error when the feature is tried. Nothing while versions load or
 * when every broker is new enough.
 */
export function NeedsKafka({ connectionId, feature, major, minor }: { connectionId: string; feature: string; major: number; minor: number }) {
  const { data } = useVersions(connectionId);
  const oldest = data?.releases[0];
  if (!oldest || !older(oldest, major, minor)) return null;
  return (
    <span className="text-muted" data-testid="needs-kafka">
      {feature}: needs Kafka {major}.{minor}+ (this cluster runs {data.releases.join(', ')})
    </span>
  );
}
