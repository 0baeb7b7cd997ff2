import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Begins a transaction, sends records to partition 0, flushes, says "SENT", and waits to be
 * killed: the test SIGKILLs it, leaving the transaction open on the partition.
 * Args: bootstrap topic transactionalId count.
 */
public class HangingTransaction {
    public static void main(String[] args) throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", args[0]);
        props.put("transactional.id", args[2]);
        // The longest the broker allows by default, so the coordinator does not abort it during the test.
        props.put("transaction.timeout.ms", "900000");
        props.put("key.serializer", StringSerializer.class.getName());
        props.put("value.serializer", StringSerializer.class.getName());
        KafkaProducer<String, String> producer = new KafkaProducer<>(props);
        producer.initTransactions();
        producer.beginTransaction();
        for (int i = 0; i < Integer.parseInt(args[3]); i++) producer.send(new ProducerRecord<>(args[1], 0, "k" + i, "uncommitted-" + i));
        producer.flush();
        System.out.println("SENT");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
