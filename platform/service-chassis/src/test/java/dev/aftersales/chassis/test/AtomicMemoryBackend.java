package dev.aftersales.chassis.test;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The in-memory MongoDB-wire backend, made to honour what real MongoDB guarantees: each command
 * sees and changes documents atomically. mongo-java-server 1.47 runs commands on several netty
 * threads without a lock in its collection code: an update matches a document, then mutates the
 * stored object in place (remove keys, put keys), and a find returns the stored objects themselves,
 * serialised after the command returns. A reader can then see half of a write, and a version-guarded
 * write based on it can wipe another one (seen as the parts storm losing a reservation now and then).
 * Running one command at a time, with the answer copied while still inside the lock, gives
 * single-document atomicity (and more) to every test.
 */
public class AtomicMemoryBackend extends MemoryBackend {

    @Override
    public synchronized Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        var answer = super.handleCommand(channel, databaseName, command, query);
        return answer == null ? null : answer.cloneDeeply();
    }
}
