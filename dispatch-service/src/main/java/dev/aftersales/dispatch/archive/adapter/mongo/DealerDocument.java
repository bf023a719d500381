package dev.aftersales.dispatch.archive.adapter.mongo;

import dev.aftersales.dispatch.archive.domain.Dealer;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("dealers")
record DealerDocument(@Id String dealerId, String name, String regionCode) {

    static DealerDocument of(Dealer dealer) {
        return new DealerDocument(dealer.dealerId(), dealer.name(), dealer.regionCode());
    }
}
