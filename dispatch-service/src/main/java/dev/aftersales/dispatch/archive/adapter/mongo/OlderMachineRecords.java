package dev.aftersales.dispatch.archive.adapter.mongo;

import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterLoadEvent;
import org.springframework.stereotype.Component;

/**
 * Reads machine records stored before their installation facts were one unwrapped {@code
 * Installation}: those documents keep the serial number only as {@code _id}, so it is copied into
 * the {@code serialNumber} field the facts are read from. Records written since carry both.
 */
@Component
class OlderMachineRecords extends AbstractMongoEventListener<InstallationDocument> {

    @Override
    public void onAfterLoad(AfterLoadEvent<InstallationDocument> event) {
        var document = event.getDocument();
        if (document != null && !document.containsKey("serialNumber")) {
            document.put("serialNumber", document.get("_id"));
        }
    }
}
