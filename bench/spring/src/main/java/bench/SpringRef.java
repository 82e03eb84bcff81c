package bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spring Boot with Spring MVC on its embedded Tomcat, as a new project gets it: /plaintext,
 * /json (a message object serialized per request by Boot's Jackson) and the static files Boot
 * serves from spring.web.resources.static-locations (bench/run points it at its CSS folder).
 * Usage: java -jar spring-ref.jar --server.port=PORT [--spring.web.resources.static-locations=file:DIR/]
 */
@SpringBootApplication
@RestController
public class SpringRef {
    record Message(String message) {
    }

    @GetMapping(value = "/plaintext", produces = MediaType.TEXT_PLAIN_VALUE)
    String plaintext() {
        return "Hello, World!";
    }

    @GetMapping("/json")
    Message json() {
        return new Message("Hello, World!");
    }

    public static void main(String[] args) {
        SpringApplication.run(SpringRef.class, args);
    }
}
