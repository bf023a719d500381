package dev.aftersales.dispatch;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The chassis' {@code ChassisDoors} test fixture asks the context for a single {@code
 * EventSubscriptions} bean, while dispatch declares one per consuming capability (assignment, feed),
 * as the chassis merges them. Until the fixture merges them too, the assignment's bean answers it;
 * its first topic is the one whose dead letters the authorization matrix lists and replays. Found by
 * the application's component scan in every slice test; the beans themselves are left as they are.
 */
@Configuration(proxyBeanMethods = false)
class ChassisDoorsSubscriptions {

    @Bean
    static BeanFactoryPostProcessor assignmentEventsAnswerForAllSubscriptions() {
        return beanFactory -> beanFactory.getBeanDefinition("assignmentEvents").setPrimary(true);
    }
}
