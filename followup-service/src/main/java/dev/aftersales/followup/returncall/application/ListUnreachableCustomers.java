package dev.aftersales.followup.returncall.application;

import dev.aftersales.followup.returncall.domain.ReturnCall;
import dev.aftersales.followup.returncall.domain.ReturnCalls;
import java.util.List;
import org.springframework.stereotype.Service;

/** The supervisors' list: return calls whose customer could not be reached. */
@Service
public class ListUnreachableCustomers {

    private final ReturnCalls returnCalls;

    ListUnreachableCustomers(ReturnCalls returnCalls) {
        this.returnCalls = returnCalls;
    }

    public List<ReturnCall> list() {
        return returnCalls.unreachable();
    }
}
