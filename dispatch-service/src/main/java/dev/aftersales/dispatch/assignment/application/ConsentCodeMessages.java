package dev.aftersales.dispatch.assignment.application;

import java.time.Instant;

/**
 * Where consent codes leave dispatch for the SMS gateway. {@link #send} returns only once the message
 * is safely with the gateway's topic, and throws when it is not: the caller then withdraws the code.
 */
public interface ConsentCodeMessages {

    /**
     * One text message to one phone. Holds the plaintext code: it must never be stored, logged or
     * published anywhere but on the gateway's own topic.
     */
    record ConsentCodeMessage(String messageId, String assignmentId, String phone, String text, Instant sentAt) {

        /** Never the phone or the text: a message that ends up in a log says only which it was. */
        @Override
        public String toString() {
            return "ConsentCodeMessage[" + messageId + " for " + assignmentId + "]";
        }
    }

    void send(ConsentCodeMessage message);
}
