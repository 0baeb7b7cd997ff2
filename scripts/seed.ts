/** npm run seed [-- 127.0.0.1:9092]: demo topics with readable data (idempotent). */
import { seedCluster } from './seed-data';

const bootstrap = process.argv[2] ?? process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
const { created } = await seedCluster(bootstrap);
console.log(created.length ? `seeded ${bootstrap}: ${created.join(', ')}` : `${bootstrap} was already seeded`);
