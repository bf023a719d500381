package dev.aftersales.followup;

import dev.aftersales.followup.casefile.domain.CaseFiles;
import dev.aftersales.followup.returncall.domain.ReturnCall;
import dev.aftersales.followup.returncall.domain.ReturnCalls;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The store of return calls with two faults, each only for calls after a visit on its own assignments
 * (all others pass straight through):
 *
 * <ul>
 *   <li>{@code ASG-FAILS-ONCE-…}: the first insert of the call fails, as a broken connection would. The
 *       return-call handler is the last of a visit completion's handlers, so the listener runs them all
 *       again: a test sees that each capability is idempotent on its own.
 *   <li>{@code ASG-OVERTAKEN-…}: every save of the call finds that another agent saved it first.
 * </ul>
 */
@TestConfiguration(proxyBeanMethods = false)
public class UnreliableReturnCalls {

    static final String FAILS_ONCE = "ASG-FAILS-ONCE-";
    static final String OVERTAKEN = "ASG-OVERTAKEN-";

    /** How many visits the case file showed when the insert of its call failed. */
    static final Map<String, Integer> visitsOnFileAtFailure = new ConcurrentHashMap<>();

    @Bean
    static BeanPostProcessor unreliableReturnCalls(ObjectProvider<CaseFiles> caseFiles) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof ReturnCalls calls ? new Unreliable(calls, caseFiles) : bean;
            }
        };
    }

    record Unreliable(ReturnCalls store, ObjectProvider<CaseFiles> caseFiles) implements ReturnCalls {

        @Override
        public boolean add(ReturnCall call) {
            var failsOnce = call.assignmentId() != null && call.assignmentId().startsWith(FAILS_ONCE);
            if (failsOnce && !visitsOnFileAtFailure.containsKey(call.id())) {
                var visits = caseFiles
                        .getObject()
                        .find(call.complaintId())
                        .map(f -> f.visits().size())
                        .orElse(0);
                visitsOnFileAtFailure.put(call.id(), visits);
                throw new IllegalStateException("the store failed the first insert of " + call.id());
            }
            return store.add(call);
        }

        @Override
        public Optional<ReturnCall> find(String id) {
            return store.find(id);
        }

        @Override
        public void save(ReturnCall call) {
            if (call.assignmentId() != null && call.assignmentId().startsWith(OVERTAKEN)) {
                throw new OptimisticLockingFailureException("another agent saved " + call.id() + " first");
            }
            store.save(call);
        }

        @Override
        public List<ReturnCall> dueBy(Instant deadline) {
            return store.dueBy(deadline);
        }

        @Override
        public List<ReturnCall> unreachable() {
            return store.unreachable();
        }
    }
}
