package dev.aftersales.chassis.test;

import dev.aftersales.contracts.bounds.RecordBounds;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The request bodies of a service, found the way Spring MVC finds them: the {@code @RequestBody}
 * parameters of the handler methods of its controllers.
 */
public final class RequestBodies {

    /** One body: where it is taken, and what is unbounded in it. */
    public record Body(String handler, List<String> unbounded) {}

    private RequestBodies() {}

    /**
     * Every request body of the controllers under {@code basePackage}. A whole body of type {@code
     * String} or {@code byte[]} is raw content (CSV, a file) bounded by the request size limit of its
     * path; every other
     * body is checked by {@link RecordBounds}, nested records and list elements included.
     */
    public static List<Body> of(String basePackage) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
        var bodies = new ArrayList<Body>();
        for (var candidate : scanner.findCandidateComponents(basePackage)) {
            var controller =
                    ClassUtils.resolveClassName(candidate.getBeanClassName(), RequestBodies.class.getClassLoader());
            for (Method method : controller.getDeclaredMethods()) {
                if (!AnnotatedElementUtils.hasAnnotation(method, RequestMapping.class)) {
                    continue;
                }
                var parameters = method.getParameters();
                for (int i = 0; i < parameters.length; i++) {
                    if (!parameters[i].isAnnotationPresent(RequestBody.class)
                            || parameters[i].getType() == String.class
                            || parameters[i].getType() == byte[].class) {
                        continue;
                    }
                    var handler = controller.getSimpleName() + "." + method.getName();
                    bodies.add(new Body(
                            handler,
                            RecordBounds.unboundedInRequestBody(
                                    handler + "(" + parameters[i].getType().getSimpleName() + ")",
                                    method.getAnnotatedParameterTypes()[i],
                                    parameters[i].getAnnotations())));
                }
            }
        }
        return bodies;
    }

    /** What is unbounded in any request body under {@code basePackage}; empty when all are bounded. */
    public static List<String> unboundedIn(String basePackage) {
        return of(basePackage).stream().flatMap(b -> b.unbounded().stream()).toList();
    }
}
